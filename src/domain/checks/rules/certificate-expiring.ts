/**
 * Certification expiring: a supplier with open orders has a certificate ("Certification expiry", the earliest of
 * its certificates) that expires before production of one of those orders ends, or within
 * `certificateWarningDays` (30). Critical when it has already expired. One finding per supplier.
 */
import type { IsoDate } from '../../calendar/iso-date.ts';
import type { PurchaseOrder } from '../../models/purchase-order.ts';
import { dayDiff } from '../day-math.ts';
import { days, finding, listing, type CheckRule, type Finding } from '../finding.ts';
import { agentOf, expectedDate, milestoneOf, ownerOf, projectOf, statusBetween } from '../po-facts.ts';
import type { WorkspaceSnapshot } from '../snapshot.ts';

export const RULE = 'certificate-expiring';

/** When the factory's work on a PO ends: production complete, else ship-by, else the project's target delivery. */
function productionEnd(s: WorkspaceSnapshot, po: PurchaseOrder): IsoDate | undefined {
  return expectedDate(milestoneOf(s, po.id, 'Production complete')) ?? po.shipBy ?? projectOf(s, po)?.targetDeliveryDate;
}

export const certificateExpiring: CheckRule = {
  rule: RULE,
  title: 'Certification expiring before production ends',
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const supplier of s.suppliers) {
      const expiry = supplier.certificationExpiry;
      if (expiry === undefined) continue;
      const open = (s.posBySupplier.get(supplier.id) ?? []).filter((po) => statusBetween(po, 'RFQ', 'Ready to ship'));
      if (open.length === 0) continue;
      const soon = dayDiff(clock.today, expiry) <= settings.certificateWarningDays;
      const affected = soon
        ? open
        : open.filter((po) => {
            const end = productionEnd(s, po);
            return end !== undefined && expiry < end;
          });
      const first = affected[0];
      if (!first) continue;
      const left = dayDiff(clock.today, expiry);
      const state = left < 0 ? `expired ${days(-left)} ago (${expiry})` : left === 0 ? `expires today` : `expires in ${days(left)} (${expiry})`;
      const certs = supplier.certifications.length > 0 ? ` (${supplier.certifications.join(', ')})` : '';
      out.push(
        finding(RULE, [supplier.id], {
          severity: left < 0 ? 'Critical' : 'Warning',
          message:
            `A certificate of ${supplier.name}${certs} ${state}, before the work on ${listing(affected.map((p) => p.poNumber))} ends. ` +
            'Please ask the factory for the renewed certificate and update "Certification expiry".',
          links: { supplier: supplier.id, po: first.id, project: first.project },
          owner: ownerOf(s, ...affected.map((po) => agentOf(s, po))),
        }),
      );
    }
    return out;
  },
};
