/**
 * The production schedule's text labels that compete for space: month names and week dates on the axis, the
 * ship-by and today line labels, the names of the shaded calendar windows and the inspection results. Each group
 * is placed with the collision-free rules of label-placement.ts, so no label is drawn over another.
 */
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import type { InspectionMarker, ScheduleChart } from '../domain/schedule-chart/schedule-chart.ts';
import { placeLabels, type LabelRequest, type LabelSide, type Placement } from './label-placement.ts';
import { COLORS, font, measurer, RESULT_COLORS, WINDOW_COLORS, type Geometry } from './schedule-style.ts';
import { THEME } from './theme.ts';

const WINDOW_LABEL_SIZE = 5.8;
const WINDOW_LEVEL_HEIGHT = 7.5;
const WINDOW_LEVELS = 4;

export function windowRange(chart: ScheduleChart, geo: Geometry, w: { start: IsoDate; end: IsoDate }): { x1: number; x2: number } {
  const start = w.start < chart.axis.start ? chart.axis.start : w.start;
  const end = w.end > chart.axis.end ? chart.axis.end : w.end;
  return { x1: geo.x(start), x2: geo.x(end) + geo.dayWidth };
}

export interface WindowLabels {
  placement: Placement;
  /** Height of the strip under the chart that holds them. */
  height: number;
}

/** Window names under the chart, each starting at its window, stacked on up to four lines; "(est.)" dropped first. */
export function placeWindowLabels(doc: PDFKit.PDFDocument, chart: ScheduleChart, geo: Geometry): WindowLabels {
  const measure = measurer(doc, WINDOW_LABEL_SIZE, true);
  const sorted = [...chart.windows].sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name));
  const requests: LabelRequest[] = sorted.map((w, i) => {
    const texts = w.estimated ? [`${w.name} (est.)`, w.name] : [w.name];
    return { id: String(i), anchor: windowRange(chart, geo, w).x1 + 2, variants: texts.map((text) => ({ text, width: measure(text) })) };
  });
  const placement = placeLabels(requests, { left: geo.chartLeft, right: geo.chartRight, levels: WINDOW_LEVELS, gap: 4 });
  return { placement, height: placement.levelsUsed * WINDOW_LEVEL_HEIGHT + (placement.levelsUsed > 0 ? 4 : 0) };
}

export function drawWindowLabels(doc: PDFKit.PDFDocument, chart: ScheduleChart, geo: Geometry, labels: WindowLabels, top: number): void {
  const sorted = [...chart.windows].sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name));
  const placed = labels.placement.placed.flatMap((label) => {
    const w = sorted[Number(label.id)];
    return w ? [{ label, w, y: top + 2 + label.level * WINDOW_LEVEL_HEIGHT }] : [];
  });
  // Ticks first, then each name on a white patch: a tick down to a lower line passes behind the names above it.
  for (const { w, y } of placed) {
    const color = WINDOW_COLORS[w.category];
    doc.save().fillOpacity(Math.min(1, color.opacity * 3)).rect(windowRange(chart, geo, w).x1, top, 1.5, y - top + 6).fill(color.fill).restore();
  }
  for (const { label, y } of placed) {
    doc.save().rect(label.x - 1, y - 0.5, label.width + 2, WINDOW_LEVEL_HEIGHT - 0.5).fill('#ffffff').restore();
    font(doc, WINDOW_LABEL_SIZE, true, THEME.muted).text(label.text, label.x, y, { lineBreak: false });
  }
}

/** Month names inside their cells ("Apr 2026", else "Apr", else none). */
export function drawMonthLabels(doc: PDFKit.PDFDocument, chart: ScheduleChart, geo: Geometry, top: number): void {
  const measure = measurer(doc, 7, true);
  const requests: LabelRequest[] = chart.axis.months.map((month) => {
    const x1 = geo.x(month.start);
    const x2 = geo.x(month.end) + geo.dayWidth;
    const abbreviated = month.label.replace(/\s+\d{4}$/, '');
    const texts = abbreviated === month.label ? [month.label] : [month.label, abbreviated];
    return { id: month.start, anchor: x1 + 3, within: { x1: x1 + 3, x2: x2 - 3 }, variants: texts.map((text) => ({ text, width: measure(text) })) };
  });
  for (const label of placeLabels(requests, { left: geo.chartLeft, right: geo.chartRight, levels: 1, gap: 2 }).placed) {
    font(doc, 7, true, THEME.accent).text(label.text, label.x, top + 2.5, { lineBreak: false });
  }
}

