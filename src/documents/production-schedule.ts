/**
 * Renders a PO's production schedule (src/domain/schedule-chart) as a one-page A4 landscape Gantt chart: a table
 * of baseline / planned / actual dates and the slip on the left, the bars on a dated axis on the right, risk
 * windows shaded behind, inspections as markers, ship-by and today as lines, and a legend.
 */
import { daysBetween } from '../domain/calendar/iso-date.ts';
import type { Span } from '../domain/schedule-chart/bars.ts';
import { signed, type InspectionMarker, type ScheduleChart, type ScheduleRow } from '../domain/schedule-chart/schedule-chart.ts';
import { truncateToWidth } from './label-placement.ts';
import { A4_LANDSCAPE, openLandscapePdf } from './landscape-pdf.ts';
import { drawInspectionLabels, drawMonthLabels, drawWeekBand, drawWindowLabels, placeWindowLabels, windowRange } from './schedule-labels.ts';
import { layoutLegend } from './schedule-legend.ts';
import { COLORS, diamond, font, longDate as long, M, measurer, RESULT_COLORS, shortDate as short, triangle, WINDOW_COLORS, type Geometry } from './schedule-style.ts';
import { THEME } from './theme.ts';

/** Table columns left of the chart: label, baseline, planned, actual, slip. */
const COLUMNS = [
  { header: 'Milestone', width: 100, align: 'left' as const },
  { header: 'Baseline', width: 46, align: 'right' as const },
  { header: 'Planned', width: 46, align: 'right' as const },
  { header: 'Actual', width: 46, align: 'right' as const },
  { header: 'Slip d', width: 34, align: 'right' as const },
];
const TABLE_WIDTH = COLUMNS.reduce((sum, c) => sum + c.width, 0);
/** Below this a row has room for one line of text only (status words go beside the name). */
const MIN_ROW_HEIGHT = 12;
const TWO_LINE_ROW = 19;

export interface ScheduleRenderMeta {
  /** Who issues the chart (the agency's name). */
  author: string;
}

export async function renderProductionSchedule(chart: ScheduleChart, meta: ScheduleRenderMeta): Promise<Buffer> {
  const pdf = openLandscapePdf({ title: chart.title, author: meta.author, subject: chart.summary, issuedOn: chart.asOf });
  const doc = pdf.doc;
  const { width, height } = A4_LANDSCAPE;
  const y = drawHeading(doc, chart, meta.author);

  const chartLeft = M + TABLE_WIDTH + 8;
  const chartRight = width - M;
  const totalDays = daysBetween(chart.axis.start, chart.axis.end) + 1;
  const dayWidth = (chartRight - chartLeft) / totalDays;
  const geo: Geometry = { chartLeft, chartRight, dayWidth, x: (d) => chartLeft + daysBetween(chart.axis.start, d) * dayWidth };

  // What goes under the chart is measured first, so the rows share only the room that is left: the window labels
  // and the legend (however many lines it needs) never reach the footer.
  const footerTop = height - M - 10;
  const legend = layoutLegend(doc, chart, M, width - M);
  const windowLabels = placeWindowLabels(doc, chart, geo);
  const axisTop = y;
  const rowsTop = axisTop + 30;
  const rowCount = chart.rows.length + 1;
  const room = footerTop - 8 - legend.height - 8 - windowLabels.height - rowsTop;
  const rowHeight = Math.max(MIN_ROW_HEIGHT, Math.min(26, room / rowCount));
  const rowsBottom = rowsTop + rowCount * rowHeight;

  drawWindows(doc, chart, geo, axisTop, rowsBottom);
  drawAxis(doc, chart, geo, axisTop, rowsTop, rowsBottom);
  drawTableHeader(doc, rowsTop - 12);
  chart.rows.forEach((row, i) => drawRow(doc, row, geo, rowsTop + i * rowHeight, rowHeight, i));
  drawInspections(doc, chart.inspections, geo, rowsTop + chart.rows.length * rowHeight, rowHeight);
  doc.save().lineWidth(0.6).moveTo(M, rowsBottom).lineTo(chartRight, rowsBottom).stroke(THEME.rule).restore();
  drawLines(doc, chart, geo, axisTop, rowsBottom);
  drawWeekBand(doc, chart, geo, axisTop);
  drawWindowLabels(doc, chart, geo, windowLabels, rowsBottom);
  legend.draw(rowsBottom + windowLabels.height + 8);
  drawFooter(doc, chart, footerTop);
  return pdf.finish();
}

