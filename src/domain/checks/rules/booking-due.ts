/**
 * Booking due: the freight booking falls due within `bookingReminderDays` and has no actual date (not
 * confirmed). The planner places the booking the lane's lead before cargo ready (longer around CNY and Golden
 * Week, planning/booking-lead.ts); space sells out, so the owner hears about it before it is late. A booking
 * already overdue is late-milestone's.
 */
import { dayDiff, horizon } from '../day-math.ts';
import { days, finding, type CheckRule, type Finding } from '../finding.ts';
import { agentOf, dueDate, isDone, milestoneOf, ownerOf, poLinks, statusBetween } from '../po-facts.ts';

export const RULE = 'booking-due';

export const bookingDue: CheckRule = {
  rule: RULE,
  title: 'Freight booking due and not confirmed',
  perPo: true,
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'PO placed', 'Ready to ship')) continue;
      const m = milestoneOf(s, po.id, 'Booking');
      if (!m || isDone(m)) continue;
      const due = dueDate(m);
      if (due === undefined || due < clock.today || due > horizon(clock.today, settings.bookingReminderDays)) continue;
      const inDays = dayDiff(clock.today, due);
      const cargo = milestoneOf(s, po.id, 'Cargo ready');
      const cargoDate = cargo ? (cargo.actualDate ?? dueDate(cargo)) : undefined;
      out.push(
        finding(RULE, [m.id], {
          severity: 'Info',
          message:
            `${po.poNumber}: the freight booking is due ${inDays === 0 ? 'today' : `in ${days(inDays)}`} (${due})` +
            `${cargoDate ? ` for cargo ready on ${cargoDate}` : ''} and is not confirmed. Please book the space with the forwarder ` +
            `(${po.shippingMode ?? 'the shipping mode'} from ${po.portOfLoading ?? 'the port of loading'}) and enter the booking's actual date.`,
          links: { ...poLinks(po), milestone: m.id },
          owner: ownerOf(s, m.owner, agentOf(s, po)),
        }),
      );
    }
    return out;
  },
};
