import { describe, expect, it } from 'vitest';
import { buildDocumentPack } from '../../../src/domain/documents/document-pack.ts';
import { shipmentDocumentInput } from '../../../src/domain/shipment-packs/document-input.ts';
import { shipmentContexts } from '../../../src/domain/shipment-packs/shipment-context.ts';
import type { PoBase } from '../../../src/domain/snapshot/po-base.ts';
import { sampleBase } from './sample-base.ts';

const TODAY = '2026-03-02';
function mapped(base: PoBase, bookingRef: string) {
  const result = shipmentContexts(base).find((r) => (r.ok ? r.context.shipment : r.shipment).bookingRef === bookingRef);
  if (!result?.ok) throw new Error(`${bookingRef}: ${result ? result.fixes.join('; ') : 'not found'}`);
  return shipmentDocumentInput(result.context, TODAY);
}

function built(base: PoBase, bookingRef: string) {
  const input = mapped(base, bookingRef);
  if (!input.ok) throw new Error(input.fixes.join('; '));
  const pack = buildDocumentPack(input.input);
  if (!pack.ok) throw new Error(pack.fixes.join('; '));
  return pack;
}

const AIR = 'BWL-PVG-88214';
const SEA = 'OOLU2741905530';

/** PO-2406's two shipment lines, air and sea. */
function lines(base: PoBase) {
  const air = base.shipmentLines.find((l) => l.line.startsWith(AIR));
  const sea = base.shipmentLines.find((l) => l.line.startsWith(SEA));
  if (!air || !sea) throw new Error('sample lines');
  return { air, sea };
}

describe('a PO split into an air and a sea shipment is numbered as one order', () => {
  it('runs the carton numbers on from the air shipment (1–60) into the sea shipment (61–600), marks included', () => {
    const base = sampleBase();
    const air = built(base, AIR);
    const sea = built(base, SEA);
    expect(air.pack.packingList.rows.map((l) => l.cartonNumbers)).toEqual(['1–60']);
    expect(sea.pack.packingList.rows.map((l) => l.cartonNumbers)).toEqual(['61–600']);
    expect(air.pack.commercialInvoice.marks).toContain('C/NO. 1-60');
    expect(sea.pack.commercialInvoice.marks).toContain('C/NO. 61-600');
    expect(sea.pack.billOfLadingDraft?.marks).toContain('C/NO. 61-600');
    expect(sea.pack.commercialInvoice.marks).not.toContain('C/NO. 1-600');
  });

  it('prints the air waybill under "AWB No." on the air pack and the B/L under "B/L No." on the sea pack', () => {
    const base = sampleBase();
    const air = built(base, AIR).pack;
    const sea = built(base, SEA).pack;
    expect(air.commercialInvoice.transport).toContainEqual({ label: 'AWB No.', value: '781-40217763' });
    expect(air.commercialInvoice.transport.map((f) => f.label)).not.toContain('B/L No.');
    expect(air.packingList.references).toContainEqual({ label: 'AWB No.', value: '781-40217763' });
    expect(sea.commercialInvoice.transport).toContainEqual({ label: 'B/L No.', value: 'OOLU2741905530' });
  });
});

