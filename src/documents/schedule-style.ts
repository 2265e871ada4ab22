/** Colours, fonts and date formats the production schedule's parts share (chart, labels, legend). */
import { DateTime } from 'luxon';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import type { WindowCategory } from '../domain/schedule-chart/risk-shading.ts';
import { FONT_BOLD, FONT_REGULAR } from './fonts.ts';
import { THEME } from './theme.ts';

/** Page margin of the landscape chart. */
export const M = 30;

export const COLORS = {
  baseline: '#aeb8c4',
  planned: '#3f72af',
  onTime: '#2e7d4f',
  late: '#c0392b',
  overdue: '#c0392b',
  grid: '#e3e7ec',
  today: '#1f3a5f',
  shipBy: '#c0392b',
};

export const WINDOW_COLORS: Record<WindowCategory, { fill: string; opacity: number }> = {
  cny: { fill: '#d9534f', opacity: 0.14 },
  'golden-week': { fill: '#e67e22', opacity: 0.2 },
  'cn-holiday': { fill: '#f0b429', opacity: 0.2 },
  factory: { fill: '#8e44ad', opacity: 0.14 },
  shipping: { fill: '#2980b9', opacity: 0.12 },
  'client-peak': { fill: '#16a085', opacity: 0.16 },
};

export const RESULT_COLORS: Record<string, string> = { Pass: '#2e7d4f', Fail: '#c0392b', 'Conditional pass': '#e67e22', Pending: '#8a96a3' };

export interface Geometry {
  chartLeft: number;
  chartRight: number;
  x: (date: IsoDate) => number;
  dayWidth: number;
}

export function font(doc: PDFKit.PDFDocument, size: number, bold = false, color: string = THEME.ink): PDFKit.PDFDocument {
  return doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(size).fillColor(color);
}

/** A measuring function for the placement rules, in the given font. */
export function measurer(doc: PDFKit.PDFDocument, size: number, bold: boolean): (text: string) => number {
  return (text) => {
    font(doc, size, bold);
    return doc.widthOfString(text);
  };
}

// en-US month abbreviations ("Sep", not en-GB's "Sept"), day first as on the export documents.
export const shortDate = (date: IsoDate | undefined) => (date ? DateTime.fromISO(date, { zone: 'utc' }).toFormat('dd LLL', { locale: 'en-US' }) : '—');
export const longDate = (date: IsoDate) => DateTime.fromISO(date, { zone: 'utc' }).toFormat('dd LLL yyyy', { locale: 'en-US' });

export function diamond(doc: PDFKit.PDFDocument, cx: number, cy: number, r: number, color: string): void {
  doc.save().polygon([cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]).fill(color).restore();
}

export function triangle(doc: PDFKit.PDFDocument, cx: number, cy: number, r: number, color: string, hollow: boolean): void {
  doc.save().lineWidth(0.9).polygon([cx, cy - r], [cx + r, cy + r * 0.8], [cx - r, cy + r * 0.8]);
  if (hollow) doc.stroke(color);
  else doc.fill(color);
  doc.restore();
}
