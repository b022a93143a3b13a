export { RecordHotfixButton } from './RecordHotfixButton';
export { RecordHotfixDialog } from './RecordHotfixDialog';
export type { RecordHotfixDialogProps } from './RecordHotfixDialog';
