/**
 * Export document pack for a 200-line PO: building the content (pure domain) and rendering the commercial invoice,
 * packing list, certificate of origin and B/L draft to PDF, as a job does for one shipment, plus the PO's
 * bilingual purchase contract with the same 200 lines. Reports the first
 * pack of the process (cold: font tables parsed, words shaped, code compiled) and the median of the next ten
 * (warm), per pack and per document, with pages and bytes. Issue target: a warm pack under 300 ms.
 */
import { buildConfidentialityPolicy } from '../../src/domain/confidentiality/policy.ts';
import { buyerShownToFactory } from '../../src/domain/contracts/buyer-shown-to-factory.ts';
import { buildPurchaseContract, type PurchaseContractContent } from '../../src/domain/contracts/purchase-contract.ts';
import { buildDocumentPack, type DocumentPack } from '../../src/domain/documents/index.ts';
import { renderPurchaseContract } from '../../src/documents/purchase-contract.ts';
import { renderDocument, type DocumentKind } from '../../src/documents/render-document.ts';
import { largeShipment } from '../../test/domain/documents/sample-shipment.ts';
import { sampleBase } from '../../test/domain/shipment-packs/sample-base.ts';
import type { BenchResult, BenchRow } from './types.ts';

const KINDS: DocumentKind[] = ['commercial-invoice', 'packing-list', 'certificate-of-origin', 'bill-of-lading-draft'];
type Timed = DocumentKind | 'purchase-contract';
const TIMED: Timed[] = [...KINDS, 'purchase-contract'];

interface PackTiming {
  buildMs: number;
  totalMs: number;
  /** CPU time of the process (user + system) over the pack: less sensitive to other load than wall time. */
  cpuMs: number;
  documents: Record<Timed, { ms: number; bytes: Buffer }>;
}

async function renderKind(kind: DocumentKind, pack: DocumentPack): Promise<Buffer> {
  switch (kind) {
    case 'commercial-invoice':
      return renderDocument(kind, pack.commercialInvoice);
    case 'packing-list':
      return renderDocument(kind, pack.packingList);
    case 'certificate-of-origin':
      if (!pack.certificateOfOrigin) throw new Error('bench shipment: no certificate of origin in the pack');
      return renderDocument(kind, pack.certificateOfOrigin);
    case 'bill-of-lading-draft':
      if (!pack.billOfLadingDraft) throw new Error('bench shipment: no B/L draft in the pack');
      return renderDocument(kind, pack.billOfLadingDraft);
    default:
      throw new Error(`bench: ${kind} is not part of a sea pack`);
  }
}

/** The sample's PO-2406 contract with its line item repeated to `lines` lines (distinct SKUs). */
function contractOf(lines: number): PurchaseContractContent {
  const base = sampleBase();
  const po = base.purchaseOrders.find((p) => p.poNumber === 'PO-2406');
  const item = base.lineItems.find((l) => l.po === po?.id);
  if (!po || !item) throw new Error('bench: the sample base has no PO-2406 line item');
  po.drawingReferences = 'HL-KT170-BK body drawing rev C';
  const lineItems = Array.from({ length: lines }, (_, i) => ({ ...item, id: `${item.id}-${i}`, sku: `${item.sku}-${String(i).padStart(3, '0')}` }));
  const client = base.clients.find((c) => c.id === base.projects.find((p) => p.id === po.project)?.client);
  const policy = buildConfidentialityPolicy({ disclosures: [], suppliers: [], suppliersOfClient: new Map() });
  const agency = base.agency[0];
  if (!agency) throw new Error('bench: the sample base has no agency');
  const built = buildPurchaseContract({
    po, project: base.projects.find((p) => p.id === po.project), supplier: base.suppliers.find((s) => s.id === po.supplier), agency,
    lineItems, buyer: buyerShownToFactory(policy, po.supplier, client, agency), today: '2026-03-02',
  });
  if (!built.ok) throw new Error(`bench contract needs fixes: ${built.fixes.join('; ')}`);
  return built.content;
}

/** One pack from the raw input, as a job would make it: build, then the four documents one after another. */
async function timePack(lines: number): Promise<PackTiming> {
  const input = largeShipment(lines);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = buildDocumentPack(input);
  if (!result.ok) throw new Error(`bench shipment needs fixes: ${result.fixes.join('; ')}`);
  const contract = contractOf(lines);
  const built = performance.now();
  const documents = {} as PackTiming['documents'];
  for (const kind of KINDS) {
    const t = performance.now();
    const bytes = await renderKind(kind, result.pack);
    documents[kind] = { ms: performance.now() - t, bytes };
  }
  const t = performance.now();
  const bytes = await renderPurchaseContract(contract);
  documents['purchase-contract'] = { ms: performance.now() - t, bytes };
  const used = process.cpuUsage(cpu);
  return { buildMs: built - started, totalMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, documents };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Page objects in a PDFKit file (its object dictionaries are not compressed). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page(?![A-Za-z])/g)?.length ?? 0;
}

export async function benchDocumentPack(options: { lines?: number; warmRuns?: number } = {}): Promise<BenchResult> {
  const lines = options.lines ?? 200;
  const warmRuns = options.warmRuns ?? 10;
  const cold = await timePack(lines);
  const warm: PackTiming[] = [];
  for (let i = 0; i < warmRuns; i += 1) warm.push(await timePack(lines));
  const sameBytes = TIMED.every((kind) => warm.every((w) => w.documents[kind].bytes.equals(cold.documents[kind].bytes)));
  const ms = (value: number) => value.toFixed(0);
  const warmPack = median(warm.map((w) => w.totalMs));
  const rows: BenchRow[] = [
    { label: 'pack, cold (first in process)', value: ms(cold.totalMs), unit: 'ms' },
    { label: `pack, warm (median of ${warmRuns})`, value: ms(warmPack), unit: 'ms' },
    { label: 'pack, warm fastest', value: ms(Math.min(...warm.map((w) => w.totalMs))), unit: 'ms' },
    { label: 'pack, warm CPU time (median)', value: ms(median(warm.map((w) => w.cpuMs))), unit: 'ms' },
    { label: 'build content (domain, pack + contract), warm', value: ms(median(warm.map((w) => w.buildMs))), unit: 'ms' },
  ];
  for (const kind of TIMED) {
    const doc = cold.documents[kind];
    rows.push(
      { label: `${kind}: cold`, value: ms(doc.ms), unit: 'ms' },
      { label: `${kind}: warm`, value: ms(median(warm.map((w) => w.documents[kind].ms))), unit: 'ms' },
      { label: `${kind}: pages`, value: pageCount(doc.bytes) },
      { label: `${kind}: size`, value: (doc.bytes.length / 1024).toFixed(0), unit: 'KiB' },
    );
  }
  rows.push(
    { label: 'same bytes on every render', value: sameBytes ? 'yes' : 'NO' },
    { label: 'warm pack vs 300 ms target', value: warmPack < 300 ? 'met' : 'missed' },
  );
  return {
    name: `Export document pack: ${lines}-line PO, build + 4 PDFs + purchase contract (A4), ${warmRuns} warm runs`,
    rows,
    notes: [
      'cold includes parsing the CJK font tables and shaping every word for the first time; warm reuses the',
      'parsed fonts, shaped words and measured cell heights, and still subsets and compresses each PDF.',
      'Wall-clock on a shared machine: compare runs made at similar load.',
    ],
  };
}
