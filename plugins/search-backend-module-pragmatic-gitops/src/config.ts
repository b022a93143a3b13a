import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

const CONFIG_KEY = 'search.collators.pragmaticGitops';

/** Defaults of `search.collators.pragmaticGitops`, as the catalog collator's. */
export const defaults = {
  schedule: {
    frequency: { minutes: 10 },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 3 },
  } satisfies SchedulerServiceTaskScheduleDefinition,
  locationTemplate: '/catalog/:namespace/:kind/:name/gitops',
};

/** The collator's schedule, `search.collators.pragmaticGitops.schedule`. */
export function readScheduleConfig(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig(`${CONFIG_KEY}.schedule`);
  if (!schedule) {
    return defaults.schedule;
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule);
  } catch (error) {
    throw new InputError(
      `Invalid schedule at ${CONFIG_KEY}.schedule: ${error}`,
    );
  }
}

/** Where results link to, `search.collators.pragmaticGitops.locationTemplate`. */
export function readLocationTemplate(config: Config): string {
  return (
    config.getOptionalString(`${CONFIG_KEY}.locationTemplate`) ??
    defaults.locationTemplate
  );
}
