/**
 * Supplier date proposal: a factory proposed a new date for a milestone in the supplier portal. The agent sees
 * the old and new dates, the reason and what it does to the ship-by date, and answers by setting the milestone's
 * "Proposal status" to Approved or Declined (the next run applies an approved date). Warning when the ship-by
 * date would be missed, Info otherwise.
 */
import { shipByEffect } from '../../supplier-portal/ship-by-effect.ts';
import { finding, sentence, type CheckRule, type Finding } from '../finding.ts';
import { agentOf, isOpen, ownerOf, poLinks, supplierName } from '../po-facts.ts';

export const RULE = 'supplier-date-proposal';

export const supplierDateProposal: CheckRule = {
  rule: RULE,
  title: 'Factory proposed a new milestone date',
  perPo: true,
  check(s) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!isOpen(po)) continue;
      const milestones = s.milestonesByPo.get(po.id) ?? [];
      for (const m of milestones) {
        if (m.proposalStatus !== 'Proposed' || !m.proposedDate) continue;
        const effect = shipByEffect(milestones, { kind: m.kind, date: m.proposedDate }, po.shipBy);
        const shipText = !effect.shipAfter
          ? 'no ship date is planned yet, so the effect on ship-by is unknown'
          : effect.keepsShipBy
            ? `the projected ship date ${effect.shipAfter === effect.shipBefore ? 'stays' : `moves from ${effect.shipBefore ?? '?'} to`} ${effect.shipAfter}, ${po.shipBy ? `within the ship-by date ${po.shipBy}` : 'and the PO has no ship-by date'}`
            : `the projected ship date moves from ${effect.shipBefore ?? '?'} to ${effect.shipAfter}, after the ship-by date ${po.shipBy}`;
        out.push(
          finding(RULE, [m.id], {
            severity: effect.keepsShipBy ? 'Info' : 'Warning',
            message: sentence(
              `${supplierName(s, po.supplier)} proposes ${m.proposedDate} instead of ${m.plannedDate ?? 'no date'} for ${m.milestone}` +
                ` (reason: "${m.proposalReason ?? ''}"); ${shipText}. Set "Proposal status" to Approved or Declined on the milestone`,
            ),
            links: { ...poLinks(po), milestone: m.id },
            owner: ownerOf(s, agentOf(s, po), m.owner),
          }),
        );
      }
    }
    return out;
  },
};
