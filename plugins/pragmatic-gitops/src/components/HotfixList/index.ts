export { EntityHotfixesCard } from './EntityHotfixesCard';
export type { EntityHotfixesCardProps } from './EntityHotfixesCard';
export { HotfixesCard } from './HotfixesCard';
export { HotfixBanners, hasHotfixAlarms } from './HotfixBanners';
export { HotfixHighlightProvider, useHotfixHighlight } from './HotfixHighlight';
export { HotfixStatusChip } from './HotfixStatusChip';
export { hotfixAnchor } from './HotfixRow';
export { useEntityHotfixes } from './useEntityHotfixes';
export type { EntityHotfixesState } from './useEntityHotfixes';
