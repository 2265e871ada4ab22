/**
 * Missing IPI: production starts soon (or has started) and no initial production inspection is booked on or
 * before the start. The IPI checks materials and first units against the golden sample (domain.md §6.5), so one
 * booked after the start is as good as none.
 */
import { dayDiff } from '../day-math.ts';
import { days, finding, type CheckRule, type Finding } from '../finding.ts';
import { expectedDate, inspectionsOfType, isDone, milestoneOf, poLinks, poOwner, statusBetween, supplierName } from '../po-facts.ts';

export const RULE = 'missing-ipi';

export const missingIpi: CheckRule = {
  rule: RULE,
  title: 'No IPI before production start',
  perPo: true,
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'PO placed', 'In production')) continue;
      const startMilestone = milestoneOf(s, po.id, 'Production start');
      const start = expectedDate(startMilestone);
      if (!startMilestone || !start) continue;
      const complete = milestoneOf(s, po.id, 'Production complete');
      if (complete && isDone(complete)) continue;
      const until = dayDiff(clock.today, start);
      if (until > settings.ipiLookaheadDays) continue;
      const ipis = inspectionsOfType(s, po.id, 'IPI');
      const dated = ipis.map((i) => ({ i, date: i.inspectionDate ?? i.scheduledDate }));
      if (dated.some((d) => d.date !== undefined && d.date <= start)) continue;
      const late = dated.find((d) => d.date !== undefined);
      const when = until > 0 ? `starts in ${days(until)} (${start})` : until === 0 ? 'starts today' : `started on ${start}`;
      const what = late
        ? `the IPI (${late.i.inspection}) is booked for ${late.date}, after the start`
        : ipis.length > 0
          ? 'the IPI has no date'
          : 'no IPI is booked';
      out.push(
        finding(RULE, [po.id], {
          severity: 'Warning',
          message:
            `Production of ${po.poNumber} at ${supplierName(s, po.supplier)} ${when} and ${what}. ` +
            `Please book the initial production inspection before mass production${until < 0 ? ', or check the first units now' : ''}.`,
          links: { ...poLinks(po), milestone: startMilestone.id, ...(late ? { inspection: late.i.id } : {}) },
          owner: poOwner(s, po, 'IPI', 'Production start'),
        }),
      );
    }
    return out;
  },
};
