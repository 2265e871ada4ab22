/**
 * Prompt mails that bring factories to the portal: a new PO to acknowledge, a milestone due within N days, a
 * milestone 48 h overdue with no answer, and a weekly summary of what is open. Each has a key, so the outbox sends
 * it exactly once; each goes out only inside the factory's working hours (CN calendar, Mon–Sat 09:00–18:00 in the
 * factory's zone): a run outside them plans nothing, and the next run inside them sends it.
 */
import { DateTime } from 'luxon';
import { isWithinWorkingHours, localDateOf, type WorkingHoursProfile } from '../calendar/working-hours.ts';
import type { PoView } from './supplier-view.ts';

export type PromptKind = 'acknowledge' | 'due' | 'overdue' | 'weekly';

export interface PromptSupplier {
  id: string;
  name: string;
  nameZh?: string | undefined;
  contact?: string | undefined;
  email?: string | undefined;
  timeZone: string;
}

export interface PromptIntent {
  key: string;
  kind: PromptKind;
  supplierId: string;
  to: string;
  poNumbers: string[];
  /** What the mail is about, in the order it lists it. */
  items: PromptItem[];
}

export type PromptItem =
  | { what: 'acknowledge'; poNumber: string }
  | { what: 'due' | 'overdue'; poNumber: string; milestone: string; date: string }
  | { what: 'open'; poNumber: string; asks: number };

/** Factories in China work Saturdays more often than not; the CN calendar keeps holidays and make-up days. */
export function factoryHours(timeZone: string): WorkingHoursProfile {
  return { timeZone, start: '09:00', end: '18:00', workingDays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] };
}

export function planPrompts(now: Date, suppliers: readonly { supplier: PromptSupplier; pos: readonly PoView[] }[]): { due: PromptIntent[]; skipped: string[] } {
  const due: PromptIntent[] = [];
  const skipped: string[] = [];
  for (const { supplier, pos } of suppliers) {
    if (pos.length === 0) continue;
    if (!supplier.email) {
      skipped.push(`${supplier.name}: no Email on the supplier, no prompt sent`);
      continue;
    }
    const hours = factoryHours(supplier.timeZone);
    if (!isWithinWorkingHours(now, hours)) continue;
    const to = supplier.email;
    for (const po of pos) {
      for (const ask of po.asks) {
        if (ask.kind === 'acknowledge') {
          due.push({ key: `supplier-prompt:ack:${po.id}`, kind: 'acknowledge', supplierId: supplier.id, to, poNumbers: [po.poNumber], items: [{ what: 'acknowledge', poNumber: po.poNumber }] });
        } else if (ask.kind === 'milestone-due' || ask.kind === 'milestone-overdue') {
          const m = po.milestones.find((x) => x.kind === ask.milestone);
          if (!m) continue;
          const kind = ask.kind === 'milestone-due' ? 'due' : 'overdue';
          due.push({
            key: `supplier-prompt:${kind}:${m.id}:${ask.date}`,
            kind,
            supplierId: supplier.id,
            to,
            poNumbers: [po.poNumber],
            items: [{ what: kind, poNumber: po.poNumber, milestone: ask.milestone, date: ask.date }],
          });
        }
      }
    }
    const local = DateTime.fromJSDate(now, { zone: hours.timeZone });
    due.push({
      key: `supplier-prompt:weekly:${supplier.id}:${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`,
      kind: 'weekly',
      supplierId: supplier.id,
      to,
      poNumbers: pos.map((p) => p.poNumber),
      items: pos.map((p) => ({ what: 'open', poNumber: p.poNumber, asks: p.asks.length })),
    });
  }
  return { due, skipped };
}

/** The factory's local date of a run, for labels. */
export function factoryToday(now: Date, timeZone: string): string {
  return localDateOf(now, factoryHours(timeZone));
}
