/**
 * Milestone at risk: its date is close (within `atRiskWithinDays`) and the schedule network forecasts it later:
 * a predecessor is late or pushed and cannot finish in time. A milestone whose date a person entered against
 * precedence is schedule-conflict's; overdue milestones are late-milestone's.
 */
import type { Milestone } from '../../models/milestone.ts';
import { displayDay } from '../../planning/display-day.ts';
import { dayDiff, horizon } from '../day-math.ts';
import { days, finding, listing, type CheckRule, type Finding } from '../finding.ts';
import { blockingPredecessors } from '../milestone-dependencies.ts';
import { scheduleOf } from '../po-schedules.ts';
import { agentOf, dueDate, isDone, isOpen, ownerOf, poLinks } from '../po-facts.ts';

export const RULE = 'milestone-at-risk';

export const milestoneAtRisk: CheckRule = {
  rule: RULE,
  title: 'Milestone close while a predecessor cannot finish in time',
  perPo: true,
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!isOpen(po)) continue;
      for (const m of s.milestonesByPo.get(po.id) ?? []) {
        const due = dueDate(m);
        if (isDone(m) || due === undefined || due < clock.today || due > horizon(clock.today, settings.atRiskWithinDays)) continue;
        const schedule = scheduleOf(s, po, clock.today);
        const node = schedule?.passes.byId.get(m.kind);
        if (!schedule || !node?.forecast || node.forecast <= due) continue;
        if (schedule.passes.conflicts.some((c) => c.milestone === m.kind)) continue;
        const blocking = blockingPredecessors(s, po, m, clock.today);
        const inDays = dayDiff(clock.today, due);
        const describe = (p: Milestone) => {
          const pDue = dueDate(p);
          const r = schedule.passes.byId.get(p.kind);
          if (pDue !== undefined && pDue < clock.today) return `${p.kind} (${days(dayDiff(pDue, clock.today))} overdue)`;
          return `${p.kind} (expected ${r?.forecast ? displayDay(r.forecast) : 'later'})`;
        };
        const because = blocking.length > 0 ? `${listing(blocking.map(describe))} ${blocking.length === 1 ? 'is' : 'are'} not done` : 'its predecessors are not done';
        out.push(
          finding(RULE, [m.id], {
            severity: 'Warning',
            message:
              `${m.milestone} is due ${inDays === 0 ? 'today' : `in ${days(inDays)}`} (${due}) but ${because}; the schedule expects it on ` +
              `${displayDay(node.forecast)}. Please confirm with the factory that ${m.kind} can still happen on time, or move its planned date.`,
            links: { ...poLinks(po), milestone: m.id },
            owner: ownerOf(s, m.owner, agentOf(s, po)),
          }),
        );
      }
    }
    return out;
  },
};
