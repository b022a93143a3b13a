import { AuthService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { OverviewStore } from '../database/OverviewStore';
import { HotfixService } from '../ledger';
import { EntityStatusService } from '../service/EntityStatusService';
import { ReadableEntities } from '../service/ReadableEntities';
import { RecordHotfixDeps } from '../service/recordHotfix';
import { registerGetEntityGitopsStatusAction } from './getEntityGitopsStatus';
import { registerListDriftedEntitiesAction } from './listDriftedEntities';
import { registerListOverdueBackportsAction } from './listOverdueBackports';
import { registerRecordHotfixAction } from './recordHotfix';

export type GitopsActionsOptions = RecordHotfixDeps & {
  entityStatus: EntityStatusService;
  overview: OverviewStore;
  readableEntities: ReadableEntities;
  hotfixes: HotfixService;
  auth: AuthService;
  /** `app.baseUrl`, for links in action output. */
  appBaseUrl?: string;
};

/**
 * Registers the plugin's actions with the actions registry, so assistants
 * (over MCP, with the mcp-actions backend) can call them. Each action is a
 * thin adapter over the same services the REST API uses.
 */
export function registerGitopsActions(
  actionsRegistry: ActionsRegistryService,
  options: GitopsActionsOptions,
): void {
  registerGetEntityGitopsStatusAction(actionsRegistry, options);
  registerListDriftedEntitiesAction(actionsRegistry, options);
  registerListOverdueBackportsAction(actionsRegistry, options);
  registerRecordHotfixAction(actionsRegistry, options);
}
