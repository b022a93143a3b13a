import { IndexableDocument } from '@backstage/plugin-search-common';
import { DriftStatus } from './types';
import { Track } from './track';

/** Search document type of the Pragmatic GitOps collator. @public */
export const GITOPS_SEARCH_TYPE = 'pragmatic-gitops';

/**
 * One tracked entity in Backstage search: its track and drift status, in
 * words (`text`) and as fields to filter on. `location` is the entity's
 * GitOps tab.
 *
 * @public
 */
export type GitopsSearchDocument = IndexableDocument & {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  track: Track;
  driftStatus: DriftStatus;
  owner: string;
  reason?: string;
  since: string;
};
