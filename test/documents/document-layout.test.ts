/**
 * Layout of every document as drawn: the text boxes read back from each PDF (pdf.js) never overlap, stay on the
 * page, no page after the first holds only its header, and codes (SKUs up to 40 characters) stay on one line.
 * Fixed cases (the sample pack, the split PO's air and sea packs, the contract, the closure report, a 200-line
 * invoice) and seeded generated packs (long names, long SKUs, many lines, A4 and Letter, sea and air).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClosureReport } from '../../src/domain/closure/closure-report.ts';
import { buildConfidentialityPolicy } from '../../src/domain/confidentiality/policy.ts';
import { buyerShownToFactory } from '../../src/domain/contracts/buyer-shown-to-factory.ts';
import { SIGN_FOR } from '../../src/domain/contracts/contract-clauses.ts';
import { buildPurchaseContract } from '../../src/domain/contracts/purchase-contract.ts';
import type { DocumentPack } from '../../src/domain/documents/consistency.ts';
import { buildDocumentPack } from '../../src/domain/documents/document-pack.ts';
import type { ShipmentDocumentInput } from '../../src/domain/documents/input.ts';
import type { Milestone } from '../../src/domain/models/milestone.ts';
import type { Project } from '../../src/domain/models/project.ts';
import type { PurchaseOrder } from '../../src/domain/models/purchase-order.ts';
import { shipmentDocumentInput } from '../../src/domain/shipment-packs/document-input.ts';
import { shipmentContexts } from '../../src/domain/shipment-packs/shipment-context.ts';
import { byId } from '../../src/domain/snapshot/index-rows.ts';
import { drawContinuationHeader, drawFooters } from '../../src/documents/blocks.ts';
import { renderClosureReport } from '../../src/documents/closure-report.ts';
import { openPdf } from '../../src/documents/open-pdf.ts';
import { renderPurchaseContract } from '../../src/documents/purchase-contract.ts';
import { packDocuments } from '../../src/jobs/documents/export-packs.ts';
import { PAGE_SIZES, type PageSize } from '../../src/documents/theme.ts';
import { largeShipment, sampleShipment } from '../domain/documents/sample-shipment.ts';
import { sampleBase } from '../domain/shipment-packs/sample-base.ts';
import { parsedSample } from '../domain/sample-records.ts';
import { layoutProblems, textBoxes } from './text-boxes.ts';

const SEED = 20261204;
const TODAY = '2026-03-02';

function packOf(input: ShipmentDocumentInput): DocumentPack {
  const built = buildDocumentPack(input);
  if (!built.ok) throw new Error(built.fixes.join('; '));
  return built.pack;
}

/** Every document of the pack checked; answers the problems, each prefixed with the document kind. */
async function packProblems(pack: DocumentPack, pageSize: PageSize = 'A4'): Promise<string[]> {
  const problems: string[] = [];
  for (const doc of packDocuments(pack)) {
    for (const p of await layoutProblems(await doc.render(pageSize), PAGE_SIZES[pageSize])) problems.push(`${doc.kind}: ${p}`);
  }
  return problems;
}

function splitPack(bookingRef: string): DocumentPack {
  const result = shipmentContexts(sampleBase()).find((r) => (r.ok ? r.context.shipment : r.shipment).bookingRef === bookingRef);
  if (!result?.ok) throw new Error(bookingRef);
  const mapped = shipmentDocumentInput(result.context, TODAY);
  if (!mapped.ok) throw new Error(mapped.fixes.join('; '));
  return packOf(mapped.input);
}

describe('the layout checks themselves', () => {
  it('flag overlapping text and a page holding only its continuation header', async () => {
    const pdf = openPdf('A4', { title: 't', author: 'a', subject: 's', issuedOn: '2026-03-02' });
    const frame = pdf.frame;
    frame.onNewPage((f) => drawContinuationHeader(f, 'COMMERCIAL INVOICE', 'No. 1', 'Exporter Ltd.'));
    frame.text('Body text on page one', frame.left, 200, 200);
    frame.text('Drawn over it', frame.left + 20, 202, 200);
    frame.newPage();
    drawFooters(frame, 'Commercial invoice No. 1');
    const problems = await layoutProblems(await pdf.finish(), PAGE_SIZES.A4);
    expect(problems).toEqual([expect.stringMatching(/^page 1: overlap 'Body text on page one'/), 'page 2: holds only a header']);
  });
});

