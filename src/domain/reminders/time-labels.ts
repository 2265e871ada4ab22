/**
 * Times as a reader understands them: their own city and UTC offset, and China time next to it. Abbreviations
 * are never printed: "CST" is both China Standard Time and US Central (domain.md §8).
 */
import { DateTime } from 'luxon';

const CHINA_ZONES = new Set(['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin']);
export const CHINA_ZONE = 'Asia/Shanghai';

/** "Beijing time" for mainland zones, else the city of the IANA name ("New York time"). */
export function zoneName(zone: string): string {
  if (CHINA_ZONES.has(zone)) return 'Beijing time';
  const city = zone.split('/').pop() ?? zone;
  return `${city.replace(/_/g, ' ')} time`;
}

/** "UTC+8", "UTC-5", "UTC+5:30" at that instant (so it follows DST). */
export function utcOffsetLabel(instant: Date, zone: string): string {
  const offset = DateTime.fromJSDate(instant, { zone }).offset;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}`;
}

const local = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).setLocale('en-GB');

/** "Mon 2 Mar" in the zone. */
export function dayLabel(instant: Date, zone: string): string {
  return local(instant, zone).toFormat('ccc d LLL');
}

/** "09:00" in the zone. */
export function clockLabel(instant: Date, zone: string): string {
  return local(instant, zone).toFormat('HH:mm');
}

/** "09:00 Berlin time (UTC+1)". */
export function timeInZone(instant: Date, zone: string): string {
  return `${clockLabel(instant, zone)} ${zoneName(zone)} (${utcOffsetLabel(instant, zone)})`;
}

/** "Mon 2 Mar, 09:00 Berlin time (UTC+1) / 16:00 Beijing time (UTC+8)"; China time once for readers in China. */
export function readerAndChinaTime(instant: Date, zone: string): string {
  const reader = `${dayLabel(instant, zone)}, ${timeInZone(instant, zone)}`;
  return CHINA_ZONES.has(zone) ? reader : `${reader} / ${timeInZone(instant, CHINA_ZONE)}`;
}

/** "08:30–11:00 Berlin time (UTC+1)" for a span inside one reader day. */
export function spanInZone(start: Date, end: Date, zone: string): string {
  return `${clockLabel(start, zone)}–${clockLabel(end, zone)} ${zoneName(zone)} (${utcOffsetLabel(start, zone)})`;
}

export function isChinaZone(zone: string): boolean {
  return CHINA_ZONES.has(zone);
}
