/**
 * Milestone at risk: its date is close (within `atRiskWithinDays`) and a milestone it depends on is not done and
 * cannot be done in time: the predecessor is overdue, has no date, or is planned after this milestone
 * (milestone-dependencies.ts). Overdue milestones themselves are late-milestone's.
 */
import type { Milestone } from '../../models/milestone.ts';
import { dayDiff, horizon } from '../day-math.ts';
import { days, finding, listing, type CheckRule, type Finding } from '../finding.ts';
import { blockingPredecessors } from '../milestone-dependencies.ts';
import { agentOf, dueDate, isDone, isOpen, ownerOf, poLinks } from '../po-facts.ts';

export const RULE = 'milestone-at-risk';

export const milestoneAtRisk: CheckRule = {
  rule: RULE,
  title: 'Milestone close while a predecessor is not done',
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!isOpen(po)) continue;
      for (const m of s.milestonesByPo.get(po.id) ?? []) {
        const due = dueDate(m);
        if (isDone(m) || due === undefined || due < clock.today || due > horizon(clock.today, settings.atRiskWithinDays)) continue;
        const blocking = blockingPredecessors(s, po, m, clock.today);
        if (blocking.length === 0) continue;
        const inDays = dayDiff(clock.today, due);
        const describe = (p: Milestone) => {
          const pDue = dueDate(p);
          if (pDue === undefined) return `${p.kind} (no date)`;
          if (pDue < clock.today) return `${p.kind} (${days(dayDiff(pDue, clock.today))} overdue)`;
          return `${p.kind} (planned later, ${pDue})`;
        };
        out.push(
          finding(RULE, [m.id], {
            severity: 'Warning',
            message:
              `${m.milestone} is due ${inDays === 0 ? 'today' : `in ${days(inDays)}`} (${due}) but ${listing(blocking.map(describe))} ` +
              `${blocking.length === 1 ? 'is' : 'are'} not done. Please confirm with the factory that ${m.kind} can still happen on time, or move its planned date.`,
            links: { ...poLinks(po), milestone: m.id },
            owner: ownerOf(s, m.owner, agentOf(s, po)),
          }),
        );
      }
    }
    return out;
  },
};
