/**
 * Documents through the job's path, without I/O: a 200-line PO's shipment mapped from PO-base records, built,
 * hashed and rendered (the pack a first run uploads); the same without rendering (what a second run spends on an
 * unchanged shipment); a production schedule; and a closure report with its supplier scores. Records come from
 * the sample agency, with PO-2406's sea shipment grown to 200 lines. Target: a warm pack under 300 ms.
 */
import { buildClosureReport } from '../../src/domain/closure/closure-report.ts';
import { buildDocumentPack } from '../../src/domain/documents/document-pack.ts';
import { ALL_MODELS } from '../../src/domain/models/all-models.ts';
import type { LineItem } from '../../src/domain/models/line-item.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import type { ShipmentLine } from '../../src/domain/models/shipment-line.ts';
import { buildScheduleChart } from '../../src/domain/schedule-chart/schedule-chart.ts';
import { resolveSampleAgency } from '../../src/domain/sample/resolve-sample.ts';
import { readSampleAgency } from '../../src/domain/sample/sample-file.ts';
import { shipmentDocumentInput } from '../../src/domain/shipment-packs/document-input.ts';
import { shipmentContexts, type ShipmentContext } from '../../src/domain/shipment-packs/shipment-context.ts';
import { byId } from '../../src/domain/snapshot/index-rows.ts';
import { emptyPoBase, type PoBase } from '../../src/domain/snapshot/po-base.ts';
import { renderClosureReport } from '../../src/documents/closure-report.ts';
import { renderProductionSchedule } from '../../src/documents/production-schedule.ts';
import { EXPORT_RENDER_VERSION, packDocuments } from '../../src/jobs/documents/export-packs.ts';
import { contentHash } from '../../src/lib/content-hash.ts';
import type { BenchResult, BenchRow } from './types.ts';

const TODAY = '2026-03-02';
const KEYS: Record<string, keyof PoBase> = {
  Agency: 'agency', People: 'people', Clients: 'clients', Projects: 'projects', Suppliers: 'suppliers',
  'Supplier Evaluations': 'supplierEvaluations', 'Purchase Orders': 'purchaseOrders', 'Line Items': 'lineItems',
  Milestones: 'milestones', Inspections: 'inspections', Shipments: 'shipments', 'Shipment Lines': 'shipmentLines',
  Documents: 'documents', Calendar: 'calendar',
};

/** The sample agency as parsed records, with made-up record IDs as the loader would assign. */
function sampleBase(): PoBase {
  const tables = resolveSampleAgency(readSampleAgency(), TODAY);
  const ids = new Map<string, string>();
  let n = 0;
  for (const t of tables) for (const row of t.rows) ids.set(row.ref, `rec${(n += 1).toString(36).padStart(14, '0')}`);
  const base = emptyPoBase() as unknown as Record<string, unknown[]>;
  for (const t of tables) {
    const key = KEYS[t.table];
    const model = ALL_MODELS.find((m) => m.table === t.table);
    if (!key || !model) continue;
    const raw = t.rows.map((row) => ({
      id: ids.get(row.ref) ?? '',
      createdTime: `${TODAY}T00:00:00.000Z`,
      fields: { ...row.fields, ...Object.fromEntries(Object.entries(row.links).map(([f, refs]) => [f, refs.map((r) => ids.get(r))])) },
    }));
    base[key] = parseRecords(model, raw).records;
  }
  return base as unknown as PoBase;
}

