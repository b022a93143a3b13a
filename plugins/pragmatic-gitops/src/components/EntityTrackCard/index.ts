export { EntityTrackCard } from './EntityTrackCard';
export type { EntityTrackCardProps } from './EntityTrackCard';
