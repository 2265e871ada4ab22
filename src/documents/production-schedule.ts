/**
 * Renders a PO's production schedule (src/domain/schedule-chart) as a one-page A4 landscape Gantt chart: a table
 * of baseline / planned / actual dates and the slip on the left, the bars on a dated axis on the right, risk
 * windows shaded behind, inspections as markers, ship-by and today as lines, and a legend.
 */
import { DateTime } from 'luxon';
import { daysBetween, type IsoDate } from '../domain/calendar/iso-date.ts';
import type { Span } from '../domain/schedule-chart/bars.ts';
import { WINDOW_LEGEND, type WindowCategory } from '../domain/schedule-chart/risk-shading.ts';
import { signed, type InspectionMarker, type ScheduleChart, type ScheduleRow } from '../domain/schedule-chart/schedule-chart.ts';
import { FONT_BOLD, FONT_REGULAR } from './fonts.ts';
import { A4_LANDSCAPE, openLandscapePdf } from './landscape-pdf.ts';
import { THEME } from './theme.ts';

const M = 30;
const COLORS = {
  baseline: '#aeb8c4',
  planned: '#3f72af',
  onTime: '#2e7d4f',
  late: '#c0392b',
  overdue: '#c0392b',
  grid: '#e3e7ec',
  today: '#1f3a5f',
  shipBy: '#c0392b',
};
const WINDOW_COLORS: Record<WindowCategory, { fill: string; opacity: number }> = {
  cny: { fill: '#d9534f', opacity: 0.14 },
  'golden-week': { fill: '#e67e22', opacity: 0.2 },
  'cn-holiday': { fill: '#f0b429', opacity: 0.2 },
  factory: { fill: '#8e44ad', opacity: 0.14 },
  shipping: { fill: '#2980b9', opacity: 0.12 },
  'client-peak': { fill: '#16a085', opacity: 0.16 },
};
const RESULT_COLORS: Record<string, string> = { Pass: '#2e7d4f', Fail: '#c0392b', 'Conditional pass': '#e67e22', Pending: '#8a96a3' };

/** Table columns left of the chart: label, baseline, planned, actual, slip. */
const COLUMNS = [
  { header: 'Milestone', width: 100, align: 'left' as const },
  { header: 'Baseline', width: 46, align: 'right' as const },
  { header: 'Planned', width: 46, align: 'right' as const },
  { header: 'Actual', width: 46, align: 'right' as const },
  { header: 'Slip d', width: 34, align: 'right' as const },
];
const TABLE_WIDTH = COLUMNS.reduce((sum, c) => sum + c.width, 0);

// en-US month abbreviations ("Sep", not en-GB's "Sept"), day first as on the export documents.
const short = (date: IsoDate | undefined) => (date ? DateTime.fromISO(date, { zone: 'utc' }).toFormat('dd LLL', { locale: 'en-US' }) : '—');
const long = (date: IsoDate) => DateTime.fromISO(date, { zone: 'utc' }).toFormat('dd LLL yyyy', { locale: 'en-US' });

interface Geometry {
  chartLeft: number;
  chartRight: number;
  x: (date: IsoDate) => number;
  dayWidth: number;
}

export interface ScheduleRenderMeta {
  /** Who issues the chart (the agency's name). */
  author: string;
}

export async function renderProductionSchedule(chart: ScheduleChart, meta: ScheduleRenderMeta): Promise<Buffer> {
  const pdf = openLandscapePdf({ title: chart.title, author: meta.author, subject: chart.summary, issuedOn: chart.asOf });
  const doc = pdf.doc;
  const { width, height } = A4_LANDSCAPE;
  let y = drawHeading(doc, chart, meta.author);

  const chartLeft = M + TABLE_WIDTH + 8;
  const chartRight = width - M;
  const totalDays = daysBetween(chart.axis.start, chart.axis.end) + 1;
  const dayWidth = (chartRight - chartLeft) / totalDays;
  const geo: Geometry = { chartLeft, chartRight, dayWidth, x: (d) => chartLeft + daysBetween(chart.axis.start, d) * dayWidth };

  const legendHeight = 40;
  const labelStrip = 34;
  const footerTop = height - M - 10;
  const axisTop = y;
  const rowsTop = axisTop + 30;
  const rowCount = chart.rows.length + 1;
  const rowHeight = Math.max(13, Math.min(26, (footerTop - legendHeight - labelStrip - rowsTop - 6) / rowCount));
  const rowsBottom = rowsTop + rowCount * rowHeight;

  drawWindows(doc, chart, geo, axisTop, rowsBottom);
  drawAxis(doc, chart, geo, axisTop, rowsTop, rowsBottom);
  drawTableHeader(doc, rowsTop - 12);
  chart.rows.forEach((row, i) => drawRow(doc, row, geo, rowsTop + i * rowHeight, rowHeight, i));
  drawInspections(doc, chart.inspections, geo, rowsTop + chart.rows.length * rowHeight, rowHeight);
  doc.save().lineWidth(0.6).moveTo(M, rowsBottom).lineTo(chartRight, rowsBottom).stroke(THEME.rule).restore();
  drawLines(doc, chart, geo, axisTop, rowsBottom);
  const strip = drawWindowLabels(doc, chart, geo, rowsBottom);
  drawLegend(doc, chart, rowsBottom + strip + 8);
  drawFooter(doc, chart, footerTop);
  return pdf.finish();
}

