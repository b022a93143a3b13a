export { DriftStatusChip } from './DriftStatusChip';
export type { DriftStatusChipProps } from './DriftStatusChip';
export { ResourceStatusChip } from './ResourceStatusChip';
export { DRIFT_STATUS_APPEARANCE } from './statusAppearance';
export { statusSince } from './statusSince';
