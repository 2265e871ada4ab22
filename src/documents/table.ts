import type { Frame, TextStyle } from './frame.ts';
import { THEME } from './theme.ts';

export interface Column<Row> {
  header: string;
  /** Share of the table width; shares are normalised, so they need not add up to 1. */
  width: number;
  align?: 'left' | 'right' | 'center';
  cell: (row: Row) => string;
  /** A second, smaller line under the cell text (Chinese description, seal number). */
  sub?: (row: Row) => string | undefined;
  bold?: boolean;
  /**
   * A code (SKU, HS code, container no.) that must never break: the column is widened to its longest cell, up to
   * MAX_CODE_SHARE of the table, taking the room from the wrapping columns.
   */
  noWrap?: boolean;
}

/** A no-wrap column never takes more than this share of the table (a 40-character SKU needs about a third). */
const MAX_CODE_SHARE = 0.4;

export interface TableOptions {
  /** Rows drawn at the end in bold with a rule above (totals). */
  footer?: string[] | undefined;
  /** Draw vertical rules between columns (form-like tables such as the CO). */
  verticalRules?: boolean;
  /** Draw a hairline under each row. */
  rowRules?: boolean;
  /**
   * Text that fills one column from the first row down, independent of the rows (CO box 6 marks beside the goods);
   * the table is at least as tall as this text.
   */
  /**
   * Height of what follows the table (totals, signature): the last row moves to a new page with it rather than
   * leaving a closing block alone on the final page.
   */
  keepWithLastRow?: number | undefined;
  leadText?: Array<{ column: number; text: string; bold?: boolean }> | undefined;
}

const PAD_X = 3;
const PAD_Y = 2.5;

interface Measured {
  widths: number[];
  xs: number[];
  /** Each column's cell and sub-line styles, made once per table rather than per cell. */
  cellStyles: TextStyle[];
  subStyles: TextStyle[];
}

const SUB_SIZE = THEME.size.small - 0.5;

function layout<Row>(frame: Frame, columns: Column<Row>[], rows: readonly Row[] = []): Measured {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * frame.width);
  fitCodes(frame, columns, rows, widths);
  const xs: number[] = [];
  let x = frame.left;
  for (const w of widths) {
    xs.push(x);
    x += w;
  }
  const cellStyles = columns.map((c) => ({ ...cellStyle(c.bold), align: c.align ?? 'left' }));
  const subStyles = columns.map((c) => ({ size: SUB_SIZE, color: THEME.muted, align: c.align ?? 'left' }));
  return { widths, xs, cellStyles, subStyles };
}

/** Widens no-wrap columns to their longest cell and narrows the wrapping ones in proportion to pay for it. */
function fitCodes<Row>(frame: Frame, columns: Column<Row>[], rows: readonly Row[], widths: number[]): void {
  let extra = 0;
  columns.forEach((column, i) => {
    if (!column.noWrap) return;
    frame.style(cellStyle(column.bold));
    let longest = 0;
    for (const row of rows) longest = Math.max(longest, frame.doc.widthOfString(column.cell(row)));
    const needed = Math.min(longest + 2 * PAD_X + 1, frame.width * MAX_CODE_SHARE);
    const current = widths[i] ?? 0;
    if (needed > current) {
      widths[i] = needed;
      extra += needed - current;
    }
  });
  if (extra === 0) return;
  const flexible = columns.map((c, i) => (c.noWrap ? 0 : (widths[i] ?? 0)));
  const room = flexible.reduce((sum, w) => sum + w, 0);
  columns.forEach((c, i) => {
    if (!c.noWrap && room > 0) widths[i] = (widths[i] ?? 0) - extra * ((flexible[i] ?? 0) / room);
  });
}

function cellStyle(bold: boolean | undefined): TextStyle {
  return { size: THEME.size.table, bold: bold ?? false };
}

function rowHeight<Row>(frame: Frame, columns: Column<Row>[], m: Measured, row: Row): number {
  let height = 0;
  columns.forEach((column, i) => {
    const width = (m.widths[i] ?? 0) - 2 * PAD_X;
    let h = frame.measure(column.cell(row), width, m.cellStyles[i]);
    const sub = column.sub?.(row);
    if (sub) h += frame.measure(sub, width, m.subStyles[i]) + 1;
    height = Math.max(height, h);
  });
  return height + 2 * PAD_Y;
}

function drawHeaderRow<Row>(frame: Frame, columns: Column<Row>[], m: Measured): void {
  const heights = columns.map((c, i) =>
    frame.measure(c.header, (m.widths[i] ?? 0) - 2 * PAD_X, { size: THEME.size.tableHeader, bold: true }));
  const height = Math.max(...heights) + 2 * PAD_Y + 1;
  frame.rect(frame.left, frame.y, frame.width, height, { fill: THEME.accent });
  columns.forEach((c, i) => {
    frame.text(c.header, (m.xs[i] ?? 0) + PAD_X, frame.y + PAD_Y + 0.5, (m.widths[i] ?? 0) - 2 * PAD_X, {
      size: THEME.size.tableHeader, bold: true, color: '#ffffff', align: c.align ?? 'left',
    });
  });
  frame.y += height;
}

