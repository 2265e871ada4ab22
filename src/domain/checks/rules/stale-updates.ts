/**
 * Stale updates: a PO in production without any update (agent's weekly update or factory news from the portal)
 * for `staleUpdateDays` (7). Counted from the latest update, or from production start / the order date when the
 * PO never had one.
 */
import { dayDiff } from '../day-math.ts';
import { days, finding, type CheckRule, type Finding } from '../finding.ts';
import { expectedDate, milestoneOf, poLinks, poOwner, statusBetween, supplierName } from '../po-facts.ts';

export const RULE = 'stale-updates';

export const staleUpdates: CheckRule = {
  rule: RULE,
  title: 'No update for a week in production',
  perPo: true,
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'In production', 'In production')) continue;
      const latest = s.updatesByPo.get(po.id)?.latest;
      const since = latest?.date ?? expectedDate(milestoneOf(s, po.id, 'Production start')) ?? po.orderDate;
      if (since === undefined || since > clock.today) continue;
      const quiet = dayDiff(since, clock.today);
      if (quiet < settings.staleUpdateDays) continue;
      out.push(
        finding(RULE, [po.id], {
          severity: 'Warning',
          message:
            `${po.poNumber} at ${supplierName(s, po.supplier)} is in production and ` +
            (latest ? `the last update was ${days(quiet)} ago (${latest.date}, "${latest.update}")` : `has had no update in ${days(quiet)} (since ${since})`) +
            '. Please ask the factory for progress and photos, and post the weekly update.',
          links: poLinks(po),
          owner: poOwner(s, po),
        }),
      );
    }
    return out;
  },
};