function drawHeading(doc: PDFKit.PDFDocument, chart: ScheduleChart, author: string): number {
  const { width } = A4_LANDSCAPE;
  font(doc, 16, true, THEME.accent).text(truncateToWidth(chart.title, width - 2 * M - 200, measurer(doc, 16, true)), M, M, { lineBreak: false });
  font(doc, 8, false, THEME.muted).text(author, width - M - 200, M + 2, { width: 200, align: 'right', lineBreak: false });
  font(doc, 8, true, THEME.ink).text(`As of ${long(chart.asOf)}`, width - M - 200, M + 13, { width: 200, align: 'right', lineBreak: false });
  // Facts as label/value pairs in one band; a value is cut to its cell, and facts that no longer fit are left out.
  let x = M;
  const top = M + 26;
  const valueWidth = measurer(doc, 8.5, true);
  for (const fact of chart.facts) {
    const label = fact.label.toUpperCase();
    const value = truncateToWidth(fact.value, 190, valueWidth);
    const cell = Math.max(measurer(doc, 6, true)(label), valueWidth(value)) + 14;
    if (x + cell - 14 > width - M) break;
    font(doc, 6, true, THEME.muted).text(label, x, top, { lineBreak: false });
    font(doc, 8.5, true).text(value, x, top + 8, { lineBreak: false });
    x += cell;
  }
  const summaryTop = top + 24;
  doc.save().lineWidth(1.2).moveTo(M, summaryTop - 4).lineTo(width - M, summaryTop - 4).stroke(THEME.accent).restore();
  font(doc, 8, false, THEME.ink).text(truncateToWidth(chart.summary, width - 2 * M, measurer(doc, 8, false)), M, summaryTop, { lineBreak: false });
  return summaryTop + 18;
}

function drawWindows(doc: PDFKit.PDFDocument, chart: ScheduleChart, geo: Geometry, top: number, bottom: number): void {
  for (const w of chart.windows) {
    const { x1, x2 } = windowRange(chart, geo, w);
    const color = WINDOW_COLORS[w.category];
    doc.save().fillOpacity(color.opacity).rect(x1, top, x2 - x1, bottom - top).fill(color.fill).restore();
  }
}

