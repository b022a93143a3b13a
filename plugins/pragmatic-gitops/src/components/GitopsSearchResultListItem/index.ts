export { GitopsSearchResultListItem } from './GitopsSearchResultListItem';
export type { GitopsSearchResultListItemProps } from './GitopsSearchResultListItem';
