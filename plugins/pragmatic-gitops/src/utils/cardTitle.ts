/**
 * `titleTypographyProps` of every card: its title is a heading (MUI's card
 * header renders a span), so screen readers list and jump between cards.
 */
export const CARD_TITLE = { component: 'h2' } as const;
