import type { CSSProperties } from 'react';

/** Lists read as one column of cards: full width on a phone, a readable width on a desk. */
export const LIST_PAGE: CSSProperties = { maxWidth: 960, width: '100%', margin: '0 auto' };
