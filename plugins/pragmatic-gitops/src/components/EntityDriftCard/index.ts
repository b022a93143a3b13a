export { EntityDriftCard } from './EntityDriftCard';
export type { EntityDriftCardProps } from './EntityDriftCard';
