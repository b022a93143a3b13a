/** The drift engine: pure comparison of desired (Git) and live state. */
export { computeDrift, compareResources } from './computeDrift';
export { compareObject, compareNormalised } from './compareFields';
export type { CompareOptions } from './compareFields';
export {
  matchResources,
  canonicalGroup,
  effectiveNamespace,
} from './matchResources';
export type { MatchResult, ResourceMatch } from './matchResources';
export { parseQuantity, quantitiesEqual } from './quantities';
export { isSecretName, sanitizeValue } from './secretMasking';
export {
  naturalCompare,
  notAppliedMigrations,
  migrationId,
} from './migrations';
export { terraformPendingChanges, terraformDriftResources } from './terraform';
export { IgnoreRuleSet, formatRule } from './ignoreRules';
export {
  appendToken,
  escapeToken,
  formatPointer,
  parsePointer,
  unescapeToken,
} from './jsonPointer';
export { LAST_APPLIED_ANNOTATION } from './threeWay';
export { DEFAULT_GITOPS_FIELD_MANAGERS, MASKED_VALUE } from './types';
export type {
  Difference,
  DriftInput,
  DriftResult,
  IgnoredDifference,
  KubeObject,
  LiveState,
  ManagedFieldsEntry,
  MatchedPair,
  MigrationsState,
  PendingChanges,
  ResourceDrift,
  ResourceStatus,
  TerraformPlan,
  TerraformResourceChange,
} from './types';