interface LineLabel {
  id: 'ship-by' | 'today';
  text: string;
  x: number;
  color: string;
  sides: LabelSide[];
}

/**
 * The band under the months: "Ship-by" and "Today" beside their lines first (pointing away from each other), then
 * the Mondays' dates wherever they still fit.
 */
export function drawWeekBand(doc: PDFKit.PDFDocument, chart: ScheduleChart, geo: Geometry, top: number): void {
  const lines: LineLabel[] = [];
  const shipBy = chart.shipBy;
  const shipByFirst = shipBy !== undefined && shipBy <= chart.asOf;
  if (shipBy && shipBy >= chart.axis.start && shipBy <= chart.axis.end) {
    lines.push({ id: 'ship-by', text: 'Ship-by', x: geo.x(shipBy) + geo.dayWidth, color: COLORS.shipBy, sides: shipByFirst ? ['before', 'after'] : ['after', 'before'] });
  }
  if (chart.showToday) {
    lines.push({ id: 'today', text: 'Today', x: geo.x(chart.asOf) + geo.dayWidth / 2, color: COLORS.today, sides: shipByFirst ? ['after', 'before'] : ['before', 'after'] });
  }
  const bold = measurer(doc, 6, true);
  const small = measurer(doc, 5.5, false);
  const lineRequests: LabelRequest[] = lines.map((l) => ({
    // The box is the label's white patch: 2 pt either side of the text, starting or ending at the line.
    id: l.id, sides: l.sides, anchor: l.x, variants: [{ text: l.text, width: bold(l.text) + 4 }],
  }));
  const weekRequests: LabelRequest[] = geo.dayWidth * 7 >= 14
    ? chart.axis.weeks.map((monday) => ({ id: `week-${monday}`, anchor: geo.x(monday) + 1, variants: [{ text: monday.slice(8), width: small(monday.slice(8)) }] }))
    : [];
  const placement = placeLabels([...lineRequests, ...weekRequests], { left: geo.chartLeft, right: geo.chartRight, levels: 1, gap: 1.5 });
  for (const label of placement.placed) {
    const line = lines.find((l) => l.id === label.id);
    if (line) {
      doc.save().rect(label.x, top + 13.5, label.width, 8).fill('#ffffff').restore();
      font(doc, 6, true, line.color).text(label.text, label.x + 2, top + 14.5, { lineBreak: false });
    } else font(doc, 5.5, false, THEME.muted).text(label.text, label.x, top + 15, { lineBreak: false });
  }
}

/** Result labels under the inspection markers: full, then shorter, then none (the marker's colour stays). */
export function drawInspectionLabels(doc: PDFKit.PDFDocument, markers: readonly InspectionMarker[], geo: Geometry, top: number, h: number): void {
  const measure = measurer(doc, 5.5, true);
  const cy = top + h * 0.38;
  const requests: LabelRequest[] = markers.map((m, i) => {
    const type = `${m.type}${m.reinspection ? ' re' : ''}`;
    const texts = [`${type} ${m.result === 'Conditional pass' ? 'Cond.' : m.result}`, type];
    return { id: String(i), anchor: geo.x(m.date) + geo.dayWidth / 2, sides: ['center', 'after', 'before'], variants: texts.map((text) => ({ text, width: measure(text) })) };
  });
  const levels = h >= 32 ? 2 : 1;
  const placement = placeLabels(requests, { left: geo.chartLeft, right: geo.chartRight, levels, gap: 2 });
  for (const label of placement.placed) {
    const m = markers[Number(label.id)];
    font(doc, 5.5, true, RESULT_COLORS[m?.result ?? ''] ?? THEME.muted).text(label.text, label.x, cy + 5.5 + label.level * 7, { lineBreak: false });
  }
}
