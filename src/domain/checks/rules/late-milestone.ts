/**
 * Late milestone: the planned date has passed and there is no actual date. How bad it is depends on the days
 * late against the PO's schedule buffer: a day or two with buffer left is Info, more is a Warning, and a delay
 * that eats the whole buffer threatens the ship-by date (Critical).
 */
import type { Severity } from '../../models/alert.ts';
import { dayDiff } from '../day-math.ts';
import { days, finding, sentence, type CheckRule, type Finding } from '../finding.ts';
import { bufferDays, dueDate, isDone, isOpen, ownerOf, agentOf, poLinks, supplierName } from '../po-facts.ts';

export const RULE = 'late-milestone';

export const lateMilestone: CheckRule = {
  rule: RULE,
  title: 'Milestone date passed without an actual date',
  perPo: true,
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!isOpen(po)) continue;
      // Looked up at the first late milestone: most POs have none.
      let buffer: number | undefined | null = null;
      for (const m of s.milestonesByPo.get(po.id) ?? []) {
        if (isDone(m)) continue;
        const due = dueDate(m);
        if (due === undefined || due >= clock.today) continue;
        if (buffer === null) buffer = bufferDays(s, po);
        const late = dayDiff(due, clock.today);
        const left = buffer === undefined ? undefined : buffer - late;
        const severity: Severity =
          left !== undefined && left <= settings.lateMilestone.criticalBufferLeftDays
            ? 'Critical'
            : late > settings.lateMilestone.graceDays
              ? 'Warning'
              : 'Info';
        const bufferText =
          buffer === undefined
            ? 'no buffer is known (set the lead time)'
            : left! > 0
              ? `${left} of ${buffer} buffer days left`
              : `the ${days(buffer)} buffer is used up, so the ship-by date is at risk`;
        const factory = supplierName(s, po.supplier);
        const action =
          severity === 'Critical'
            ? `Please agree a recovery plan (split production, a partial or priority shipment) with ${factory}`
            : `Please enter the actual date if it happened, or agree a new planned date with ${factory}`;
        out.push(
          finding(RULE, [m.id], {
            severity,
            message: sentence(`${m.milestone} is ${days(late)} late (planned ${due}, no actual date); ${bufferText}. ${action}`),
            links: { ...poLinks(po), milestone: m.id },
            owner: ownerOf(s, m.owner, agentOf(s, po)),
          }),
        );
      }
    }
    return out;
  },
};
