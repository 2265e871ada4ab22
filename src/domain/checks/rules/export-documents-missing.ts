/**
 * Export documents missing: N days before ETD (default 5) a shipment must have its commercial invoice and packing
 * list (and a B/L draft for sea freight, an air waybill draft for air and express) in the Documents table. Critical once the shipment has sailed without them.
 */
import type { DocumentKind } from '../../models/document.ts';
import { dayDiff } from '../day-math.ts';
import { days, finding, listing, type CheckRule, type Finding } from '../finding.ts';
import { isOpen, poLinks, poOwner } from '../po-facts.ts';

export const RULE = 'export-documents-missing';

export const exportDocumentsMissing: CheckRule = {
  rule: RULE,
  title: 'Export documents missing before ETD',
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const shipment of s.shipments) {
      if (shipment.ata !== undefined || shipment.etd === undefined) continue;
      const pos = (s.posByShipment.get(shipment.id) ?? []).filter((po) => isOpen(po) && po.status !== 'Delivered');
      const first = pos[0];
      if (!first) continue;
      const until = dayDiff(clock.today, shipment.etd);
      if (until > settings.documentsBeforeEtdDays) continue;
      const required: DocumentKind[] = [...settings.requiredExportDocuments];
      if (shipment.mode === 'Sea FCL' || shipment.mode === 'Sea LCL') required.push('B/L draft');
      if (shipment.mode === 'Air' || shipment.mode === 'Express') required.push('AWB draft');
      const have = s.documentKinds.get(shipment.id);
      const missing = [...new Set(required)].filter((k) => !have.has(k));
      if (missing.length === 0) continue;
      const sailed = shipment.atd !== undefined || until < 0;
      const when = until > 0 ? `ETD in ${days(until)} (${shipment.etd})` : until === 0 ? 'ETD today' : `ETD was ${shipment.etd}`;
      out.push(
        finding(RULE, [shipment.id], {
          severity: sailed ? 'Critical' : 'Warning',
          message:
            `Shipment ${shipment.bookingRef} (${pos.map((p) => p.poNumber).join(', ')}, ${when}) has no ${listing(missing.map((k) => (k.startsWith('B/L') || k.startsWith('AWB') ? k : k.toLowerCase())))}. ` +
            'Please generate them (tick "Generate documents" on the PO) and send the drafts to the forwarder.',
          links: { ...poLinks(first), shipment: shipment.id },
          owner: poOwner(s, first, 'Booking', 'ETD'),
        }),
      );
    }
    return out;
  },
};
