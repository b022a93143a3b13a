export { useDoneMessage } from './DoneMessage';
