/**
 * Phase-2 gate on the evaluation decision: a supplier whose evaluation for a project says "Rejected" must not
 * make that project's goods. Any PO of that project with that supplier (from RFQ until delivered; cancelled and
 * closed ones are history) is Critical, whatever the supplier's general status says, because the decision was made
 * for this product: a factory approved for ornaments can be rejected for kettles.
 */
import { finding, type CheckRule, type Finding } from '../finding.ts';
import { poLinks, poOwner, statusBetween } from '../po-facts.ts';

export const RULE = 'evaluation-rejected';

export const evaluationRejected: CheckRule = {
  rule: RULE,
  title: 'PO with a supplier whose evaluation for the project is Rejected',
  perPo: true,
  check(s) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'RFQ', 'Delivered')) continue;
      const rejected = (s.evaluationsBySupplier.get(po.supplier) ?? []).filter((e) => e.project === po.project && e.decision === 'Rejected');
      const evaluation = rejected[0];
      if (!evaluation) continue;
      const supplier = s.supplier.get(po.supplier);
      const why = evaluation.notes?.trim() ? ` (${evaluation.notes.trim()})` : '';
      out.push(
        finding(RULE, [po.id, evaluation.id], {
          severity: 'Critical',
          message:
            `${po.poNumber} is ${po.status} with ${supplier?.name ?? 'a supplier'}, whose evaluation "${evaluation.evaluation}" for this project is Rejected${why}. ` +
            'Move the order to a selected or standby supplier, or record a new evaluation if the decision changed.',
          links: poLinks(po),
          owner: poOwner(s, po),
        }),
      );
    }
    return out;
  },
};
