/** The automatic lifecycle of hotfixes: drift seen, back-ported, reverted. */
export { digestValue, stableStringify } from './digest';
export {
  createTouchedStateResolver,
  touchedState,
  touchedStates,
} from './touchedState';
export type { TouchedStateInput } from './touchedState';
export { evaluateLifecycle } from './evaluateLifecycle';
export type { LifecycleContext } from './evaluateLifecycle';
export { explainDrift } from './explainDrift';
export type {
  ExplainedDifference,
  ExplainedDrift,
  ExplainedResourceDrift,
  ExplainingHotfix,
} from './explainDrift';
export { PENDING_BACKPORT } from './types';
export type {
  BackportedDetail,
  DriftObservedDetail,
  HotfixChange,
  HotfixEvent,
  LifecycleEvent,
  LifecycleHotfix,
  RevertedDetail,
  TouchedState,
} from './types';
