import { HumanDuration } from '@backstage/types';

export interface Config {
  pragmaticGitops?: {
    /**
     * How old live state may be before the pages warn that it is stale
     * ("Observed 5 days ago" beside "In sync"): a HumanDuration object
     * (`{ hours: 12 }`) or a duration string (`P1D`, `12h`). Default 1 day.
     * @visibility frontend
     */
    staleAfter?: HumanDuration | string;
  };
}
