/** The API types live in the common package, shared with the backend. */
export { HOTFIX_STATUSES } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
export type {
  HotfixStatus,
  HotfixChange,
  HotfixEventType,
  HotfixEvent,
  Hotfix,
  RecordHotfixInput,
  RecordHotfixOptions,
  HotfixQuery,
  HotfixList,
  SecretRefResolution,
  SecretRefUsage,
  SecretRef,
  ExplainedDifference,
  ExplainedResourceDrift,
  ExplainedEntityDrift,
  EntityGitopsDetails,
  HotfixTotals,
  FindingTotals,
  FleetOverview,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
