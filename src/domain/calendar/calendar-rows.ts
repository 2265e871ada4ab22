/**
 * The rows the calendar job keeps in the Airtable Calendar table: every risk window (CN holidays, CNY shutdown,
 * pre-CNY freight peak, client peaks of the clients' markets) plus China's make-up working days, each with a
 * stable Key. Pure and deterministic, so a rerun yields the same rows and the job writes nothing.
 *
 * Client peaks are per market, not per client: the market is in the key (`client-peak:US:2026:…`) and the notes,
 * and the Client link stays empty (the table's Client cell names one client a manual row is limited to).
 */
import { ANNOUNCED_CHINA_HOLIDAYS } from './china-holiday-data.ts';
import { chinaHolidayYear } from './china-holidays.ts';
import { clientCountry } from './client-peaks.ts';
import type { IsoDate } from './iso-date.ts';
import { riskWindowsFor } from './risk-windows.ts';

/** Exactly the Kind choices of the Calendar table. */
export type CalendarRowKind = 'Public holiday CN' | 'Make-up working day CN' | 'Factory closure' | 'Shipping blackout' | 'Client peak' | 'Maintenance';

export interface CalendarRow {
  key: string;
  name: string;
  kind: CalendarRowKind;
  start: IsoDate;
  end: IsoDate;
  estimated: boolean;
  notes: string;
  /** ISO alpha-2 market of a client peak. */
  market?: string;
}

export interface CalendarClient {
  id: string;
  name: string;
  country?: string;
}

export interface CalendarRowsResult {
  rows: CalendarRow[];
  /** Clients whose peaks are not generated, and why. */
  notes: string[];
}

export function calendarRows(fromYear: number, toYear: number, clients: readonly CalendarClient[]): CalendarRowsResult {
  const notes: string[] = [];
  const markets = new Set<string>();
  for (const client of clients) {
    if (!client.country) {
      notes.push(`Clients ${client.id} (${client.name}): "Country" is empty; no client peaks for it`);
      continue;
    }
    const country = clientCountry(client.country);
    if (!country) {
      notes.push(`Clients ${client.id} (${client.name}): "Country" ${JSON.stringify(client.country)} has no peak profile (known: US, EU members, GB, AU)`);
      continue;
    }
    markets.add(country.code);
  }

  const rows: CalendarRow[] = riskWindowsFor({ fromYear, toYear, clientCountries: [...markets] }).map((w) => ({
    key: w.key,
    name: w.name,
    kind: w.kind,
    start: w.start,
    end: w.end,
    estimated: w.estimated,
    notes: `Source: ${w.source}${w.clientCountry ? `\nClient market: ${w.clientCountry}` : ''}`,
    ...(w.clientCountry ? { market: w.clientCountry } : {}),
  }));

  for (let year = fromYear; year <= toYear; year += 1) {
    const announced = ANNOUNCED_CHINA_HOLIDAYS.find((y) => y.year === year);
    const cal = chinaHolidayYear(year);
    for (const day of cal.makeUpWorkingDays) {
      const forId = announced?.makeUpWorkingDays.find((m) => m.date === day)?.for;
      const holiday = cal.holidays.find((h) => h.id === forId)?.name;
      rows.push({
        key: `cn-makeup:${day}`,
        name: `Make-up working day${holiday ? ` for ${holiday}` : ''} ${day}`,
        kind: 'Make-up working day CN',
        start: day,
        end: day,
        estimated: cal.estimated,
        notes: `Source: ${cal.source}\nA weekend day that is a working day in China (调休).`,
      });
    }
  }
  return { rows: rows.sort((a, b) => (a.start === b.start ? a.key.localeCompare(b.key) : a.start < b.start ? -1 : 1)), notes };
}
