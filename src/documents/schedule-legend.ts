/**
 * The production schedule's legend: the bar and marker kinds, then the shaded windows and lines this chart shows,
 * flowed into as many rows as the page width needs. Laid out before the chart so the chart leaves it room: it
 * never runs into the footer.
 */
import { WINDOW_LEGEND } from '../domain/schedule-chart/risk-shading.ts';
import type { ScheduleChart } from '../domain/schedule-chart/schedule-chart.ts';
import { flowItems } from './label-placement.ts';
import { COLORS, diamond, font, RESULT_COLORS, triangle, WINDOW_COLORS } from './schedule-style.ts';
import { THEME } from './theme.ts';

const TITLE_HEIGHT = 8;
const ROW_HEIGHT = 13;
const LABEL_SIZE = 6.5;

interface LegendItem {
  id: string;
  label: string;
  symbolWidth: number;
  /** Draws the symbol with its left edge at x, centred on the row's middle line cy. */
  symbol: (doc: PDFKit.PDFDocument, x: number, cy: number) => void;
}

const bar = (color: string): Pick<LegendItem, 'symbolWidth' | 'symbol'> => ({
  symbolWidth: 16,
  symbol: (doc, x, cy) => void doc.save().roundedRect(x, cy - 2, 16, 4, 1.5).fill(color).restore(),
});

function legendItems(chart: ScheduleChart): LegendItem[] {
  const items: LegendItem[] = [
    { id: 'baseline', label: 'Baseline (first commitment)', ...bar(COLORS.baseline) },
    { id: 'planned', label: 'Planned', ...bar(COLORS.planned) },
    { id: 'on-time', label: 'Actual, on or before baseline', ...bar(COLORS.onTime) },
    { id: 'late', label: 'Actual, later than baseline', ...bar(COLORS.late) },
    { id: 'event', label: 'Event (payment, inspection, booking)', symbolWidth: 8, symbol: (doc, x, cy) => diamond(doc, x + 4, cy, 3.5, COLORS.planned) },
    {
      id: 'overdue', label: 'Late (date passed, not done)', symbolWidth: 8,
      symbol: (doc, x, cy) => void doc.save().lineWidth(0.9).circle(x + 4, cy, 3).stroke(COLORS.overdue).restore(),
    },
    {
      id: 'inspection', label: 'Inspection: pass / fail / pending', symbolWidth: 26,
      symbol: (doc, x, cy) => {
        triangle(doc, x + 4, cy, 3.5, RESULT_COLORS['Pass'] ?? '', false);
        triangle(doc, x + 12, cy, 3.5, RESULT_COLORS['Fail'] ?? '', false);
        triangle(doc, x + 20, cy, 3.5, RESULT_COLORS['Pending'] ?? '', true);
      },
    },
  ];
  for (const category of new Set(chart.windows.map((w) => w.category))) {
    const color = WINDOW_COLORS[category];
    items.push({
      id: `window-${category}`, label: WINDOW_LEGEND[category], symbolWidth: 14,
      symbol: (doc, x, cy) => void doc.save().fillOpacity(Math.min(1, color.opacity * 2.5)).rect(x, cy - 3.5, 14, 7).fill(color.fill).restore(),
    });
  }
  if (chart.shipBy) {
    items.push({
      id: 'ship-by', label: 'Ship-by date', symbolWidth: 14,
      symbol: (doc, x, cy) => void doc.save().lineWidth(0.9).dash(3, { space: 2 }).moveTo(x, cy).lineTo(x + 14, cy).stroke(COLORS.shipBy).undash().restore(),
    });
  }
  if (chart.showToday) {
    items.push({
      id: 'today', label: 'Today (as of date)', symbolWidth: 14,
      symbol: (doc, x, cy) => void doc.save().lineWidth(1.1).moveTo(x + 7, cy - 4.5).lineTo(x + 7, cy + 4.5).stroke(COLORS.today).restore(),
    });
  }
  return items;
}

export interface LegendLayout {
  height: number;
  draw: (y: number) => void;
}

/** Measures the legend for the band [left, right]; `draw` puts it with its top at y. */
export function layoutLegend(doc: PDFKit.PDFDocument, chart: ScheduleChart, left: number, right: number): LegendLayout {
  const items = legendItems(chart);
  font(doc, LABEL_SIZE);
  const widths = new Map(items.map((item) => [item.id, item.symbolWidth + 3 + doc.widthOfString(item.label)]));
  const firstCalendarItem = items.find((item) => item.id.startsWith('window-') || item.id === 'ship-by' || item.id === 'today');
  const flow = flowItems(items.map((item) => ({ id: item.id, width: widths.get(item.id) ?? 0 })), left, right, 12, new Set(firstCalendarItem ? [firstCalendarItem.id] : []));
  return {
    height: TITLE_HEIGHT + flow.rows * ROW_HEIGHT,
    draw: (y) => {
      font(doc, 6, true, THEME.muted).text('LEGEND', left, y, { lineBreak: false });
      items.forEach((item, i) => {
        const at = flow.items[i];
        if (!at) return;
        const rowTop = y + TITLE_HEIGHT + at.row * ROW_HEIGHT;
        item.symbol(doc, at.x, rowTop + 3.5);
        font(doc, LABEL_SIZE, false, THEME.ink).text(item.label, at.x + item.symbolWidth + 3, rowTop + 0.5, { lineBreak: false });
      });
    },
  };
}
