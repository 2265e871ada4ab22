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

interface ChinaWindows {
  cny: Window;
  goldenWeeks: Window[];
  /** The CNY window, then the Golden Weeks. */
  all: Window[];
}

/**
 * China-side windows by year and settings, kept across runs: the lunar calendar behind them is slow to compute
 * and a workspace spans a handful of years. Read through a per-run map by year, so a lookup builds no key.
 */
const CHINA_WINDOWS = new Map<string, ChinaWindows>();
const MAX_CACHED_YEARS = 200;

function chinaWindows(settings: CheckSettings): (year: number) => ChinaWindows {
  const prefix = `${settings.cnyShutdown.daysBefore}|${settings.cnyShutdown.daysAfter}|${settings.goldenWeeks.join(',')}|`;
  const byYear = new Map<number, ChinaWindows>();
  return (year) => {
    let entry = byYear.get(year);
    if (entry) return entry;
    const key = `${prefix}${year}`;
    entry = CHINA_WINDOWS.get(key);
    if (!entry) {
      const cal = chinaHolidayYear(year);
      const cny: Window = { name: `CNY factory shutdown ${year}`, ...cnyShutdownWindow(year, { ...settings.cnyShutdown, preCnyFreightPeakDays: 0 }), estimated: cal.estimated };
      const goldenWeeks = cal.holidays
        .filter((h) => settings.goldenWeeks.includes(h.id))
        .map((h) => ({ name: `${h.name} ${year}`, start: h.start, end: h.end, estimated: cal.estimated }));
      entry = { cny, goldenWeeks, all: [cny, ...goldenWeeks] };
      if (CHINA_WINDOWS.size >= MAX_CACHED_YEARS) CHINA_WINDOWS.clear();
      CHINA_WINDOWS.set(key, entry);
    }
    byYear.set(year, entry);
    return entry;
  };
}

/** The rows of `rows` that `keep` accepts for one supplier or client, worked out once per ID. */
function rowsFor(rows: readonly CalendarEntry[], keep: (row: CalendarEntry, id: string | undefined) => boolean) {
  const cache = new Map<string | undefined, CalendarEntry[]>();
  return (id: string | undefined): CalendarEntry[] => {
    let list = cache.get(id);
    if (!list) {
      list = rows.filter((row) => keep(row, id));
      cache.set(id, list);
    }
    return list;
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
  perPo: true,
  check(s, clock, settings) {
    const out: Finding[] = [];
    const china = chinaWindows(settings);
    // Per market and year (two years per PO), and per client: lists and markets looked up, not rebuilt.
    const peakCache = new Map<ClientMarket, Map<number, Window[]>>();
    const peaksOf = (market: ClientMarket, year: number): Window[] => {
      const byYear = peakCache.get(market) ?? new Map<number, Window[]>();
      peakCache.set(market, byYear);
      let list = byYear.get(year);
      if (!list) {
        list = PEAK_RULES[market].filter((r) => r.kind === 'Client peak').map((r) => ({ name: `${r.name} ${year}`, ...r.window(year) }));
        byYear.set(year, list);
      }
      return list;
    };
    const marketCache = new Map<string | undefined, ClientMarket | undefined>();
    const marketOf = (clientId: string | undefined): ClientMarket | undefined => {
      if (marketCache.has(clientId)) return marketCache.get(clientId);
      const country = clientId === undefined ? undefined : s.client.get(clientId)?.country;
      const market = country === undefined ? undefined : clientCountry(country)?.market;
      marketCache.set(clientId, market);
      return market;
    };
    const rows = s.calendar.filter(manual);
    // Table order is kept within each list, so the conflicts read in the same order as the rows.
    const closuresOf = rowsFor(rows, (row, supplier) => (row.kind === 'Maintenance' || row.kind === 'Factory closure') && (row.supplier === undefined || row.supplier === supplier));
    const blackouts = rows.filter((row) => row.kind === 'Shipping blackout');
    const peakRowsOf = rowsFor(rows, (row, client) => row.kind === 'Client peak' && (row.client === undefined || row.client === client));
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'PO placed', 'Shipped')) continue;
      const conflicts: Conflict[] = [];
      const project = projectOf(s, po);
      const clientId = project?.client;

      const production = productionWindow(s, po.id);
      if (production && !(production.complete && isDone(production.complete)) && production.end >= clock.today) {
        // Worded only when something conflicts: most productions meet nothing.
        const span = () => `Production ${production.start} → ${production.end}`;
        for (const year of yearsAround(production.start, production.end)) {
          const { cny, goldenWeeks } = china(year);
          const shared = sharedDays(production.start, production.end, cny.start, cny.end);
          if (shared > 0) conflicts.push({ severity: 'Warning', text: `${span()} overlaps the ${show(cny)} by ${days(shared)}` });
          for (const gw of goldenWeeks) {
            const n = sharedDays(production.start, production.end, gw.start, gw.end);
            if (n > 0) conflicts.push({ severity: 'Info', text: `${span()} spans ${show(gw)}` });
          }
        }
        for (const row of closuresOf(po.supplier)) {
          const n = sharedDays(production.start, production.end, row.start, row.end ?? row.start);
          if (n > 0) conflicts.push({ severity: 'Warning', text: `${span()} overlaps ${show(rowWindow(row))} by ${days(n)}` });
        }
      }

      const etd = milestoneOf(s, po.id, 'ETD');
      const etdDate = etd && !isDone(etd) ? dueDate(etd) : undefined;
      if (etdDate && etdDate >= clock.today) {
        for (const year of [yearOf(etdDate), yearOf(etdDate) + 1]) {
          for (const w of china(year).all) {
            if (w.start <= etdDate && etdDate <= w.end) conflicts.push({ severity: 'Warning', text: `ETD ${etdDate} falls in the ${show(w)}` });
          }
        }
        for (const row of blackouts) {
          if (row.supplier !== undefined && row.supplier !== po.supplier) continue;
          if (row.client !== undefined && row.client !== clientId) continue;
          if (row.start <= etdDate && etdDate <= (row.end ?? row.start)) conflicts.push({ severity: 'Warning', text: `ETD ${etdDate} falls in ${show(rowWindow(row))}` });
        }
      }

      const delivery = deliveryDate(s, po, settings);
      if (delivery && delivery >= clock.today) {
        const peaks: Window[] = [];
        const market = marketOf(clientId);
        if (market) for (const year of [yearOf(delivery) - 1, yearOf(delivery)]) peaks.push(...peaksOf(market, year));
        for (const row of peakRowsOf(clientId)) peaks.push(rowWindow(row));
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
