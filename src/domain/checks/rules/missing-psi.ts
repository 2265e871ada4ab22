/**
 * Missing PSI: cargo ready is at most N days away (or past) and no PSI has passed. Critical once cargo is ready
 * without one. POs already on a booked shipment are left to shipment-without-psi, so one problem raises one alert.
 */
import { dayDiff } from '../day-math.ts';
import { days, finding, type CheckRule, type Finding } from '../finding.ts';
import { cargoReadyDate, inspectionsOfType, isPassed, passedPsi, poLinks, poOwner, statusBetween, supplierName } from '../po-facts.ts';

export const RULE = 'missing-psi';

export const missingPsi: CheckRule = {
  rule: RULE,
  title: 'No passed PSI close to cargo ready',
  perPo: true,
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'In production', 'Ready to ship')) continue;
      if ((s.shipmentsByPo.get(po.id) ?? []).length > 0) continue;
      const cargo = cargoReadyDate(s, po, settings);
      if (!cargo) continue;
      const until = dayDiff(clock.today, cargo.date);
      if (until > settings.psiBeforeCargoReadyDays) continue;
      if (passedPsi(s, po.id, settings)) continue;
      const psis = inspectionsOfType(s, po.id, 'PSI');
      const pending = psis.find((i) => !isPassed(i, settings) && i.result !== 'Fail');
      const failed = psis.find((i) => i.result === 'Fail');
      const related = pending ?? failed;
      const state = pending
        ? `the PSI (${pending.inspection}) ${pending.scheduledDate ? `is scheduled for ${pending.scheduledDate} and ` : ''}has not passed yet`
        : failed
          ? `the PSI failed (${failed.inspection}) and no re-inspection has passed`
          : 'no PSI is booked';
      const when = until > 0 ? `in ${days(until)} (${cargo.date}, ${cargo.source})` : until === 0 ? 'today' : `since ${cargo.date}`;
      out.push(
        finding(RULE, [po.id], {
          severity: until <= 0 ? 'Critical' : 'Warning',
          message:
            `${po.poNumber} at ${supplierName(s, po.supplier)} is cargo ready ${when} and ${state}. ` +
            'Please get the pre-shipment inspection passed before booking or loading.',
          links: { ...poLinks(po), ...(related ? { inspection: related.id } : {}) },
          owner: poOwner(s, po, 'PSI'),
        }),
      );
    }
    return out;
  },
};
