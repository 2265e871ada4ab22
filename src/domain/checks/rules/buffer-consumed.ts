/**
 * Buffer consumed: the PO's factory-side delay eats its schedule buffer (Buffer % × lead time). The delay is the
 * largest slip of a not-done milestone up to ETD against its baseline, counting an overdue milestone as slipping
 * to today. Warning from bufferWarnShare (75 %), Critical when the buffer is gone or the planned ETD is past the
 * ship-by date.
 */
import type { MilestoneKind } from '../../models/milestone.ts';
import { dayDiff } from '../day-math.ts';
import { days, finding, type CheckRule, type Finding } from '../finding.ts';
import { bufferDays, dueDate, isDone, milestoneOf, poLinks, poOwner, statusBetween, supplierName } from '../po-facts.ts';

export const RULE = 'buffer-consumed';

/** Payments and the transit after ETD do not use the factory's buffer. */
const SCHEDULE_KINDS = new Set<MilestoneKind>([
  'Tooling kickoff', 'Sample approval', 'Materials ready', 'IPI', 'Production start', 'DUPRO', 'Production complete', 'PSI',
  'Booking', 'Cargo ready', 'Container loading', 'ETD',
]);

export const bufferConsumed: CheckRule = {
  rule: RULE,
  title: 'Schedule buffer used up',
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'PO placed', 'Ready to ship')) continue;
      const buffer = bufferDays(s, po);
      if (buffer === undefined || buffer <= 0) continue;
      let worst: { name: string; slip: number } | undefined;
      for (const m of s.milestonesByPo.get(po.id) ?? []) {
        if (!SCHEDULE_KINDS.has(m.kind) || isDone(m) || m.baselineDate === undefined) continue;
        const due = dueDate(m)!;
        const projected = due < clock.today ? clock.today : due;
        const slip = dayDiff(m.baselineDate, projected);
        if (!worst || slip > worst.slip) worst = { name: m.kind, slip };
      }
      const etd = milestoneOf(s, po.id, 'ETD');
      const etdDue = etd && !isDone(etd) ? dueDate(etd) : undefined;
      const pastShipBy = po.shipBy !== undefined && etdDue !== undefined && etdDue > po.shipBy;
      const used = worst ? worst.slip / buffer : 0;
      if (used < settings.bufferWarnShare && !pastShipBy) continue;
      const critical = used >= 1 || pastShipBy;
      const parts: string[] = [];
      if (worst && worst.slip > 0) {
        parts.push(`${worst.name} is ${days(worst.slip)} behind its baseline, ${Math.round(used * 100)} % of the ${days(buffer)} buffer`);
      }
      if (pastShipBy) parts.push(`the planned ETD ${etdDue} is after the ship-by date ${po.shipBy}`);
      const standby = po.standbySupplier ? ` (standby: ${supplierName(s, po.standbySupplier)})` : '';
      out.push(
        finding(RULE, [po.id], {
          severity: critical ? 'Critical' : 'Warning',
          message:
            `${po.poNumber} at ${supplierName(s, po.supplier)}: ${parts.join('; ')}. ` +
            (critical
              ? `Please decide on a recovery option now: split production${standby}, air for a first batch, or a priority lane, and tell the client.`
              : 'Please press the factory to recover the slip before the buffer is gone.'),
          links: { ...poLinks(po), ...(etd ? { milestone: etd.id } : {}) },
          owner: poOwner(s, po),
        }),
      );
    }
    return out;
  },
};