function font(doc: PDFKit.PDFDocument, size: number, bold = false, color: string = THEME.ink): PDFKit.PDFDocument {
  return doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(size).fillColor(color);
}

function drawHeading(doc: PDFKit.PDFDocument, chart: ScheduleChart, author: string): number {
  const { width } = A4_LANDSCAPE;
  font(doc, 16, true, THEME.accent).text(chart.title, M, M, { width: width - 2 * M - 200, lineBreak: false });
  font(doc, 8, false, THEME.muted).text(author, width - M - 200, M + 2, { width: 200, align: 'right', lineBreak: false });
  font(doc, 8, true, THEME.ink).text(`As of ${long(chart.asOf)}`, width - M - 200, M + 13, { width: 200, align: 'right', lineBreak: false });
  // Facts as label/value pairs in one band.
  let x = M;
  const top = M + 26;
  for (const fact of chart.facts) {
    font(doc, 6, true, THEME.muted);
    const labelWidth = doc.widthOfString(fact.label.toUpperCase());
    font(doc, 8.5, true);
    const valueWidth = Math.min(doc.widthOfString(fact.value), 190);
    const cell = Math.max(labelWidth, valueWidth) + 14;
    font(doc, 6, true, THEME.muted).text(fact.label.toUpperCase(), x, top, { lineBreak: false });
    font(doc, 8.5, true).text(fact.value, x, top + 8, { width: cell - 10, lineBreak: false, ellipsis: true });
    x += cell;
  }
  const summaryTop = top + 24;
  doc.save().lineWidth(1.2).moveTo(M, summaryTop - 4).lineTo(width - M, summaryTop - 4).stroke(THEME.accent).restore();
  font(doc, 8, false, THEME.ink).text(chart.summary, M, summaryTop, { width: width - 2 * M, lineBreak: false });
  return summaryTop + 18;
}

function drawWindows(doc: PDFKit.PDFDocument, chart: ScheduleChart, geo: Geometry, top: number, bottom: number): void {
  for (const w of chart.windows) {
    const { x1, x2 } = windowX(chart, geo, w);
    const color = WINDOW_COLORS[w.category];
    doc.save().fillOpacity(color.opacity).rect(x1, top, x2 - x1, bottom - top).fill(color.fill).restore();
  }
}

function windowX(chart: ScheduleChart, geo: Geometry, w: { start: IsoDate; end: IsoDate }): { x1: number; x2: number } {
  const start = w.start < chart.axis.start ? chart.axis.start : w.start;
  const end = w.end > chart.axis.end ? chart.axis.end : w.end;
  return { x1: geo.x(start), x2: geo.x(end) + geo.dayWidth };
}

/**
 * Names of the shaded windows in a strip under the chart, each starting at its window with a tick; a name that
 * would run into the previous one on a level drops to the next level. Answers the strip's height.
 */
function drawWindowLabels(doc: PDFKit.PDFDocument, chart: ScheduleChart, geo: Geometry, top: number): number {
  const levelEnds: number[] = [];
  const levelHeight = 7.5;
  let levels = 0;
  const sorted = [...chart.windows].sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name));
  for (const w of sorted) {
    const { x1 } = windowX(chart, geo, w);
    const label = `${w.name}${w.estimated ? ' (est.)' : ''}`;
    font(doc, 5.8, true, THEME.muted);
    const width = doc.widthOfString(label);
    const x = Math.min(x1 + 2, geo.chartRight - width);
    let level = levelEnds.findIndex((end) => end < x - 4);
    if (level === -1) level = levelEnds.length;
    if (level > 3) continue;
    levelEnds[level] = x + width;
    levels = Math.max(levels, level + 1);
    const y = top + 2 + level * levelHeight;
    const color = WINDOW_COLORS[w.category];
    doc.save().fillOpacity(Math.min(1, color.opacity * 3)).rect(x1, top, 1.5, y - top + 6).fill(color.fill).restore();
    font(doc, 5.8, true, THEME.muted).text(label, x, y, { lineBreak: false });
  }
  return levels * levelHeight + (levels > 0 ? 4 : 0);
}

