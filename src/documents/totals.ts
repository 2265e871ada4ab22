import type { TotalRow } from '../domain/documents/commercial-invoice.ts';
import type { Frame } from './frame.ts';
import { THEME } from './theme.ts';

const ROW_PAD = 3;

function isAmount(value: string): boolean {
  return /^-?[\d,]+(\.\d+)?$/.test(value);
}

function rowHeight(frame: Frame, row: TotalRow, labelWidth: number, valueWidth: number): number {
  const style = { bold: row.emphasis ?? false, size: row.emphasis ? 9 : THEME.size.body };
  const valueStyle = isAmount(row.value) || row.emphasis ? style : { size: THEME.size.small };
  return Math.max(frame.measure(row.label, labelWidth, style), frame.measure(row.value, valueWidth, valueStyle)) + 2 * ROW_PAD;
}

function split(width: number): { labelWidth: number; valueWidth: number } {
  return { labelWidth: width * 0.5 - 2 * ROW_PAD, valueWidth: width * 0.5 - 2 * ROW_PAD };
}

export function measureTotals(frame: Frame, rows: TotalRow[], width: number): number {
  const { labelWidth, valueWidth } = split(width);
  return rows.reduce((sum, row) => sum + rowHeight(frame, row, labelWidth, valueWidth), 0);
}

/** Label/amount pairs, right-aligned amounts, the emphasised grand total boxed at the bottom. */
export function drawTotals(frame: Frame, rows: TotalRow[], x: number, y: number, width: number): number {
  const { labelWidth, valueWidth } = split(width);
  let cy = y;
  for (const row of rows) {
    const height = rowHeight(frame, row, labelWidth, valueWidth);
    const style = { bold: row.emphasis ?? false, size: row.emphasis ? 9 : THEME.size.body };
    if (row.emphasis) frame.rect(x, cy, width, height, { fill: THEME.fill, stroke: THEME.accent, lineWidth: 0.9 });
    else frame.line(x, cy + height, x + width, cy + height, THEME.hairline, 0.4);
    frame.text(row.label, x + ROW_PAD, cy + ROW_PAD, labelWidth, style);
    frame.text(row.value, x + width * 0.5 + ROW_PAD, cy + ROW_PAD, valueWidth, {
      ...style,
      align: 'right',
      color: isAmount(row.value) || row.emphasis ? THEME.ink : THEME.muted,
      size: isAmount(row.value) || row.emphasis ? style.size : THEME.size.small,
    });
    cy += height;
  }
  return cy - y;
}