function drawRow<Row>(frame: Frame, columns: Column<Row>[], m: Measured, row: Row, height: number, shade: boolean, options: TableOptions): void {
  if (shade) frame.rect(frame.left, frame.y, frame.width, height, { fill: '#f7f8fa' });
  // A cell taller than the page is cut off with an ellipsis rather than spilling past the footer (only a row that
  // overflows can hold one: every cell is at most the row height less its padding).
  const maxHeight = frame.y + height > frame.bottom ? frame.bottom - frame.y - PAD_Y : undefined;
  columns.forEach((column, i) => {
    const x = (m.xs[i] ?? 0) + PAD_X;
    const width = (m.widths[i] ?? 0) - 2 * PAD_X;
    const style = maxHeight === undefined ? m.cellStyles[i] : { ...m.cellStyles[i], maxHeight };
    const used = frame.text(column.cell(row), x, frame.y + PAD_Y, width, style);
    const sub = column.sub?.(row);
    if (sub) frame.text(sub, x, frame.y + PAD_Y + used + 1, width, m.subStyles[i]);
  });
  if (options.rowRules !== false) frame.line(frame.left, frame.y + height, frame.right, frame.y + height, THEME.hairline, 0.4);
}

function drawVerticalRules(frame: Frame, m: Measured, top: number, bottom: number): void {
  for (const x of m.xs.slice(1)) frame.line(x, top, x, bottom, THEME.rule, 0.5);
  frame.line(frame.left, top, frame.left, bottom, THEME.rule, 0.6);
  frame.line(frame.right, top, frame.right, bottom, THEME.rule, 0.6);
}

/**
 * A table that wraps cell text and breaks across pages, repeating its header row on every page. A row is never
 * split; one taller than a whole page is drawn on its own page and overflows into the footer space.
 */
export function drawTable<Row>(frame: Frame, columns: Column<Row>[], rows: Row[], options: TableOptions = {}): void {
  const m = layout(frame, columns, rows);
  const headerHeight = 22;
  const leads = options.leadText ?? [];
  const leadWidth = (column: number): number => (m.widths[column] ?? 0) - 2 * PAD_X;
  const leadHeight = Math.max(0, ...leads.map((l) => frame.measure(l.text, leadWidth(l.column), cellStyle(l.bold)) + 2 * PAD_Y));
  frame.ensure(headerHeight + Math.max(leadHeight, rows[0] ? rowHeight(frame, columns, m, rows[0]) : 0));
  let sectionTop = frame.y;
  drawHeaderRow(frame, columns, m);
  for (const l of leads) frame.text(l.text, (m.xs[l.column] ?? 0) + PAD_X, frame.y + PAD_Y, leadWidth(l.column), cellStyle(l.bold));
  const leadBottom = frame.y + leadHeight;
  let onFirstPage = true;
  rows.forEach((row, index) => {
    const height = rowHeight(frame, columns, m, row);
    const isLast = index === rows.length - 1 && index > 0;
    const needed = height + (isLast ? (options.keepWithLastRow ?? 0) : 0);
    if (frame.y + height > frame.bottom || (isLast && frame.y + needed > frame.bottom && needed < frame.bottom - frame.top - 40)) {
      if (options.verticalRules) drawVerticalRules(frame, m, sectionTop, frame.y);
      frame.line(frame.left, frame.y, frame.right, frame.y, THEME.rule, 0.6);
      frame.newPage();
      onFirstPage = false;
      sectionTop = frame.y;
      drawHeaderRow(frame, columns, m);
    }
    drawRow(frame, columns, m, row, height, !options.verticalRules && index % 2 === 1, options);
    frame.y = Math.min(frame.y + height, frame.bottom);
  });
  if (onFirstPage && frame.y < leadBottom) frame.y = leadBottom;
  if (options.footer) {
    const cells = options.footer;
    const footerRow = columns.map((_, i) => cells[i] ?? '');
    const height = Math.max(...footerRow.map((text, i) =>
      frame.measure(text, (m.widths[i] ?? 0) - 2 * PAD_X, { size: THEME.size.table, bold: true }))) + 2 * PAD_Y + 2;
    if (frame.y + height > frame.bottom) {
      if (options.verticalRules) drawVerticalRules(frame, m, sectionTop, frame.y);
      frame.newPage();
      sectionTop = frame.y;
      drawHeaderRow(frame, columns, m);
    }
    frame.rect(frame.left, frame.y, frame.width, height, { fill: THEME.fill });
    frame.line(frame.left, frame.y, frame.right, frame.y, THEME.accent, 0.9);
    footerRow.forEach((text, i) => {
      frame.text(text, (m.xs[i] ?? 0) + PAD_X, frame.y + PAD_Y + 1, (m.widths[i] ?? 0) - 2 * PAD_X, {
        size: THEME.size.table, bold: true, align: columns[i]?.align ?? 'left',
      });
    });
    frame.y += height;
  }
  if (options.verticalRules) drawVerticalRules(frame, m, sectionTop, frame.y);
  frame.line(frame.left, frame.y, frame.right, frame.y, THEME.rule, 0.6);
}
