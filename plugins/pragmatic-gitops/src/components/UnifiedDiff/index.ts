export { UnifiedDiff } from './UnifiedDiff';
export { useDiffStyles } from './diffStyles';
