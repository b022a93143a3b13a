export { pragmaticGitopsApiRef } from './PragmaticGitopsApi';
export type {
  EntityHistory,
  HotfixExportQuery,
  OverviewQuery,
  PragmaticGitopsApi,
} from './PragmaticGitopsApi';
export { PragmaticGitopsClient } from './PragmaticGitopsClient';
export { HOTFIX_STATUSES } from './types';
export type {
  BackportField,
  BackportRefusal,
  BackportRefusalCode,
  BackportResource,
  EntityGitopsDetails,
  EntityStatusSummary,
  EntityStatusesByRefs,
  ExplainedDifference,
  ExplainedEntityDrift,
  ExplainedResourceDrift,
  FindingTotals,
  FleetOverview,
  Hotfix,
  HotfixBackport,
  HotfixChange,
  HotfixEvent,
  HotfixEventType,
  HotfixList,
  HotfixMetrics,
  HotfixExportFormat,
  HotfixQuery,
  HotfixStatus,
  HotfixTotals,
  RecordHotfixInput,
  RecordHotfixOptions,
  SecretRef,
  SecretRefResolution,
  SecretRefUsage,
} from './types';