/** PO-2406's sea shipment with `lines` line items of 6 per carton, 60 units each. */
function bigShipment(base: PoBase, lines: number): ShipmentContext {
  const result = shipmentContexts(base).find((r) => r.ok && r.context.shipment.bookingRef === 'OOLU2741905530');
  if (!result?.ok) throw new Error('sample shipment OOLU2741905530 is not buildable');
  const [first] = result.context.lines;
  if (!first) throw new Error('sample shipment has no lines');
  const shipped = Array.from({ length: lines }, (_, i) => {
    const id = `recBench${String(i).padStart(9, '0')}`;
    const lineItem: LineItem = { ...first.lineItem, id, sku: `HL-KT-${String(i + 1).padStart(3, '0')}`, description: `${first.lineItem.description ?? ''}, variant ${i + 1}`, quantity: 60 };
    const shipmentLine: ShipmentLine = { ...first.shipmentLine, id: `recBenchSl${String(i).padStart(7, '0')}`, lineItem: id, quantity: 60, cartons: 10 };
    return { lineItem, shipmentLine };
  });
  return { ...result.context, lines: shipped };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<{ cold: number; warm: number }> {
  let t = performance.now();
  await work();
  const cold = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    t = performance.now();
    await work();
    warm.push(performance.now() - t);
  }
  return { cold, warm: median(warm) };
}

export async function benchDocuments(options: { lines?: number; runs?: number } = {}): Promise<BenchResult> {
  const lines = options.lines ?? 200;
  const runs = options.runs ?? 5;
  const base = sampleBase();
  const shipment = bigShipment(base, lines);

  const buildAndHash = () => {
    const mapped = shipmentDocumentInput(shipment, TODAY);
    if (!mapped.ok) throw new Error(mapped.fixes.join('; '));
    const built = buildDocumentPack(mapped.input);
    if (!built.ok) throw new Error(built.fixes.join('; '));
    const docs = packDocuments(built.pack);
    return docs.map((d) => ({ doc: d, hash: contentHash({ content: d.content, pageSize: 'A4' }, EXPORT_RENDER_VERSION) }));
  };
  const pack = await timed(runs, async () => {
    for (const { doc } of buildAndHash()) await doc.render('A4');
  });
  const unchanged = await timed(runs, async () => buildAndHash());

  const po = base.purchaseOrders.find((p) => p.poNumber === 'PO-2405');
  if (!po) throw new Error('sample PO-2405 missing');
  const poProject = base.projects.find((p) => p.id === po.project);
  const scheduleInput = {
    po,
    project: poProject,
    client: base.clients.find((c) => c.id === poProject?.client),
    supplier: base.suppliers.find((s) => s.id === po.supplier),
    milestones: base.milestones,
    inspections: base.inspections,
    calendar: base.calendar,
    asOf: TODAY,
  };
  const schedule = await timed(runs, () => renderProductionSchedule(buildScheduleChart(scheduleInput), { author: 'Tidewater Sourcing' }));

  const project = base.projects.find((p) => p.phase === 'Closed');
  if (!project) throw new Error('sample has no closed project');
  const closure = await timed(runs, () =>
    renderClosureReport(buildClosureReport({
      project,
      client: base.clients.find((c) => c.id === project.client),
      agency: base.agency[0],
      orders: base.purchaseOrders.filter((p) => p.project === project.id),
      suppliers: byId(base.suppliers),
      lineItems: base.lineItems,
      milestones: base.milestones,
      inspections: base.inspections,
      evaluations: base.supplierEvaluations,
      today: TODAY,
    })),
  );

  const ms = (n: number) => n.toFixed(0);
  const rows: BenchRow[] = [
    { label: `pack of a ${lines}-line PO: map + build + hash + render, cold`, value: ms(pack.cold), unit: 'ms' },
    { label: `pack of a ${lines}-line PO: map + build + hash + render, warm (median of ${runs})`, value: ms(pack.warm), unit: 'ms' },
    { label: `unchanged pack (map + build + hash, nothing rendered), warm`, value: ms(unchanged.warm), unit: 'ms' },
    { label: 'production schedule (Gantt, 1 page), warm', value: ms(schedule.warm), unit: 'ms' },
    { label: 'closure report with supplier scores, warm', value: ms(closure.warm), unit: 'ms' },
  ];
  return {
    name: 'Documents: export pack, schedule and closure report (job path, no I/O)',
    rows,
    notes: [
      `Target: a warm ${lines}-line pack under 300 ms (${pack.warm <= 300 ? 'met' : 'NOT met'}).`,
      'A second run only maps, builds and hashes: documents whose hash matches their Documents row are not rendered or uploaded.',
    ],
  };
}
