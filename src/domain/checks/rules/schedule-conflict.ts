/**
 * Schedule conflict: a date a person entered breaks the precedence of the schedule network (DUPRO after PSI, an
 * ETD before the production it ships can be complete, a step done while its predecessor is planned later). The
 * planner keeps the person's date and plans around it; this raises ONE alert per such date, naming both
 * milestones by kind and PO number and what to fix.
 */
import { conflictMessage } from '../../planning/conflict-message.ts';
import { finding, type CheckRule, type Finding } from '../finding.ts';
import { scheduleOf } from '../po-schedules.ts';
import { agentOf, isOpen, milestoneOf, ownerOf, poLinks } from '../po-facts.ts';

export const RULE = 'schedule-conflict';

export const scheduleConflict: CheckRule = {
  rule: RULE,
  title: 'An entered date breaks the order of the schedule',
  perPo: true,
  check(s, clock) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!isOpen(po)) continue;
      const schedule = scheduleOf(s, po, clock.today);
      if (!schedule) continue;
      for (const c of schedule.passes.conflicts) {
        if (c.milestone.startsWith('Air ')) continue;
        const m = milestoneOf(s, po.id, c.milestone as Parameters<typeof milestoneOf>[2]);
        if (!m) continue;
        out.push(
          finding(RULE, [m.id], {
            severity: 'Warning',
            message: conflictMessage(po.poNumber, c),
            links: { ...poLinks(po), milestone: m.id },
            owner: ownerOf(s, m.owner, agentOf(s, po)),
          }),
        );
      }
    }
    return out;
  },
};
