export { ChangedByNote, changedByText } from './ChangedByNote';
