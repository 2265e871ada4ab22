/**
 * Phase-1 gate: a PO in production (through ready to ship) must have a milestone plan, i.e. a dated milestone for
 * each of `planRequiredKinds` (production start and complete, PSI, ETD). The finding lists what is missing.
 */
import { finding, listing, type CheckRule, type Finding } from '../finding.ts';
import { expectedDate, milestoneOf, poLinks, poOwner, statusBetween } from '../po-facts.ts';

export const RULE = 'missing-milestone-plan';

export const missingMilestonePlan: CheckRule = {
  rule: RULE,
  title: 'PO in production without a milestone plan',
  perPo: true,
  check(s, _clock, settings) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'In production', 'Ready to ship')) continue;
      const none = (s.milestonesByPo.get(po.id) ?? []).length === 0;
      const missing = settings.planRequiredKinds.filter((k) => expectedDate(milestoneOf(s, po.id, k)) === undefined);
      if (missing.length === 0) continue;
      out.push(
        finding(RULE, [po.id], {
          severity: 'Warning',
          message: none
            ? `${po.poNumber} is ${po.status} without any milestones. Please run the planner (sourcing plan) or enter the schedule.`
            : `${po.poNumber} is ${po.status} without a dated ${listing(missing)} milestone. Please run the planner (sourcing plan) or enter the dates.`,
          links: poLinks(po),
          owner: poOwner(s, po),
        }),
      );
    }
    return out;
  },
};
