/**
 * Calendar conflict: a PO's remaining schedule meets the risk calendar. Production inside the CNY factory
 * shutdown (or a factory closure / maintenance entered for that supplier), ETD inside the CNY shutdown, a Golden
 * Week or an entered shipping blackout, and delivery too late for a client peak (the client's market peaks from
 * src/domain/calendar, plus Client peak rows entered for that client). One finding per PO lists every conflict.
 *
 * Generated Calendar rows (with a Key) are the calendar module's own windows, computed here directly, so only
 * manual rows are read from the table.
 */
import { chinaHolidayYear } from '../../calendar/china-holidays.ts';
import { clientCountry, PEAK_RULES, type ClientMarket } from '../../calendar/client-peaks.ts';
import { cnyShutdownWindow } from '../../calendar/factory-shutdown.ts';
import type { IsoDate } from '../../calendar/iso-date.ts';
import type { CalendarEntry } from '../../models/calendar-entry.ts';
import type { PurchaseOrder } from '../../models/purchase-order.ts';
import type { Severity } from '../../models/alert.ts';
import { dayDiff, plusDays, sharedDays } from '../day-math.ts';
import { days, finding, maxSeverity, type CheckRule, type Finding } from '../finding.ts';
import { dueDate, expectedDate, isDone, milestoneOf, poLinks, poOwner, productionWindow, projectOf, statusBetween, supplierName } from '../po-facts.ts';
import type { CheckSettings } from '../settings.ts';
import type { WorkspaceSnapshot } from '../snapshot.ts';

export const RULE = 'calendar-conflict';

interface Window {
  name: string;
  start: IsoDate;
  end: IsoDate;
  estimated?: boolean;
}

interface Conflict {
  severity: Severity;
  text: string;
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));
const show = (w: Window) => `${w.name} (${w.start} – ${w.end}${w.estimated ? ', estimated' : ''})`;

/** China-side windows per year, computed once per run. */
function chinaWindows(settings: CheckSettings) {
  const cache = new Map<number, { cny: Window; goldenWeeks: Window[] }>();
  return (year: number) => {
    let entry = cache.get(year);
    if (!entry) {
      const cal = chinaHolidayYear(year);
      entry = {
        cny: { name: `CNY factory shutdown ${year}`, ...cnyShutdownWindow(year, { ...settings.cnyShutdown, preCnyFreightPeakDays: 0 }), estimated: cal.estimated },
        goldenWeeks: cal.holidays
          .filter((h) => settings.goldenWeeks.includes(h.id))
          .map((h) => ({ name: `${h.name} ${year}`, start: h.start, end: h.end, estimated: cal.estimated })),
      };
      cache.set(year, entry);
    }
    return entry;
  };
}

function yearsAround(start: IsoDate, end: IsoDate): number[] {
  const out: number[] = [];
  // A CNY window of next year can start in late December.
  for (let y = yearOf(start); y <= yearOf(end) + 1; y += 1) out.push(y);
  return out;
}

const manual = (row: CalendarEntry) => row.source === 'Manual' || row.key === undefined;
const rowWindow = (row: CalendarEntry): Window => ({ name: row.name, start: row.start, end: row.end ?? row.start });

function deliveryDate(s: WorkspaceSnapshot, po: PurchaseOrder, settings: CheckSettings): IsoDate | undefined {
  const delivered = milestoneOf(s, po.id, 'Delivered');
  if (delivered) return isDone(delivered) ? undefined : dueDate(delivered);
  const eta = milestoneOf(s, po.id, 'ETA');
  const etaDate = expectedDate(eta);
  if (!etaDate) return undefined;
  return plusDays(etaDate, po.shippingMode === 'Air' ? settings.finalMileDays.air : settings.finalMileDays.sea);
}

