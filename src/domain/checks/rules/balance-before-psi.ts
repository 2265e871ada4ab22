/**
 * Balance payment due while the PSI has not passed: the balance falls due within `balanceDueWithinDays` (the
 * Balance paid milestone, else the date the payment term implies: cargo ready for "Before shipment", ETD plus a
 * few days for "Against B/L copy") and the PO has no passed PSI. Critical when the balance was already paid, or
 * when the term says "After PSI pass" and the date has come.
 */
import type { IsoDate } from '../../calendar/iso-date.ts';
import type { PurchaseOrder } from '../../models/purchase-order.ts';
import { dayDiff, plusDays } from '../day-math.ts';
import { days, finding, type CheckRule, type Finding } from '../finding.ts';
import { cargoReadyDate, dueDate, etdDate, isDone, milestoneOf, passedPsi, poLinks, poOwner, statusBetween, supplierName } from '../po-facts.ts';
import type { CheckSettings } from '../settings.ts';
import type { WorkspaceSnapshot } from '../snapshot.ts';

export const RULE = 'balance-before-psi';

function balanceDate(s: WorkspaceSnapshot, po: PurchaseOrder, settings: CheckSettings): { date: IsoDate; source: string } | undefined {
  const milestone = milestoneOf(s, po.id, 'Balance paid');
  const planned = milestone ? dueDate(milestone) : undefined;
  if (planned) return { date: planned, source: 'planned' };
  if (po.balanceDue === 'Before shipment') {
    const cargo = cargoReadyDate(s, po, settings);
    return cargo ? { date: cargo.date, source: 'before shipment' } : undefined;
  }
  if (po.balanceDue === 'Against B/L copy') {
    const etd = etdDate(s, po);
    return etd ? { date: plusDays(etd, settings.balanceAfterEtdDays), source: 'against the B/L copy' } : undefined;
  }
  return undefined;
}

export const balanceBeforePsi: CheckRule = {
  rule: RULE,
  title: 'Balance payment due while the PSI has not passed',
  perPo: true,
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'PO placed', 'Shipped')) continue;
      if (passedPsi(s, po.id, settings)) continue;
      const milestone = milestoneOf(s, po.id, 'Balance paid');
      // Worked out only for a finding: most POs in range have no balance due yet.
      const owner = () => poOwner(s, po, 'Balance paid');
      const links = () => ({ ...poLinks(po), ...(milestone ? { milestone: milestone.id } : {}) });
      if (milestone && isDone(milestone)) {
        out.push(
          finding(RULE, [po.id], {
            severity: 'Critical',
            message:
              `The balance of ${po.poNumber} was paid on ${milestone.actualDate} but no PSI has passed. ` +
              `Please get the goods inspected at once; ${supplierName(s, po.supplier)} has no payment left to lose.`,
            links: links(),
            owner: owner(),
          }),
        );
        continue;
      }
      const due = balanceDate(s, po, settings);
      if (!due) continue;
      const until = dayDiff(clock.today, due.date);
      if (until > settings.balanceDueWithinDays) continue;
      const afterPsi = po.balanceDue === 'After PSI pass';
      const when = until > 0 ? `falls due in ${days(until)} (${due.date}, ${due.source})` : until === 0 ? 'falls due today' : `fell due on ${due.date}`;
      out.push(
        finding(RULE, [po.id], {
          severity: afterPsi && until <= 0 ? 'Critical' : 'Warning',
          message:
            `The balance of ${po.poNumber} to ${supplierName(s, po.supplier)} ${when} and no PSI has passed. ` +
            `Please hold the payment until the PSI report is in${afterPsi ? ', as the contract ties it to a passed PSI' : ''}.`,
          links: links(),
          owner: owner(),
        }),
      );
    }
    return out;
  },
};
