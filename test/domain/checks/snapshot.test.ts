import { describe, expect, it } from 'vitest';
import { milestoneOf } from '../../../src/domain/checks/po-facts.ts';
import { baseWorld, link, rid, shipment } from './world.ts';

describe('buildSnapshot', () => {
  it('orders a PO’s milestones by lifecycle and indexes them by kind', () => {
    const s = baseWorld().snapshot();
    const kinds = s.milestonesByPo.get(rid('po1'))!.map((m) => m.kind);
    expect(kinds.slice(0, 6)).toEqual(['Deposit paid', 'Sample approval', 'Materials ready', 'IPI', 'Production start', 'DUPRO']);
    expect(milestoneOf(s, rid('po1'), 'PSI')?.milestone).toBe('PO-1001 · PSI');
  });

  it('links shipments and POs through shipment lines and line items, each pair once', () => {
    const w = baseWorld();
    shipment(w, 'shp1');
    w.put('lineItems', 'li2', { SKU: 'LANT-02', PO: link('po1'), Quantity: 500 });
    w.put('shipmentLines', 'sl-2', { Line: 'BK-shp1 · LANT-02', Shipment: link('shp1'), 'Line item': link('li2'), Quantity: 500 });
    const s = w.snapshot();
    expect(s.posByShipment.get(rid('shp1'))!.map((p) => p.poNumber)).toEqual(['PO-1001']);
    expect(s.shipmentsByPo.get(rid('po1'))!.map((x) => x.bookingRef)).toEqual(['BK-shp1']);
    expect(s.quantityByPo.get(rid('po1'))).toBe(3500);
  });

  it('finds re-inspections of a failed inspection and the latest update of a PO', () => {
    const w = baseWorld();
    w.put('inspections', 'in-re', { Inspection: 'IPI again', PO: link('po1'), Type: 'IPI', 'Re-inspection of': link('in-ipi') });
    w.put('updates', 'up0', { Update: 'Newer', PO: link('po1'), Date: '2026-06-09' });
    const s = w.snapshot();
    expect(s.reinspectionsOf.get(rid('in-ipi'))!.map((i) => i.inspection)).toEqual(['IPI again']);
    expect(s.updatesByPo.get(rid('po1'))!.latest).toEqual({ date: '2026-06-09', update: 'Newer' });
  });

  it('skips links to records that are not in the snapshot instead of failing', () => {
    const w = baseWorld();
    w.put('shipmentLines', 'sl-x', { Line: 'orphan', Shipment: link('nothing'), 'Line item': link('li1'), Quantity: 1 });
    expect(w.snapshot().posByShipment.size).toBe(0);
  });
});
