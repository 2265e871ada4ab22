/**
 * Failed inspection without a re-inspection: an inspection failed and no inspection links back to it through
 * "Re-inspection of". A failed re-inspection is itself a failed inspection, so the chain is followed for free.
 */
import type { Inspection } from '../../models/inspection.ts';
import { finding, type CheckRule, type Finding } from '../finding.ts';
import { isOpen, ownerOf, poLinks, poOwner, supplierName } from '../po-facts.ts';
import type { WorkspaceSnapshot } from '../snapshot.ts';

export const RULE = 'inspection-failed';

function defects(i: Inspection): string {
  const parts: string[] = [];
  const add = (found: number | undefined, accept: number | undefined, cls: string) => {
    if (found === undefined) return;
    if (accept !== undefined && found > accept) parts.push(`${found} ${cls} defects, accept ${accept}`);
  };
  add(i.criticalFound, i.acceptCritical, 'critical');
  add(i.majorFound, i.acceptMajor, 'major');
  add(i.minorFound, i.acceptMinor, 'minor');
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

function ownerFor(s: WorkspaceSnapshot, i: Inspection): string | undefined {
  const po = i.po === undefined ? undefined : s.po.get(i.po);
  if (po) {
    const kind = i.type === 'IPI' || i.type === 'DUPRO' || i.type === 'PSI' ? i.type : 'PSI';
    return poOwner(s, po, kind);
  }
  // Factory audits: whoever sources from that supplier.
  const supplierPo = i.supplier === undefined ? undefined : s.posBySupplier.get(i.supplier)?.find(isOpen);
  return ownerOf(s, supplierPo ? s.project.get(supplierPo.project)?.agent : undefined);
}

export const inspectionFailed: CheckRule = {
  rule: RULE,
  title: 'Failed inspection without a re-inspection',
  check(s) {
    const out: Finding[] = [];
    for (const i of s.inspections) {
      if (i.result !== 'Fail') continue;
      if ((s.reinspectionsOf.get(i.id) ?? []).length > 0) continue;
      const po = i.po === undefined ? undefined : s.po.get(i.po);
      if (po && !isOpen(po)) continue;
      const subject = po ? `${i.type} of ${po.poNumber}` : `${i.type} of ${supplierName(s, i.supplier)}`;
      const action =
        i.type === 'Factory audit'
          ? 'Please agree corrective actions and book a follow-up audit before any order is placed.'
          : 'Please agree the rework with the factory and book a re-inspection (link it through "Re-inspection of").';
      out.push(
        finding(RULE, [i.id], {
          severity: i.type === 'Factory audit' ? 'Warning' : 'Critical',
          message: `${subject} failed${i.inspectionDate ? ` on ${i.inspectionDate}` : ''}${defects(i)} and no re-inspection is booked. ${action}`,
          links: { ...(po ? poLinks(po) : { supplier: i.supplier }), inspection: i.id },
          owner: ownerFor(s, i),
        }),
      );
    }
    return out;
  },
};
