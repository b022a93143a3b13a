import { formatHotfixId } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/**
 * The id `pragmatic-gitops:hotfix:record` outputs in a dry run, where nothing
 * is recorded; `pragmatic-gitops:hotfix:backport` takes it in a dry run.
 */
export const DRY_RUN_HOTFIX_ID = formatHotfixId(0);
