/**
 * Missing DUPRO: production has passed the point where a during-production inspection should have been done
 * (latestShare, default 60 %) without one, or is past earliestShare (20 %) with none booked. Progress is the
 * Production complete milestone's "Progress %" when entered, otherwise the share of the production window elapsed.
 */
import { dayDiff } from '../day-math.ts';
import { finding, type CheckRule, type Finding } from '../finding.ts';
import { inspectionsOfType, isPerformed, poLinks, poOwner, productionWindow, statusBetween, supplierName } from '../po-facts.ts';

export const RULE = 'missing-dupro';

const percent = (share: number) => `${Math.round(share * 100)} %`;

export const missingDupro: CheckRule = {
  rule: RULE,
  title: 'No DUPRO by 20–60 % of production',
  perPo: true,
  check(s, clock, settings) {
    const out: Finding[] = [];
    const { earliestShare, latestShare } = settings.dupro;
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'In production', 'In production')) continue;
      const window = productionWindow(s, po.id);
      if (!window || window.start > clock.today) continue;
      const length = Math.max(1, dayDiff(window.start, window.end));
      const elapsed = Math.min(1, dayDiff(window.start, clock.today) / length);
      const progress = window.complete?.progress ?? elapsed;
      if (progress < earliestShare) continue;
      const duPros = inspectionsOfType(s, po.id, 'DUPRO');
      if (duPros.some((i) => isPerformed(i, clock.today))) continue;
      const booked = duPros.find((i) => i.scheduledDate !== undefined);
      const overdue = progress >= latestShare;
      if (booked && !overdue) continue;
      const source = window.complete?.progress !== undefined ? 'reported progress' : 'time elapsed';
      out.push(
        finding(RULE, [po.id], {
          severity: overdue ? 'Warning' : 'Info',
          message: overdue
            ? `Production of ${po.poNumber} at ${supplierName(s, po.supplier)} is at ${percent(progress)} (${source}) and no DUPRO has been done` +
              `${booked ? ` (${booked.inspection} is booked for ${booked.scheduledDate})` : ''}. Please inspect now, before more units are made the same way.`
            : `Production of ${po.poNumber} at ${supplierName(s, po.supplier)} is at ${percent(progress)} (${source}) and no DUPRO is booked. ` +
              `Please book it before ${percent(latestShare)} of production.`,
          links: { ...poLinks(po), ...(booked ? { inspection: booked.id } : {}) },
          owner: poOwner(s, po, 'DUPRO'),
        }),
      );
    }
    return out;
  },
};
