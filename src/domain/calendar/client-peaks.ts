/**
 * Client-side peaks per destination market (domain.md §7.5). Only the US Thanksgiving rule is law
 * (5 U.S.C. 6103); every window below is industry practice [heuristic] and deliberately easy to edit.
 * Black Friday / Cyber Monday follow the US Thanksgiving date in Europe and Australia too.
 */
import { addDays, isoDate, weekday, type IsoDate } from './iso-date.ts';
import type { DateWindow } from './factory-shutdown.ts';

export type ClientMarket = 'US' | 'EU' | 'GB' | 'AU';

export interface PeakRule {
  /** Stable id, part of the calendar row key. */
  id: string;
  name: string;
  kind: 'Client peak' | 'Shipping blackout';
  source: string;
  window(year: number): DateWindow;
}

const HEURISTIC = '[heuristic] domain.md §7.5';

/** Thanksgiving: the 4th Thursday of November. */
export function usThanksgiving(year: number): IsoDate {
  const firstThursday = 1 + ((4 - weekday(isoDate(year, 11, 1)) + 7) % 7);
  return isoDate(year, 11, firstThursday + 21);
}

/** Black Friday (Thanksgiving + 1) to Cyber Monday (Black Friday + 3). */
export function blackFridayCyberMonday(year: number): DateWindow {
  const blackFriday = addDays(usThanksgiving(year), 1);
  return { start: blackFriday, end: addDays(blackFriday, 3) };
}

const fixed = (m1: number, d1: number, m2: number, d2: number) => (year: number): DateWindow => ({
  start: isoDate(year, m1, d1),
  end: isoDate(year, m2, d2),
});

const BF_CM: PeakRule = {
  id: 'black-friday-cyber-monday',
  name: 'Black Friday – Cyber Monday',
  kind: 'Client peak',
  source: '5 U.S.C. 6103 (Thanksgiving) + 1 to + 4 days',
  window: blackFridayCyberMonday,
};

export const PEAK_RULES: Record<ClientMarket, readonly PeakRule[]> = {
  US: [
    BF_CM,
    // Carriers publish ground cut-offs around 12–17 Dec every year.
    { id: 'christmas-cutoff', name: 'Christmas parcel cut-off', kind: 'Client peak', source: HEURISTIC, window: fixed(12, 12, 12, 17) },
    { id: 'back-to-school', name: 'Back-to-school stock', kind: 'Client peak', source: HEURISTIC, window: fixed(7, 1, 8, 31) },
    // Transpacific main peak: space is short and rates high; book FCL 3–4 weeks before cargo ready.
    { id: 'transpacific-peak', name: 'Transpacific peak season', kind: 'Shipping blackout', source: 'https://flexport.com/help/323-tips-for-shipping-during-peak-season [heuristic]', window: fixed(8, 1, 10, 31) },
  ],
  EU: [
    BF_CM,
    { id: 'christmas-cutoff', name: 'Christmas parcel cut-off', kind: 'Client peak', source: HEURISTIC, window: fixed(12, 14, 12, 20) },
    // School years start between early August and mid September across the member states.
    { id: 'back-to-school', name: 'Back-to-school stock', kind: 'Client peak', source: HEURISTIC, window: fixed(8, 1, 9, 15) },
  ],
  GB: [
    BF_CM,
    { id: 'christmas-cutoff', name: 'Christmas parcel cut-off', kind: 'Client peak', source: HEURISTIC, window: fixed(12, 14, 12, 20) },
    { id: 'back-to-school', name: 'Back-to-school stock', kind: 'Client peak', source: HEURISTIC, window: fixed(8, 1, 9, 7) },
  ],
  AU: [
    BF_CM,
    { id: 'christmas-cutoff', name: 'Christmas parcel cut-off', kind: 'Client peak', source: HEURISTIC, window: fixed(12, 12, 12, 18) },
    // The Australian school year starts late January / early February.
    { id: 'back-to-school', name: 'Back-to-school stock', kind: 'Client peak', source: HEURISTIC, window: fixed(1, 5, 2, 5) },
    { id: 'eofy-sales', name: 'End-of-financial-year sales', kind: 'Client peak', source: HEURISTIC, window: fixed(6, 1, 6, 30) },
  ],
};

const EU_MEMBERS = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');

const NAME_ALIASES: Record<string, string> = {
  'united states': 'US', 'united states of america': 'US', usa: 'US', america: 'US',
  'united kingdom': 'GB', uk: 'GB', 'great britain': 'GB', england: 'GB',
  australia: 'AU', germany: 'DE', deutschland: 'DE', france: 'FR', netherlands: 'NL', 'the netherlands': 'NL',
  italy: 'IT', spain: 'ES', belgium: 'BE', austria: 'AT', poland: 'PL', sweden: 'SE', denmark: 'DK',
  finland: 'FI', ireland: 'IE', portugal: 'PT', greece: 'GR', 'czech republic': 'CZ', czechia: 'CZ',
};

export interface ClientCountry {
  /** ISO 3166-1 alpha-2 code. */
  code: string;
  market: ClientMarket;
}

/** Maps an alpha-2 code or an English country name to its market, or undefined when we have no peak profile. */
export function clientCountry(input: string): ClientCountry | undefined {
  const raw = input.trim();
  const code = NAME_ALIASES[raw.toLowerCase()] ?? (raw.length === 2 ? raw.toUpperCase() : undefined);
  if (code === undefined) return undefined;
  if (code === 'US' || code === 'AU') return { code, market: code };
  if (code === 'GB' || code === 'UK') return { code: 'GB', market: 'GB' };
  if (EU_MEMBERS.includes(code)) return { code, market: 'EU' };
  return undefined;
}
