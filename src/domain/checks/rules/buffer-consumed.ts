/**
 * Buffer consumed / target missed, from the schedule network's forecast (the same the planner stores in "Plan
 * verdict"): the forecast ETD (ship-by) or delivery (target delivery date) uses `bufferWarnShare` of the buffer or
 * more → Warning; it is after the date → Critical, with the recovery options and their dates (use the buffer,
 * split with the standby supplier, air a first batch, a priority lane).
 */
import { displayDay } from '../../planning/display-day.ts';
import { optionLine, planVerdict } from '../../planning/plan-verdict.ts';
import { finding, type CheckRule, type Finding } from '../finding.ts';
import { scheduleOf } from '../po-schedules.ts';
import { milestoneOf, poLinks, poOwner, statusBetween, supplierName } from '../po-facts.ts';

export const RULE = 'buffer-consumed';

export const bufferConsumed: CheckRule = {
  rule: RULE,
  title: 'Schedule buffer used up or date missed',
  perPo: true,
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'PO placed', 'Ready to ship')) continue;
      const schedule = scheduleOf(s, po, clock.today);
      const t = schedule?.passes.target;
      if (!schedule || !t) continue;
      const missed = t.daysLate > 0;
      if (!missed && (t.bufferDays === 0 || t.bufferUsed / t.bufferDays < settings.bufferWarnShare)) continue;
      const verdict = planVerdict(schedule, po.poNumber, po.standbySupplier !== undefined);
      const what = t.node === 'Delivered' ? 'delivery' : 'ETD';
      const at = `${po.poNumber} at ${supplierName(s, po.supplier)}`;
      const message = missed
        ? `${at}: ${verdict.headline}. Options from the schedule: ${verdict.options.map((o) => optionLine(o, what)).join('; ')}. ` +
          'Please choose a recovery option with the factory and tell the client.'
        : `${at}: the forecast ${what} ${displayDay(t.forecast)} uses ${t.bufferUsed} of the ${t.bufferDays} buffer days ` +
          `(${t.node === 'Delivered' ? 'target delivery' : 'ship-by'} ${displayDay(t.date)}). Please press the factory to recover the slip before the buffer is gone.`;
      const etd = milestoneOf(s, po.id, 'ETD');
      out.push(
        finding(RULE, [po.id], {
          severity: missed ? 'Critical' : 'Warning',
          message,
          links: { ...poLinks(po), ...(etd ? { milestone: etd.id } : {}) },
          owner: poOwner(s, po),
        }),
      );
    }
    return out;
  },
};