function drawAxis(doc: PDFKit.PDFDocument, chart: ScheduleChart, geo: Geometry, top: number, rowsTop: number, bottom: number): void {
  for (const month of chart.axis.months) {
    const x1 = geo.x(month.start);
    const x2 = geo.x(month.end) + geo.dayWidth;
    doc.save().lineWidth(0.4).rect(x1, top, x2 - x1, 12).fillAndStroke(THEME.fill, THEME.hairline).restore();
    if (x2 - x1 > 30) font(doc, 7, true, THEME.accent).text(month.label, x1 + 3, top + 2.5, { width: x2 - x1 - 6, lineBreak: false, ellipsis: true });
    doc.save().lineWidth(0.6).moveTo(x1, top).lineTo(x1, bottom).stroke(THEME.hairline).restore();
  }
  const weekWidth = geo.dayWidth * 7;
  for (const monday of chart.axis.weeks) {
    const x = geo.x(monday);
    doc.save().lineWidth(0.3).moveTo(x, top + 12).lineTo(x, bottom).stroke(COLORS.grid).restore();
    if (weekWidth >= 14) font(doc, 5.5, false, THEME.muted).text(monday.slice(8), x + 1, top + 15, { lineBreak: false });
  }
  doc.save().lineWidth(0.6).moveTo(geo.chartLeft, rowsTop - 1).lineTo(geo.chartRight, rowsTop - 1).stroke(THEME.rule).restore();
}

function drawTableHeader(doc: PDFKit.PDFDocument, y: number): void {
  let x = M;
  for (const column of COLUMNS) {
    font(doc, 6, true, THEME.muted).text(column.header.toUpperCase(), x + 2, y, { width: column.width - 4, align: column.align, lineBreak: false });
    x += column.width;
  }
}

function slipColor(row: ScheduleRow): string {
  if (row.slipDays === undefined) return THEME.muted;
  if (row.slipDays > 0) return COLORS.late;
  return COLORS.onTime;
}

function actualColor(row: ScheduleRow): string {
  return row.state === 'late' ? COLORS.late : COLORS.onTime;
}

function drawRow(doc: PDFKit.PDFDocument, row: ScheduleRow, geo: Geometry, top: number, h: number, index: number): void {
  if (index % 2 === 1) doc.save().fillOpacity(0.5).rect(M, top, TABLE_WIDTH, h).fill('#f3f5f8').restore();
  doc.save().lineWidth(0.3).moveTo(M, top + h).lineTo(geo.chartRight, top + h).stroke(COLORS.grid).restore();
  const textY = top + h / 2 - 4;
  const cells = [
    row.kind,
    short(row.dates.baseline),
    short(row.dates.planned),
    short(row.dates.actual),
    row.slipDays === undefined ? '—' : signed(row.slipDays),
  ];
  let x = M;
  COLUMNS.forEach((column, i) => {
    const bold = i === 0 || i === 4;
    const color = i === 4 ? slipColor(row) : i === 0 && row.state === 'overdue' ? COLORS.overdue : THEME.ink;
    font(doc, 7.2, bold, color).text(cells[i] ?? '', x + 2, textY, { width: column.width - 4, align: column.align, lineBreak: false, ellipsis: true });
    x += column.width;
  });
  if (row.state === 'overdue' || row.state === 'slipping') font(doc, 5.5, true, COLORS.overdue).text(row.state === 'overdue' ? 'LATE' : 'AT RISK', M + 2, textY + 8.5, { lineBreak: false });
  else if (row.progress !== undefined && row.progress > 0) font(doc, 5.5, false, THEME.muted).text(`${Math.round(row.progress * 100)}% done`, M + 2, textY + 8.5, { lineBreak: false });

  const lane = Math.min(4.2, (h - 4) / 3.4);
  const gap = (h - 3 * lane) / 4;
  const lanes: Array<[Span | undefined, string, boolean]> = [
    [row.baseline, COLORS.baseline, false],
    [row.planned, COLORS.planned, false],
    [row.actual, actualColor(row), true],
  ];
  lanes.forEach(([span, color, strong], i) => {
    if (!span) return;
    const y = top + gap + i * (lane + gap);
    if (row.point || span.start === span.end) diamond(doc, geo.x(span.end) + geo.dayWidth / 2, y + lane / 2, lane * 0.95 + (strong ? 0.6 : 0), color);
    else {
      const x1 = geo.x(span.start) + geo.dayWidth / 2;
      const x2 = geo.x(span.end) + geo.dayWidth / 2;
      doc.save().roundedRect(x1, y, Math.max(x2 - x1, 1.5), lane, Math.min(1.5, lane / 2)).fill(color).restore();
    }
  });
  // An open milestone past its date: a hollow red marker at the planned date.
  if (row.state === 'overdue' && row.planned) {
    const y = top + gap + 2 * (lane + gap);
    const x = geo.x(row.planned.end) + geo.dayWidth / 2;
    doc.save().lineWidth(0.9).circle(x, y + lane / 2, lane * 0.8).stroke(COLORS.overdue).restore();
  }
}

