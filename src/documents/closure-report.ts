/**
 * Renders a project's closure report (src/domain/closure) on A4 portrait, in the same visual language as the
 * export documents: letterhead, key facts, plan vs actual per PO, inspections, lessons learned and the supplier
 * scorecards, with page numbers on every page.
 */
import { DateTime } from 'luxon';
import type { ClosureReport, OrderSection } from '../domain/closure/closure-report.ts';
import type { MilestoneVariance } from '../domain/closure/project-results.ts';
import type { InspectionOutcome } from '../domain/closure/project-results.ts';
import type { KpiLine, SupplierScore } from '../domain/closure/supplier-scores.ts';
import { drawContinuationHeader, drawFieldGrid, drawFooters, drawHeader, drawTextBlock } from './blocks.ts';
import type { Frame } from './frame.ts';
import { openPdf } from './open-pdf.ts';
import { drawTable, type Column } from './table.ts';
import { THEME, type PageSize } from './theme.ts';

const date = (iso: string | undefined) => (iso ? DateTime.fromISO(iso, { zone: 'utc' }).toFormat('dd LLL yyyy', { locale: 'en-US' }) : '—');
const signedDays = (n: number | undefined) => (n === undefined ? '—' : n > 0 ? `+${n}` : String(n));
const GOOD = '#2e7d4f';
const BAD = '#c0392b';

/** A section title; `keepWith` points of what follows stay on the same page (no orphan headings). */
function heading(frame: Frame, text: string, note?: string, keepWith = 40): void {
  frame.ensure(24 + keepWith);
  frame.y += 10;
  frame.text(text.toUpperCase(), frame.left, frame.y, frame.width * 0.6, { bold: true, size: 9.5, color: THEME.accent });
  if (note) frame.text(note, frame.left + frame.width * 0.4, frame.y + 1.5, frame.width * 0.6, { size: THEME.size.small, color: THEME.muted, align: 'right' });
  frame.y += 14;
  frame.line(frame.left, frame.y - 2, frame.right, frame.y - 2, THEME.hairline, 0.6);
  frame.y += 3;
}

const MILESTONE_COLUMNS: Column<MilestoneVariance>[] = [
  { header: 'Milestone', width: 3, cell: (m) => m.kind, bold: true },
  { header: 'Baseline', width: 2, align: 'right', cell: (m) => date(m.baseline) },
  { header: 'Planned', width: 2, align: 'right', cell: (m) => date(m.planned) },
  { header: 'Actual', width: 2, align: 'right', cell: (m) => date(m.actual) },
  { header: 'Variance (days)', width: 1.6, align: 'right', cell: (m) => signedDays(m.varianceDays) },
  { header: 'On time', width: 1.2, align: 'center', cell: (m) => (m.onTime === undefined ? '—' : m.onTime ? 'Yes' : 'No') },
];

function drawOrder(frame: Frame, order: OrderSection): void {
  const facts = [order.status, `factory: ${order.factory}`, order.value ? `value ${order.value}` : undefined].filter(Boolean).join(' · ');
  frame.ensure(60);
  frame.text(order.poNumber, frame.left, frame.y, frame.width * 0.3, { bold: true, size: 9 });
  frame.text(facts, frame.left + frame.width * 0.3, frame.y + 1, frame.width * 0.7, { size: THEME.size.small, color: THEME.muted, align: 'right' });
  frame.y += 13;
  if (order.milestones.length === 0) {
    frame.text(order.status === 'Cancelled' ? 'Cancelled: not measured.' : 'No milestones recorded.', frame.left, frame.y, frame.width, { size: THEME.size.small, color: THEME.muted });
    frame.y += 14;
    return;
  }
  const { rate } = order;
  drawTable(frame, MILESTONE_COLUMNS, order.milestones, {
    footer: ['On time vs baseline', '', '', '', `${rate.onTime} of ${rate.measured}`, rate.percent === undefined ? '—' : `${rate.percent}%`],
  });
  frame.y += 8;
}

const INSPECTION_COLUMNS: Column<InspectionOutcome>[] = [
  { header: 'PO', width: 1.5, cell: (i) => i.poNumber, bold: true },
  { header: 'Type', width: 1.6, cell: (i) => `${i.type}${i.reinspection ? ' (re-insp.)' : ''}` },
  { header: 'Date', width: 1.7, cell: (i) => date(i.date) },
  { header: 'Inspector', width: 2.2, cell: (i) => i.inspector ?? '—' },
  { header: 'Lot / sample', width: 1.7, align: 'right', cell: (i) => `${i.lotSize ?? '—'} / ${i.sampleSize ?? '—'}` },
  { header: 'AQL cr / ma / mi', width: 1.9, cell: (i) => i.aql },
  { header: 'Found cr / ma / mi', width: 1.8, align: 'right', cell: (i) => `${i.found.critical} / ${i.found.major} / ${i.found.minor}`, sub: (i) => i.majorLimits },
  { header: 'Result', width: 1.5, cell: (i) => i.result, bold: true },
];