describe('shipped vs ordered per line item', () => {
  it.each([
    // [air qty, sea qty, tolerance, blocked?]
    [360, 3300, 0.03, false], // 3,660 vs 3,600: +1.7 % inside ±3 %
    [360, 3360, 0.03, true], // 3,720: +3.3 %
    [360, 3300, undefined, true], // no tolerance: exact quantity only
    [360, 3120, 0.03, true], // 3,480: −3.3 % (short-shipped)
    [360, 3138, 0.03, false], // 3,498: −2.8 % (short-shipped, inside)
  ] as const)('air %i + sea %i with tolerance %s', (airQty, seaQty, tolerance, blocked) => {
    const base = sampleBase();
    const { air, sea } = lines(base);
    air.quantity = airQty;
    air.cartons = airQty / 6;
    sea.quantity = seaQty;
    sea.cartons = seaQty / 6;
    const po = base.purchaseOrders.find((p) => p.poNumber === 'PO-2406');
    if (!po) throw new Error('PO-2406');
    po.quantityTolerance = tolerance;
    const result = mapped(base, SEA);
    const total = airQty + seaQty;
    expect(result.ok).toBe(!blocked);
    if (!result.ok) {
      expect(result.fixes.join('\n')).toMatch(new RegExp(`Shipment Lines rec\\w+: "Quantity" PO-2406 ships ${total.toLocaleString('en-US')} PCS of HL-KT170-BK over 2 shipments against 3,600 ordered`));
    } else {
      expect(result.input.invoice.remarks?.join('\n')).toContain(
        `HL-KT170-BK: ${total.toLocaleString('en-US')} PCS shipped in total against 3,600 PCS ordered on PO-2406 (${total > 3600 ? 'over by 60 PCS, 1.7 %' : 'under by 102 PCS, 2.8 %'}), within the agreed tolerance of ±3 %; this shipment: ${seaQty.toLocaleString('en-US')} PCS.`,
      );
    }
  });

  it('prints nothing when the order ships exactly', () => {
    const result = mapped(sampleBase(), SEA);
    if (!result.ok) throw new Error(result.fixes.join('; '));
    expect(result.input.invoice.remarks).toEqual([]);
  });
});

describe('charges as data (19 CFR 141.86(a)(8), (9), (11))', () => {
  it('states commissions, packing, assists and rebates from the shipment record', () => {
    const base = sampleBase();
    const sea = base.shipments.find((s) => s.bookingRef === SEA);
    if (!sea) throw new Error(SEA);
    Object.assign(sea, {
      packingCharge: 180, sellingCommission: 320.5, buyingCommission: 950, assistsValue: 4800,
      assistsNote: 'injection mould for the kettle body, paid by the buyer', rebatesValue: 1200, rebatesNote: 'export VAT rebate passed to the buyer',
      chargesConfirmed: false,
    });
    const invoice = built(base, SEA).pack.commercialInvoice;
    expect(invoice.totals).toEqual(expect.arrayContaining([{ label: 'Packing', value: '180.00' }, { label: 'Selling commission', value: '320.50' }]));
    const text = invoice.statements.join('\n');
    expect(text).toContain('Buying commission: USD 950.00, paid by the buyer to its buying agent, not included in the total.');
    expect(text).toContain('Assists (dies, moulds, tools, engineering supplied free or at reduced cost and not in the price): USD 4,800.00 (injection mould for the kettle body, paid by the buyer).');
    expect(text).toContain('Rebates, drawbacks and bounties allowed upon exportation: USD 1,200.00 (export VAT rebate passed to the buyer).');
  });

  it('says "none" only when the agent confirmed the charges; otherwise the pack asks for them', () => {
    const base = sampleBase();
    const sea = base.shipments.find((s) => s.bookingRef === SEA);
    if (!sea) throw new Error(SEA);
    const confirmed = built(base, SEA).pack.commercialInvoice.statements.join('\n');
    expect(confirmed).toContain('Assists (dies, moulds, tools, engineering supplied free or at reduced cost and not in the price): None.');
    expect(confirmed).toContain('Buying commission: none.');
    sea.chargesConfirmed = false;
    const result = mapped(base, SEA);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fixes.join('\n')).toMatch(/Shipments rec\w+: "Charges confirmed" is not ticked and "Packing charge", "Selling commission", "Buying commission", "Assists value", "Rebates \/ drawbacks" are empty/);
  });

  it('suggests an assist when the PO had a Tooling kickoff', () => {
    const base = sampleBase();
    const sea = base.shipments.find((s) => s.bookingRef === SEA);
    const po = base.purchaseOrders.find((p) => p.poNumber === 'PO-2406');
    const tooling = base.milestones.find((m) => m.kind === 'Tooling kickoff');
    if (!sea || !po || !tooling) throw new Error('sample');
    sea.chargesConfirmed = false;
    base.milestones.push({ ...tooling, id: 'recToolingKettle', po: po.id });
    const result = mapped(base, SEA);
    if (result.ok) throw new Error('expected fixes');
    expect(result.fixes.join('\n')).toContain('PO-2406 had a Tooling kickoff: if the buyer paid for the moulds, enter their value in "Assists value" with a note (an assist under 19 CFR 152.102).');
  });
});