function drawAxis(doc: PDFKit.PDFDocument, chart: ScheduleChart, geo: Geometry, top: number, rowsTop: number, bottom: number): void {
  for (const month of chart.axis.months) {
    const x1 = geo.x(month.start);
    const x2 = geo.x(month.end) + geo.dayWidth;
    doc.save().lineWidth(0.4).rect(x1, top, x2 - x1, 12).fillAndStroke(THEME.fill, THEME.hairline).restore();
    doc.save().lineWidth(0.6).moveTo(x1, top).lineTo(x1, bottom).stroke(THEME.hairline).restore();
  }
  drawMonthLabels(doc, chart, geo, top);
  for (const monday of chart.axis.weeks) {
    const x = geo.x(monday);
    doc.save().lineWidth(0.3).moveTo(x, top + 12).lineTo(x, bottom).stroke(COLORS.grid).restore();
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
  // The status under the name on a tall row, beside it (the name cut to make room) on a short one.
  const tag = row.state === 'overdue' || row.state === 'slipping'
    ? { text: row.state === 'overdue' ? 'LATE' : 'AT RISK', bold: true, color: COLORS.overdue }
    : row.progress !== undefined && row.progress > 0 ? { text: `${Math.round(row.progress * 100)}% done`, bold: false, color: THEME.muted } : undefined;
  const twoLines = h >= TWO_LINE_ROW;
  const tagWidth = tag ? measurer(doc, 5.5, tag.bold)(tag.text) : 0;
  let x = M;
  let tagX = M + 2;
  COLUMNS.forEach((column, i) => {
    const bold = i === 0 || i === 4;
    const color = i === 4 ? slipColor(row) : i === 0 && row.state === 'overdue' ? COLORS.overdue : THEME.ink;
    const room = column.width - 4 - (i === 0 && tag && !twoLines ? tagWidth + 3 : 0);
    const text = truncateToWidth(cells[i] ?? '', room, measurer(doc, 7.2, bold));
    const textWidth = measurer(doc, 7.2, bold)(text);
    const left = column.align === 'right' ? x + column.width - 2 - textWidth : x + 2;
    font(doc, 7.2, bold, color).text(text, left, textY, { lineBreak: false });
    if (i === 0) tagX = twoLines ? M + 2 : left + textWidth + 3;
    x += column.width;
  });
  // Drawn after the cells, so the text layer reads "name, dates, slip, status" as before.
  if (tag) font(doc, 5.5, tag.bold, tag.color).text(tag.text, tagX, twoLines ? textY + 8.5 : textY + 1.6, { lineBreak: false });

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

function drawInspections(doc: PDFKit.PDFDocument, markers: readonly InspectionMarker[], geo: Geometry, top: number, h: number): void {
  const textY = top + h / 2 - 4;
  font(doc, 7.2, true).text('QC inspections', M + 2, textY, { lineBreak: false });
  const summary = markers.length === 0 ? 'none recorded' : `${markers.length} · ${markers.filter((m) => m.result === 'Pass').length} passed`;
  font(doc, 6.5, false, THEME.muted).text(truncateToWidth(summary, TABLE_WIDTH - 104, measurer(doc, 6.5, false)), M + 102, textY + 0.5, { lineBreak: false });
  const cy = top + h * 0.38;
  for (const m of markers) triangle(doc, geo.x(m.date) + geo.dayWidth / 2, cy, Math.min(4, h / 4), RESULT_COLORS[m.result] ?? THEME.muted, m.result === 'Pending');
  drawInspectionLabels(doc, markers, geo, top, h);
}

function drawLines(doc: PDFKit.PDFDocument, chart: ScheduleChart, geo: Geometry, top: number, bottom: number): void {
  const shipBy = chart.shipBy;
  if (shipBy && shipBy >= chart.axis.start && shipBy <= chart.axis.end) {
    const x = geo.x(shipBy) + geo.dayWidth;
    doc.save().lineWidth(0.9).dash(3, { space: 2 }).moveTo(x, top + 12).lineTo(x, bottom).stroke(COLORS.shipBy).undash().restore();
  }
  if (chart.showToday) {
    const x = geo.x(chart.asOf) + geo.dayWidth / 2;
    doc.save().lineWidth(1.1).moveTo(x, top + 12).lineTo(x, bottom).stroke(COLORS.today).restore();
  }
}

function drawFooter(doc: PDFKit.PDFDocument, chart: ScheduleChart, y: number): void {
  const { width } = A4_LANDSCAPE;
  doc.save().lineWidth(0.5).moveTo(M, y - 3).lineTo(width - M, y - 3).stroke(THEME.hairline).restore();
  font(doc, 6.5, false, THEME.muted).text(`${chart.title} · dates from the PO base as of ${long(chart.asOf)} · slip = actual (or planned) minus baseline, in days`, M, y, { width: width - 2 * M - 80, lineBreak: false });
  font(doc, 6.5, false, THEME.muted).text('Page 1 of 1', width - M - 80, y, { width: 80, align: 'right', lineBreak: false });
}