function kpiColumns(): Column<KpiLine>[] {
  return [
    { header: 'KPI', width: 2.2, cell: (k) => k.label, bold: true },
    { header: 'Measured on this project', width: 5, cell: (k) => k.value },
    { header: 'Score', width: 1, align: 'right', cell: (k) => (k.score === undefined ? '—' : k.score.toFixed(1)) },
    { header: 'Weight', width: 1, align: 'right', cell: (k) => (k.weight === 0 ? '—' : `${k.weight}%`) },
  ];
}

function drawSupplier(frame: Frame, score: SupplierScore): void {
  frame.ensure(110);
  frame.text(score.displayName, frame.left, frame.y, frame.width * 0.5, { bold: true, size: 9 });
  if (!score.ok) {
    frame.y += 13;
    frame.text(`Not scored: ${score.problem}`, frame.left, frame.y, frame.width, { size: THEME.size.small, color: BAD });
    frame.y += 16;
    return;
  }
  const overall = score.overall === undefined ? 'no score yet' : `${score.overall.toFixed(1)} · ${score.band ?? ''}`;
  frame.text(`Overall ${overall}`, frame.left + frame.width * 0.5, frame.y, frame.width * 0.5, {
    bold: true, size: 9, align: 'right', color: score.band === 'Developmental' ? BAD : score.band === 'Preferred' ? GOOD : THEME.accent,
  });
  frame.y += 13;
  const period = score.periodScore === undefined ? '—' : score.periodScore.toFixed(1);
  const previous = score.previousScore === undefined ? 'first scored project' : `overall before this project: ${score.previousScore.toFixed(1)}`;
  drawTable(frame, kpiColumns(), score.kpis, { footer: ['This project', `${previous} · ${score.periods} project(s) in the history`, period, '100%'] });
  frame.y += 8;
}

export interface ClosureRenderOptions {
  pageSize?: PageSize;
}

export async function renderClosureReport(report: ClosureReport, options: ClosureRenderOptions = {}): Promise<Buffer> {
  const reference = `${report.title} · closed ${date(report.closedOn)}`;
  const pdf = openPdf(options.pageSize ?? 'A4', { title: report.title, author: report.agency.name, subject: reference, issuedOn: report.closedOn });
  const frame = pdf.frame;
  frame.onNewPage((f) => drawContinuationHeader(f, 'Closure report', report.title.replace(/^Closure report · /, ''), report.agency.name));
  drawHeader(frame, {
    title: 'CLOSURE REPORT',
    subtitle: report.title.replace(/^Closure report · /, ''),
    exporter: report.agency,
    keys: [
      { label: 'Closed on', value: date(report.closedOn) },
      { label: 'On time vs baseline', value: report.headline[0]?.value.replace(/ \(.*\)$/, '') ?? '—' },
    ],
  });
  drawFieldGrid(frame, report.facts.map((f) => ({ label: f.label, value: /^\d{4}-\d{2}-\d{2}$/.test(f.value) ? date(f.value) : f.value })), 4);
  frame.y += 6;
  drawFieldGrid(frame, report.headline, 3);

  heading(frame, 'Plan vs actual', 'baseline = first commitment; variance = actual − baseline');
  for (const order of report.orders) drawOrder(frame, order);

  heading(frame, 'Inspections', `${report.defects.critical} critical · ${report.defects.major} major · ${report.defects.minor} minor defects in ${report.defects.sampled} units sampled`);
  if (report.inspections.length === 0) {
    frame.text('No inspections recorded.', frame.left, frame.y, frame.width, { size: THEME.size.small, color: THEME.muted });
    frame.y += 14;
  } else {
    drawTable(frame, INSPECTION_COLUMNS, report.inspections);
  }

  heading(frame, 'Lessons learned');
  drawTextBlock(frame, 'From the project record', report.lessons.length > 0 ? report.lessons.map((l) => `•  ${l}`) : ['None recorded on the project.'], { size: 8 });

  heading(frame, 'Supplier performance', 'scores 0–100 · Preferred ≥ 90 · Acceptable 70–89 · Developmental < 70', 150);
  for (const supplier of report.suppliers) drawSupplier(frame, supplier);

  frame.ensure(50);
  frame.y += 4;
  frame.text(report.notes.join('\n'), frame.left, frame.y, frame.width, { size: THEME.size.small, color: THEME.muted });
  drawFooters(frame, reference);
  return pdf.finish();
}