function diamond(doc: PDFKit.PDFDocument, cx: number, cy: number, r: number, color: string): void {
  doc.save().polygon([cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]).fill(color).restore();
}

function triangle(doc: PDFKit.PDFDocument, cx: number, cy: number, r: number, color: string, hollow: boolean): void {
  doc.save().lineWidth(0.9).polygon([cx, cy - r], [cx + r, cy + r * 0.8], [cx - r, cy + r * 0.8]);
  if (hollow) doc.stroke(color);
  else doc.fill(color);
  doc.restore();
}

function drawInspections(doc: PDFKit.PDFDocument, markers: readonly InspectionMarker[], geo: Geometry, top: number, h: number): void {
  font(doc, 7.2, true).text('QC inspections', M + 2, top + h / 2 - 4, { width: COLUMNS[0]?.width ?? 100, lineBreak: false });
  const summary = markers.length === 0 ? 'none recorded' : `${markers.length} · ${markers.filter((m) => m.result === 'Pass').length} passed`;
  font(doc, 6.5, false, THEME.muted).text(summary, M + 102, top + h / 2 - 3.5, { width: TABLE_WIDTH - 104, lineBreak: false });
  let lastLabelEnd = -Infinity;
  markers.forEach((m, i) => {
    const cx = geo.x(m.date) + geo.dayWidth / 2;
    const cy = top + h * 0.38;
    triangle(doc, cx, cy, Math.min(4, h / 4), RESULT_COLORS[m.result] ?? THEME.muted, m.result === 'Pending');
    const text = `${m.type}${m.reinspection ? ' re' : ''} ${m.result === 'Conditional pass' ? 'Cond.' : m.result}`;
    font(doc, 5.5, true, RESULT_COLORS[m.result] ?? THEME.muted);
    const w = doc.widthOfString(text);
    // Labels alternate above/below the marker when they would overlap the previous one.
    const below = cx - w / 2 < lastLabelEnd + 2 && i > 0;
    doc.text(text, cx - w / 2, below ? cy + 5.5 : cy + 5.5 - (h > 18 ? 0 : 0), { lineBreak: false });
    lastLabelEnd = cx + w / 2;
  });
}

function lineLabel(doc: PDFKit.PDFDocument, text: string, x: number, y: number, color: string, side: 'left' | 'right'): void {
  font(doc, 6, true, color);
  const w = doc.widthOfString(text);
  const left = side === 'left' ? x - w - 3 : x + 2;
  doc.save().rect(left - 1, y - 1, w + 2, 8).fill('#ffffff').restore();
  font(doc, 6, true, color).text(text, left, y, { lineBreak: false });
}

function drawLines(doc: PDFKit.PDFDocument, chart: ScheduleChart, geo: Geometry, top: number, bottom: number): void {
  const shipBy = chart.shipBy;
  // The two labels point away from each other so they never overlap.
  const shipByFirst = shipBy !== undefined && shipBy <= chart.asOf;
  if (shipBy && shipBy >= chart.axis.start && shipBy <= chart.axis.end) {
    const x = geo.x(shipBy) + geo.dayWidth;
    doc.save().lineWidth(0.9).dash(3, { space: 2 }).moveTo(x, top + 12).lineTo(x, bottom).stroke(COLORS.shipBy).undash().restore();
    lineLabel(doc, 'Ship-by', x, top + 14.5, COLORS.shipBy, shipByFirst ? 'left' : 'right');
  }
  if (chart.showToday) {
    const x = geo.x(chart.asOf) + geo.dayWidth / 2;
    doc.save().lineWidth(1.1).moveTo(x, top + 12).lineTo(x, bottom).stroke(COLORS.today).restore();
    lineLabel(doc, 'Today', x, top + 14.5, COLORS.today, shipByFirst ? 'right' : 'left');
  }
}

