/**
 * The State Council's announced public-holiday windows and make-up working days (调休), one entry per notice.
 * These are DATA, not a formula: 2026 broke the "Spring Festival from the eve" pattern (domain.md §7.2).
 * Add a year when the notice comes out (usually Oct–Nov of the prior year); years not listed here are
 * estimated by china-holidays.ts and flagged `estimated: true`.
 */
import type { IsoDate } from './iso-date.ts';

export type ChinaHolidayId =
  | 'new-year'
  | 'spring-festival'
  | 'qingming'
  | 'labour-day'
  | 'dragon-boat'
  | 'mid-autumn'
  | 'national-day'
  | 'national-day-mid-autumn';

export interface ChinaHolidayWindow {
  id: ChinaHolidayId;
  name: string;
  start: IsoDate;
  end: IsoDate;
}

export interface AnnouncedHolidayYear {
  year: number;
  /** Date the notice was published. */
  announced: IsoDate;
  source: string;
  holidays: ChinaHolidayWindow[];
  /** Weekend days that are working days because of the swap. */
  makeUpWorkingDays: { date: IsoDate; for: ChinaHolidayId }[];
}

export const ANNOUNCED_CHINA_HOLIDAYS: readonly AnnouncedHolidayYear[] = [
  {
    year: 2024,
    announced: '2023-10-25',
    source: 'https://www.talent-spot.com/announced-on-october-25th-2023-about-the-2024-holiday-arrangements.html',
    holidays: [
      { id: 'new-year', name: "New Year's Day", start: '2024-01-01', end: '2024-01-01' },
      { id: 'spring-festival', name: 'Spring Festival', start: '2024-02-10', end: '2024-02-17' },
      { id: 'qingming', name: 'Qingming Festival', start: '2024-04-04', end: '2024-04-06' },
      { id: 'labour-day', name: 'Labour Day', start: '2024-05-01', end: '2024-05-05' },
      { id: 'dragon-boat', name: 'Dragon Boat Festival', start: '2024-06-08', end: '2024-06-10' },
      { id: 'mid-autumn', name: 'Mid-Autumn Festival', start: '2024-09-15', end: '2024-09-17' },
      { id: 'national-day', name: 'National Day Golden Week', start: '2024-10-01', end: '2024-10-07' },
    ],
    makeUpWorkingDays: [
      { date: '2024-02-04', for: 'spring-festival' },
      { date: '2024-02-18', for: 'spring-festival' },
      { date: '2024-04-07', for: 'qingming' },
      { date: '2024-04-28', for: 'labour-day' },
      { date: '2024-05-11', for: 'labour-day' },
      { date: '2024-09-14', for: 'mid-autumn' },
      { date: '2024-09-29', for: 'national-day' },
      { date: '2024-10-12', for: 'national-day' },
    ],
  },
  {
    year: 2025,
    announced: '2024-11-12',
    source: 'https://english.www.gov.cn/policies/latestreleases/202411/12/content_WS67331db5c6d0868f4e8ecd92.html',
    holidays: [
      { id: 'new-year', name: "New Year's Day", start: '2025-01-01', end: '2025-01-01' },
      { id: 'spring-festival', name: 'Spring Festival', start: '2025-01-28', end: '2025-02-04' },
      { id: 'qingming', name: 'Qingming Festival', start: '2025-04-04', end: '2025-04-06' },
      { id: 'labour-day', name: 'Labour Day', start: '2025-05-01', end: '2025-05-05' },
      { id: 'dragon-boat', name: 'Dragon Boat Festival', start: '2025-05-31', end: '2025-06-02' },
      {
        id: 'national-day-mid-autumn',
        name: 'National Day Golden Week and Mid-Autumn Festival',
        start: '2025-10-01',
        end: '2025-10-08',
      },
    ],
    makeUpWorkingDays: [
      { date: '2025-01-26', for: 'spring-festival' },
      { date: '2025-02-08', for: 'spring-festival' },
      { date: '2025-04-27', for: 'labour-day' },
      { date: '2025-09-28', for: 'national-day-mid-autumn' },
      { date: '2025-10-11', for: 'national-day-mid-autumn' },
    ],
  },
  {
    year: 2026,
    announced: '2025-11-04',
    source: 'https://sjgrand.cn/china-public-holiday-calendar-2026',
    holidays: [
      { id: 'new-year', name: "New Year's Day", start: '2026-01-01', end: '2026-01-03' },
      { id: 'spring-festival', name: 'Spring Festival', start: '2026-02-15', end: '2026-02-23' },
      { id: 'qingming', name: 'Qingming Festival', start: '2026-04-04', end: '2026-04-06' },
      { id: 'labour-day', name: 'Labour Day', start: '2026-05-01', end: '2026-05-05' },
      { id: 'dragon-boat', name: 'Dragon Boat Festival', start: '2026-06-19', end: '2026-06-21' },
      { id: 'mid-autumn', name: 'Mid-Autumn Festival', start: '2026-09-25', end: '2026-09-27' },
      { id: 'national-day', name: 'National Day Golden Week', start: '2026-10-01', end: '2026-10-07' },
    ],
    makeUpWorkingDays: [
      { date: '2026-01-04', for: 'new-year' },
      { date: '2026-02-14', for: 'spring-festival' },
      { date: '2026-02-28', for: 'spring-festival' },
      { date: '2026-05-09', for: 'labour-day' },
      { date: '2026-09-20', for: 'national-day' },
      { date: '2026-10-10', for: 'national-day' },
    ],
  },
];
