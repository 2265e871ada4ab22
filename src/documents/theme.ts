/** One visual language for every export document: restrained navy headings, grey rules, black text. */
export const THEME = {
  margin: 36,
  footerHeight: 26,
  ink: '#1a1a1a',
  muted: '#5b6573',
  accent: '#1f3a5f',
  rule: '#8a96a3',
  hairline: '#c5ccd4',
  fill: '#eef1f5',
  size: {
    company: 12.5,
    title: 17,
    body: 8,
    small: 7,
    label: 6,
    table: 7.2,
    tableHeader: 6.4,
  },
  pad: 4,
} as const;

export type PageSize = 'A4' | 'LETTER';

/** Points (1/72 in): A4 210 × 297 mm, US Letter 8.5 × 11 in. */
export const PAGE_SIZES: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  LETTER: { width: 612, height: 792 },
};
