/**
 * Shipment without a passed PSI: a booking (or a departed shipment) carries goods of a PO whose PSI has not
 * passed. Always Critical: once the goods sail the agency has lost its leverage over the factory.
 */
import { finding, type CheckRule, type Finding } from '../finding.ts';
import { inspectionsOfType, isOpen, passedPsi, poLinks, poOwner, supplierName } from '../po-facts.ts';

export const RULE = 'shipment-without-psi';

export const shipmentWithoutPsi: CheckRule = {
  rule: RULE,
  title: 'Shipment booked or shipped without a passed PSI',
  check(s, _clock, settings) {
    const out: Finding[] = [];
    for (const shipment of s.shipments) {
      for (const po of s.posByShipment.get(shipment.id) ?? []) {
        if (!isOpen(po) || po.status === 'Delivered') continue;
        if (passedPsi(s, po.id, settings)) continue;
        const psis = inspectionsOfType(s, po.id, 'PSI');
        const state = psis.length === 0 ? 'no PSI at all' : `no passed PSI (${psis.map((i) => `${i.inspection}: ${i.result ?? 'no result'}`).join('; ')})`;
        const sailed = shipment.atd !== undefined;
        const when = sailed ? `sailed on ${shipment.atd}` : shipment.etd ? `is booked with ETD ${shipment.etd}` : 'is booked';
        out.push(
          finding(RULE, [shipment.id, po.id], {
            severity: 'Critical',
            message:
              `Shipment ${shipment.bookingRef} ${when} with goods of ${po.poNumber} from ${supplierName(s, po.supplier)}, which has ${state}. ` +
              (sailed
                ? 'Please hold the balance payment and the original documents until the goods are inspected.'
                : 'Please get the PSI passed before loading, or hold the booking.'),
            links: { ...poLinks(po), shipment: shipment.id },
            owner: poOwner(s, po, 'PSI'),
          }),
        );
      }
    }
    return out;
  },
};
