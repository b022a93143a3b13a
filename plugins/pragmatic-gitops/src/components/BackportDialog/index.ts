export { BackportButton } from './BackportButton';
export { BackportDialog } from './BackportDialog';
export { useBackport } from './useBackport';
export type { BackportState } from './useBackport';
