/**
 * Supplier no answer: a milestone the factory reaches is 48 hours past its planned date and the factory has said
 * nothing about it in the supplier portal (no done date, no proposal, no update since the date). The factory got
 * an "overdue" prompt; this tells the agent to call.
 */
import { addDays } from '../../calendar/iso-date.ts';
import { FACTORY_MILESTONES, OVERDUE_DAYS } from '../../supplier-portal/supplier-view.ts';
import { finding, sentence, type CheckRule, type Finding } from '../finding.ts';
import { agentOf, isOpen, ownerOf, poLinks, supplierName } from '../po-facts.ts';

export const RULE = 'supplier-no-answer';

export const supplierNoAnswer: CheckRule = {
  rule: RULE,
  title: 'Factory silent 48 h after a milestone date',
  perPo: true,
  check(s, clock) {
    const out: Finding[] = [];
    // "Planned + 48 h has passed" as one date to compare with: date arithmetic per milestone (120,000 at 10,000
    // POs) was most of this rule's time.
    const latestSilent = addDays(clock.today, -OVERDUE_DAYS);
    for (const po of s.purchaseOrders) {
      if (!isOpen(po)) continue;
      for (const m of s.milestonesByPo.get(po.id) ?? []) {
        if (!FACTORY_MILESTONES.includes(m.kind) || m.actualDate || !m.plannedDate || m.proposalStatus === 'Proposed') continue;
        if (m.plannedDate > latestSilent) continue;
        const planned = m.plannedDate;
        const answeredOn = s.updatesByPo.get(po.id)?.latestFromSupplierPortal;
        if (answeredOn !== undefined && answeredOn >= planned) continue;
        out.push(
          finding(RULE, [m.id], {
            severity: 'Warning',
            message: sentence(
              `${supplierName(s, po.supplier)} has not answered in the supplier portal about ${m.milestone} (planned ${planned}, no done date or new date 48 hours later). Please call the factory`,
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
