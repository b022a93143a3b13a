import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /**
       * The Pragmatic GitOps collator: one search document per tracked
       * entity, with its track and drift status.
       */
      pragmaticGitops?: {
        /**
         * How often to re-index. Defaults to every 10 minutes, with a
         * 15-minute timeout and a 3-second initial delay.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Where a result links to, with `:namespace`, `:kind` and `:name`
         * placeholders. Defaults to the entity's GitOps tab,
         * `/catalog/:namespace/:kind/:name/gitops`.
         */
        locationTemplate?: string;
      };
    };
  };
}