describe('documents as drawn: fixed cases', () => {
  it('the sample pack (invoice, packing list, CO, B/L draft) on A4 and Letter', async () => {
    expect(await packProblems(packOf(sampleShipment()))).toEqual([]);
    expect(await packProblems(packOf(sampleShipment()), 'LETTER')).toEqual([]);
  });

  it('the split PO-2406: its air pack and its sea pack', async () => {
    expect(await packProblems(splitPack('BWL-PVG-88214'))).toEqual([]);
    expect(await packProblems(splitPack('OOLU2741905530'))).toEqual([]);
  });

  it('a 200-line pack paginates without a header-only page', async () => {
    expect(await packProblems(packOf(largeShipment(200)))).toEqual([]);
  }, 60_000);

  it.each(['PO-2406', 'PO-2401'])('the purchase contract of %s: clean, and its signature blocks never stand alone on a page', async (poNumber) => {
    const base = sampleBase();
    const po = base.purchaseOrders.find((p) => p.poNumber === poNumber)!;
    const agency = base.agency[0]!;
    const client = base.clients.find((c) => c.id === base.projects.find((p) => p.id === po.project)?.client);
    const policy = buildConfidentialityPolicy({ disclosures: [], suppliers: [], suppliersOfClient: new Map() });
    const built = buildPurchaseContract({
      po, project: base.projects.find((p) => p.id === po.project), supplier: base.suppliers.find((s) => s.id === po.supplier), agency,
      lineItems: base.lineItems.filter((l) => l.po === po.id), buyer: buyerShownToFactory(policy, po.supplier, client, agency), today: TODAY,
    });
    if (!built.ok) throw new Error(built.fixes.join('; '));
    const bytes = await renderPurchaseContract(built.content);
    expect(await layoutProblems(bytes, PAGE_SIZES.A4)).toEqual([]);
    const pages = (await textBoxes(bytes)).map((boxes) => boxes.map((b) => b.text).join(' '));
    const signaturePage = pages.find((p) => p.includes(SIGN_FOR.en));
    expect(signaturePage).toBeDefined();
    expect(signaturePage).toContain('Governing law and disputes');
  });

  it('the closure reports of the sample', async () => {
    const { parsed } = parsedSample(TODAY);
    const rows = <T>(table: string) => (parsed.get(table)?.records ?? []) as T[];
    const projects = rows<Project>('Projects').filter((p) => p.phase === 'Closed' || p.project.includes('Glass ornaments'));
    expect(projects.length).toBeGreaterThan(0);
    for (const project of projects) {
      const report = buildClosureReport({
        project, client: rows<{ id: string }>('Clients').find((c) => c.id === project.client) as never, agency: rows('Agency')[0] as never,
        orders: rows<PurchaseOrder>('Purchase Orders').filter((po) => po.project === project.id), suppliers: byId(rows('Suppliers')),
        lineItems: rows('Line Items'), milestones: rows<Milestone>('Milestones'), inspections: rows('Inspections'), evaluations: rows('Supplier Evaluations'), today: TODAY,
      });
      expect(await layoutProblems(await renderClosureReport(report), PAGE_SIZES.A4), project.project).toEqual([]);
    }
  }, 30_000);
});

describe('documents as drawn: generated packs (seeded)', () => {
  const skuChars = fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789-'.split(''));
  const packCase = fc.record({
    lines: fc.integer({ min: 1, max: 45 }),
    skuLength: fc.integer({ min: 3, max: 40 }),
    sku: fc.array(skuChars, { minLength: 40, maxLength: 40 }),
    longNames: fc.boolean(),
    longDescriptions: fc.boolean(),
    pageSize: fc.constantFrom<PageSize>('A4', 'LETTER'),
    mode: fc.constantFrom('Sea FCL', 'Sea LCL', 'Air'),
  });

  it('no overlapping text, nothing off the page, no header-only page, every SKU on one line', async () => {
    await fc.assert(fc.asyncProperty(packCase, async (c) => {
      const input = largeShipment(c.lines);
      const stem = c.sku.join('').replace(/^-+/, 'X');
      input.lines.forEach((line, i) => {
        line.sku = `${stem.slice(0, Math.max(1, c.skuLength - 4))}-${String(i).padStart(3, '0')}`.slice(-Math.max(c.skuLength, 5));
        if (c.longDescriptions) line.description = `${line.description}; ${'reinforced gift box with foam insert and multilingual manual '.repeat(2)}`;
      });
      if (c.longNames) {
        input.exporter.name = 'Zhejiang Provincial Light Industrial Products Import and Export Corporation (Ningbo Branch) Co., Ltd.';
        input.buyer.name = 'Brightline Home Goods International Holdings Incorporated, Purchasing Department for North America';
        input.consignee.address = ['Distribution Centre 3, Building C, Dock Doors 14–22', '1450 W. 190th Street, Unit 100', 'Torrance, CA 90501'];
      }
      input.shipment.mode = c.mode;
      if (c.mode === 'Air') {
        input.shipment.containers = [];
        input.shipment.vesselVoyage = 'CA 1043 / 22 Mar';
        input.shipment.portOfLoading = 'Shanghai Pudong (PVG)';
        input.shipment.portOfDischarge = 'Los Angeles (LAX)';
        input.order.incoterm = 'FCA';
      }
      if (c.mode === 'Sea LCL') input.shipment.containers = [];
      const pack = packOf(input);
      expect(await packProblems(pack, c.pageSize)).toEqual([]);
      // A code never breaks: each SKU is one drawn run on the invoice and the packing list.
      for (const doc of packDocuments(pack).filter((d) => d.kind === 'commercial-invoice' || d.kind === 'packing-list')) {
        const drawn = (await textBoxes(await doc.render(c.pageSize))).flat().map((b) => b.text);
        for (const line of input.lines) expect(drawn, `${doc.kind} ${line.sku}`).toContain(line.sku);
      }
    }), { seed: SEED, numRuns: 12 });
  }, 180_000);
});