function drawLegend(doc: PDFKit.PDFDocument, chart: ScheduleChart, y: number): void {
  let x = M;
  const item = (draw: (x: number) => number, label: string) => {
    const used = draw(x);
    font(doc, 6.5, false, THEME.ink).text(label, x + used + 3, y + 8, { lineBreak: false });
    x += used + 3 + doc.widthOfString(label) + 12;
  };
  const bar = (color: string) => (x0: number) => {
    doc.save().roundedRect(x0, y + 9, 16, 4, 1.5).fill(color).restore();
    return 16;
  };
  font(doc, 6, true, THEME.muted).text('LEGEND', M, y, { lineBreak: false });
  item(bar(COLORS.baseline), 'Baseline (first commitment)');
  item(bar(COLORS.planned), 'Planned');
  item(bar(COLORS.onTime), 'Actual, on or before baseline');
  item(bar(COLORS.late), 'Actual, later than baseline');
  item((x0) => {
    diamond(doc, x0 + 4, y + 11, 3.5, COLORS.planned);
    return 8;
  }, 'Event (payment, inspection, booking)');
  item((x0) => {
    doc.save().lineWidth(0.9).circle(x0 + 4, y + 11, 3).stroke(COLORS.overdue).restore();
    return 8;
  }, 'Late (date passed, not done)');
  item((x0) => {
    triangle(doc, x0 + 4, y + 11, 3.5, RESULT_COLORS['Pass'] ?? '', false);
    triangle(doc, x0 + 12, y + 11, 3.5, RESULT_COLORS['Fail'] ?? '', false);
    triangle(doc, x0 + 20, y + 11, 3.5, RESULT_COLORS['Pending'] ?? '', true);
    return 26;
  }, 'Inspection: pass / fail / pending');

  x = M;
  const y2 = y + 22;
  const categories = [...new Set(chart.windows.map((w) => w.category))];
  const legendLines = categories.length > 0 ? categories : [];
  for (const category of legendLines) {
    const color = WINDOW_COLORS[category];
    doc.save().fillOpacity(Math.min(1, color.opacity * 2.5)).rect(x, y2 + 8, 14, 7).fill(color.fill).restore();
    font(doc, 6.5, false, THEME.ink).text(WINDOW_LEGEND[category], x + 17, y2 + 8, { lineBreak: false });
    x += 17 + doc.widthOfString(WINDOW_LEGEND[category]) + 12;
  }
  if (chart.shipBy) {
    doc.save().lineWidth(0.9).dash(3, { space: 2 }).moveTo(x, y2 + 11.5).lineTo(x + 14, y2 + 11.5).stroke(COLORS.shipBy).undash().restore();
    font(doc, 6.5, false, THEME.ink).text('Ship-by date', x + 17, y2 + 8, { lineBreak: false });
    x += 17 + doc.widthOfString('Ship-by date') + 12;
  }
  if (chart.showToday) {
    doc.save().lineWidth(1.1).moveTo(x + 7, y2 + 7).lineTo(x + 7, y2 + 16).stroke(COLORS.today).restore();
    font(doc, 6.5, false, THEME.ink).text('Today (as of date)', x + 17, y2 + 8, { lineBreak: false });
  }
}

function drawFooter(doc: PDFKit.PDFDocument, chart: ScheduleChart, y: number): void {
  const { width } = A4_LANDSCAPE;
  doc.save().lineWidth(0.5).moveTo(M, y - 3).lineTo(width - M, y - 3).stroke(THEME.hairline).restore();
  font(doc, 6.5, false, THEME.muted).text(`${chart.title} · dates from the PO base as of ${long(chart.asOf)} · slip = actual (or planned) minus baseline, in days`, M, y, { width: width - 2 * M - 80, lineBreak: false });
  font(doc, 6.5, false, THEME.muted).text('Page 1 of 1', width - M - 80, y, { width: 80, align: 'right', lineBreak: false });
}
