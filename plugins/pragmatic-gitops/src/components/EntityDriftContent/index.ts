export { EntityDriftContent } from './EntityDriftContent';
