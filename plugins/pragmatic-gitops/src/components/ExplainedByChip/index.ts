export { ExplainedByChip } from './ExplainedByChip';
