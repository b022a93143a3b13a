export { EntitySecretRefsCard } from './EntitySecretRefsCard';
export type { EntitySecretRefsCardProps } from './EntitySecretRefsCard';
export { SecretRefsCard } from './SecretRefsCard';
