/**
 * How far ahead of cargo ready the freight is booked: 3–4 weeks for FCL, about a week for air (Flexport,
 * domain.md §7.5), and longer when the cargo is ready around Chinese New Year or Golden Week, when carriers blank
 * sailings and space sells out [heuristic extra: settings.bookingPeakExtraDays].
 */
import { chinaHolidayYear } from '../calendar/china-holidays.ts';
import { cnyShutdownWindow, preCnyFreightPeak } from '../calendar/factory-shutdown.ts';
import { addDays, yearOf, type IsoDate } from '../calendar/iso-date.ts';
import type { TransportMode } from './lanes.ts';
import type { PlanSettings } from './plan-settings.ts';
import { settingsId } from './schedule-network.ts';

/** Peak windows in which booking space is scarce, per year (memoised: asked once per PO). */
const peaks = new Map<string, { start: IsoDate; end: IsoDate }[]>();

function peakWindows(year: number, settings: Pick<PlanSettings, 'cnyShutdown'>): { start: IsoDate; end: IsoDate }[] {
  const key = `${year}:${JSON.stringify(settings.cnyShutdown)}`;
  let list = peaks.get(key);
  if (!list) {
    list = [];
    for (const y of [year, year + 1]) {
      const shutdown = cnyShutdownWindow(y, settings.cnyShutdown);
      const freight = preCnyFreightPeak(y, settings.cnyShutdown);
      list.push({ start: freight?.start ?? shutdown.start, end: shutdown.end });
      const golden = chinaHolidayYear(y).holidays.find((h) => h.id === 'national-day' || h.id === 'national-day-mid-autumn');
      if (golden) list.push({ start: addDays(golden.start, -14), end: golden.end });
    }
    peaks.set(key, list);
  }
  return list;
}

const leads = new Map<string, number>();

export function bookingLeadDays(mode: TransportMode, cargoReady: IsoDate, settings: PlanSettings): number {
  // Asked for every PO of a run, for a few hundred distinct days.
  const key = `${mode}${cargoReady}${settingsId(settings)}`;
  let lead = leads.get(key);
  if (lead === undefined) {
    lead = computeLead(mode, cargoReady, settings);
    if (leads.size > 50_000) leads.clear();
    leads.set(key, lead);
  }
  return lead;
}

function computeLead(mode: TransportMode, cargoReady: IsoDate, settings: PlanSettings): number {
  const base = settings.bookingBeforeCargoReadyDays[mode];
  const from = addDays(cargoReady, -base);
  const inPeak = peakWindows(yearOf(from), settings).some((w) => w.start <= cargoReady && from <= w.end);
  return base + (inPeak ? settings.bookingPeakExtraDays[mode] : 0);
}
