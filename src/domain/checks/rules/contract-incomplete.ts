/**
 * Phase-3 gate: a PO at "PO placed" or later (until shipped) must have a signed contract, specs and drawings,
 * packaging instructions, an inspection protocol, defect and penalty clauses, an Incoterm with its named place and
 * payment terms. The finding lists what is missing; Critical when the contract is not signed and production runs.
 */
import { finding, listing, type CheckRule, type Finding } from '../finding.ts';
import { poLinks, poOwner, statusBetween } from '../po-facts.ts';

export const RULE = 'contract-incomplete';

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

export const contractIncomplete: CheckRule = {
  rule: RULE,
  title: 'Contract deliverables missing on a placed PO',
  perPo: true,
  check(s) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'PO placed', 'Shipped')) continue;
      const missing: string[] = [];
      if (!po.contractSigned) missing.push('the signed contract');
      if (po.specsAndDrawings.length === 0) missing.push('specs & drawings');
      if (blank(po.packagingInstructions)) missing.push('packaging instructions');
      if (blank(po.inspectionProtocol)) missing.push('the inspection protocol');
      if (blank(po.defectAndPenaltyClauses)) missing.push('defect & penalty clauses');
      if (po.incoterm === undefined) missing.push('the Incoterm');
      if (blank(po.namedPlace)) missing.push('the Incoterm named place');
      if (blank(po.paymentTerms)) missing.push('payment terms');
      if (missing.length === 0) continue;
      out.push(
        finding(RULE, [po.id], {
          severity: !po.contractSigned && po.status !== 'PO placed' ? 'Critical' : 'Warning',
          message: `${po.poNumber} is ${po.status} but lacks ${listing(missing)}. Please complete the contract file on the PO.`,
          links: poLinks(po),
          owner: poOwner(s, po),
        }),
      );
    }
    return out;
  },
};