export const calendarConflict: CheckRule = {
  rule: RULE,
  title: 'Schedule meets the CNY shutdown, a Golden Week, a closure, a blackout or a client peak',
  check(s, clock, settings) {
    const out: Finding[] = [];
    const china = chinaWindows(settings);
    const peakCache = new Map<string, Window[]>();
    const peaksOf = (market: ClientMarket, year: number): Window[] => {
      const key = `${market}:${year}`;
      let list = peakCache.get(key);
      if (!list) {
        list = PEAK_RULES[market].filter((r) => r.kind === 'Client peak').map((r) => ({ name: `${r.name} ${year}`, ...r.window(year) }));
        peakCache.set(key, list);
      }
      return list;
    };
    const rows = s.calendar.filter(manual);
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'PO placed', 'Shipped')) continue;
      const conflicts: Conflict[] = [];
      const project = projectOf(s, po);
      const clientId = project?.client;

      const production = productionWindow(s, po.id);
      if (production && !(production.complete && isDone(production.complete)) && production.end >= clock.today) {
        const span = `Production ${production.start} → ${production.end}`;
        for (const year of yearsAround(production.start, production.end)) {
          const { cny, goldenWeeks } = china(year);
          const shared = sharedDays(production.start, production.end, cny.start, cny.end);
          if (shared > 0) conflicts.push({ severity: 'Warning', text: `${span} overlaps the ${show(cny)} by ${days(shared)}` });
          for (const gw of goldenWeeks) {
            const n = sharedDays(production.start, production.end, gw.start, gw.end);
            if (n > 0) conflicts.push({ severity: 'Info', text: `${span} spans ${show(gw)}` });
          }
        }
        for (const row of rows) {
          if (row.kind !== 'Maintenance' && row.kind !== 'Factory closure') continue;
          if (row.supplier !== undefined && row.supplier !== po.supplier) continue;
          const w = rowWindow(row);
          const n = sharedDays(production.start, production.end, w.start, w.end);
          if (n > 0) conflicts.push({ severity: 'Warning', text: `${span} overlaps ${show(w)} by ${days(n)}` });
        }
      }

      const etd = milestoneOf(s, po.id, 'ETD');
      const etdDate = etd && !isDone(etd) ? dueDate(etd) : undefined;
      if (etdDate && etdDate >= clock.today) {
        for (const year of [yearOf(etdDate), yearOf(etdDate) + 1]) {
          const { cny, goldenWeeks } = china(year);
          for (const w of [cny, ...goldenWeeks]) {
            if (w.start <= etdDate && etdDate <= w.end) conflicts.push({ severity: 'Warning', text: `ETD ${etdDate} falls in the ${show(w)}` });
          }
        }
        for (const row of rows) {
          if (row.kind !== 'Shipping blackout') continue;
          if (row.supplier !== undefined && row.supplier !== po.supplier) continue;
          if (row.client !== undefined && row.client !== clientId) continue;
          const w = rowWindow(row);
          if (w.start <= etdDate && etdDate <= w.end) conflicts.push({ severity: 'Warning', text: `ETD ${etdDate} falls in ${show(w)}` });
        }
      }

      const delivery = deliveryDate(s, po, settings);
      if (delivery && delivery >= clock.today) {
        const peaks: Window[] = [];
        const country = clientId === undefined ? undefined : s.client.get(clientId)?.country;
        const market = country === undefined ? undefined : clientCountry(country)?.market;
        if (market) for (const year of [yearOf(delivery) - 1, yearOf(delivery)]) peaks.push(...peaksOf(market, year));
        for (const row of rows) {
          if (row.kind === 'Client peak' && (row.client === undefined || row.client === clientId)) peaks.push(rowWindow(row));
        }
        const target = project?.targetDeliveryDate;
        for (const peak of peaks) {
          const needBy = plusDays(peak.start, -settings.clientPeakLeadDays);
          const tooLate = delivery > needBy && (delivery <= peak.end || (target !== undefined && target <= needBy));
          if (!tooLate) continue;
          const after = dayDiff(peak.start, delivery);
          const when = after >= 0 ? `${days(after)} after the start of` : `only ${days(-after)} before`;
          conflicts.push({ severity: 'Warning', text: `delivery around ${delivery} lands ${when} ${show(peak)}` });
        }
      }

      if (conflicts.length === 0) continue;
      out.push(
        finding(RULE, [po.id], {
          severity: maxSeverity(conflicts.map((c) => c.severity)),
          message:
            `${po.poNumber} at ${supplierName(s, po.supplier)}: ${conflicts.map((c) => c.text).join('; ')}. ` +
            'Please check the dates with the factory and forwarder, and move or split the schedule where it matters.',
          links: poLinks(po),
          owner: poOwner(s, po),
        }),
      );
    }
    return out;
  },
};
