/**
 * The generated rows of the Airtable Calendar table: Chinese public holidays, the CNY factory shutdown, shipping
 * blackouts and client peaks for a span of years. Deterministic, and every row carries a stable `key`, so the
 * calendar job can upsert them idempotently (same input → same rows, same keys).
 */
import { chinaHolidayYear } from './china-holidays.ts';
import { clientCountry, PEAK_RULES, type ClientCountry } from './client-peaks.ts';
import { cnyShutdownWindow, preCnyFreightPeak, resolveShutdownSettings, type CnyShutdownSettings } from './factory-shutdown.ts';
import type { IsoDate } from './iso-date.ts';

/** Exactly the Kind choices of the Calendar table. */
export type CalendarKind = 'Public holiday CN' | 'Factory closure' | 'Shipping blackout' | 'Client peak' | 'Maintenance';

export interface RiskWindow {
  key: string;
  name: string;
  kind: CalendarKind;
  start: IsoDate;
  end: IsoDate;
  /** True for years the State Council has not announced yet. */
  estimated: boolean;
  /** ISO alpha-2 code, only on client-market rows. */
  clientCountry?: string;
  source: string;
}

export interface RiskWindowsInput {
  fromYear: number;
  toYear: number;
  /** Alpha-2 codes or English names of the clients' countries. */
  clientCountries?: readonly string[];
  shutdown?: Partial<CnyShutdownSettings>;
}

const MAX_SPAN_YEARS = 20;

export function riskWindowsFor(input: RiskWindowsInput): RiskWindow[] {
  const { fromYear, toYear } = input;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || toYear < fromYear || toYear - fromYear > MAX_SPAN_YEARS) {
    throw new RangeError(`riskWindowsFor: need whole years with fromYear ≤ toYear, at most ${MAX_SPAN_YEARS} apart (got ${fromYear}–${toYear})`);
  }
  const shutdown = resolveShutdownSettings(input.shutdown ?? {});
  const countries = new Map<string, ClientCountry>();
  for (const raw of input.clientCountries ?? []) {
    const country = clientCountry(raw);
    if (!country) throw new RangeError(`riskWindowsFor: client country ${JSON.stringify(raw)} has no peak profile (known: US, EU members, GB, AU)`);
    countries.set(country.code, country);
  }

  const rows: RiskWindow[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    const cal = chinaHolidayYear(year);
    for (const h of cal.holidays) {
      rows.push({
        key: `cn-holiday:${year}:${h.id}`,
        name: `${h.name} ${year}`,
        kind: 'Public holiday CN',
        start: h.start,
        end: h.end,
        estimated: cal.estimated,
        source: cal.source,
      });
    }
    const closure = cnyShutdownWindow(year, shutdown);
    rows.push({
      key: `factory-closure:${year}:cny`,
      name: `Chinese New Year factory shutdown ${year}`,
      kind: 'Factory closure',
      ...closure,
      estimated: cal.estimated,
      source: `[heuristic] CNY − ${shutdown.daysBefore} d to CNY + ${shutdown.daysAfter} d, domain.md §7.4`,
    });
    const freightPeak = preCnyFreightPeak(year, shutdown);
    if (freightPeak) {
      rows.push({
        key: `shipping-blackout:${year}:pre-cny`,
        name: `Pre-CNY freight peak ${year}`,
        kind: 'Shipping blackout',
        ...freightPeak,
        estimated: cal.estimated,
        source: '[heuristic] Flexport peak-season notes, domain.md §7.5',
      });
    }
    for (const country of [...countries.values()].sort((a, b) => a.code.localeCompare(b.code))) {
      for (const rule of PEAK_RULES[country.market]) {
        rows.push({
          key: `${rule.kind === 'Client peak' ? 'client-peak' : 'shipping-blackout'}:${country.code}:${year}:${rule.id}`,
          name: `${rule.name} ${year} (${country.code})`,
          kind: rule.kind,
          ...rule.window(year),
          estimated: false,
          clientCountry: country.code,
          source: rule.source,
        });
      }
    }
  }
  return rows.sort((a, b) => (a.start === b.start ? a.key.localeCompare(b.key) : a.start < b.start ? -1 : 1));
}
