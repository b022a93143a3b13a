import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { PullRequestOpener } from './PullRequestOpener';

/** The pull request openers of the hosts configured under `integrations`. */
export function createPullRequestOpeners(
  _config: Config,
  _options: { logger?: LoggerService } = {},
): Array<PullRequestOpener & { handles(sourceUrl: string): boolean }> {
  return [];
}
