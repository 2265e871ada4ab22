/**
 * Zod parsers for single Airtable cells, as the REST API returns them with cellFormat=json
 * (https://airtable.com/developers/web/api/field-model). Airtable leaves empty values (`""`, `[]`, `false`) out of
 * `fields`, so a missing key reaches a parser as `undefined` and means "empty".
 *
 * A failing parser's message is the sentence that follows the quoted field name, e.g. `is "31/02/2027", not a date`;
 * parse-records.ts puts the field name in front. Nothing here guesses: a value that is not what the field holds is a
 * problem, never coerced.
 */
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { stripBidiControls } from '../text/bidi.ts';

/** Airtable's limit for a long-text cell. */
export const MAX_TEXT_LENGTH = 100_000;

/** A cell parser: unknown raw cell in, typed value out. */
export type Cell<T> = z.ZodType<T>;

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const fail = (message: string): Outcome<never> => ({ ok: false, message });

/** Short, readable rendering of a bad value for a message: strings quoted, long ones cut. */
export function showValue(raw: unknown): string {
  const text = typeof raw === 'string' ? JSON.stringify(raw) : (JSON.stringify(raw) ?? String(raw));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const isNot = (raw: unknown, what: string) => fail(`is ${showValue(raw)}, not ${what}`);
const MISSING = 'is missing';

/**
 * The plain function behind each cell schema. parseRecords calls it directly: running a whole record through
 * zod's object machinery cost ten times the checks themselves at 240,000 records, for the same result.
 */
const plainParsers = new WeakMap<z.ZodType, (raw: unknown) => Outcome<unknown>>();

/** The function a cell schema runs, or undefined for a schema not built here (parseRecords then uses zod). */
export function plainParserOf(schema: z.ZodType): ((raw: unknown) => Outcome<unknown>) | undefined {
  return plainParsers.get(schema);
}

function cell<T>(parse: (raw: unknown) => Outcome<T>): Cell<T> {
  const schema = z.unknown().transform((raw, ctx) => {
    const outcome = parse(raw);
    if (outcome.ok) return outcome.value;
    ctx.issues.push({ code: 'custom', message: outcome.message, input: raw });
    return z.NEVER;
  });
  plainParsers.set(schema, parse);
  return schema;
}

const isEmpty = (raw: unknown) => raw === undefined || raw === null || raw === '';

/** Wraps a parser of present values into an optional one (empty → undefined) or a required one (empty → problem). */
function optional<T>(parse: (raw: unknown) => Outcome<T>): Cell<T | undefined> {
  return cell((raw) => (isEmpty(raw) ? ok(undefined) : parse(raw)));
}
function required<T>(parse: (raw: unknown) => Outcome<T>): Cell<T> {
  return cell((raw) => (isEmpty(raw) ? fail(MISSING) : parse(raw)));
}

function parseString(raw: unknown): Outcome<string> {
  if (typeof raw !== 'string') return isNot(raw, 'text');
  if (raw.length > MAX_TEXT_LENGTH) {
    return fail(`is ${raw.length.toLocaleString('en-US')} characters long, over the ${MAX_TEXT_LENGTH.toLocaleString('en-US')}-character limit`);
  }
  // Bidi controls would let a name display as something else (../text/bidi.ts).
  return ok(stripBidiControls(raw));
}

function matching(pattern: RegExp, what: string, normalise: (s: string) => string = (s) => s.trim()) {
  return (raw: unknown): Outcome<string> => {
    const text = parseString(raw);
    if (!text.ok) return text;
    const value = normalise(text.value);
    return pattern.test(value) ? ok(value) : isNot(raw, what);
  };
}

const EMAIL = /^[^\s@<>(),;]+@[^\s@<>(),;]+\.[A-Za-z]{2,}$/;
const parseEmail = matching(EMAIL, 'an email address');

function parseUrl(raw: unknown): Outcome<string> {
  const text = parseString(raw);
  if (!text.ok) return text;
  const value = text.value.trim();
  return URL.canParse(value) && /^https?:/i.test(value) ? ok(value) : isNot(raw, 'a web address');
}

// ---- text -------------------------------------------------------------------------------------------------------

/** singleLineText / multilineText / phoneNumber: a string of at most 100,000 characters. */
export const text = () => optional(parseString);
export const requiredText = () => required(parseString);

export const email = () => optional(parseEmail);

/** A long-text cell holding several addresses, one per line (commas and semicolons also separate). */
export const emailList = () =>
  cell((raw): Outcome<string[]> => {
    if (isEmpty(raw)) return ok([]);
    const text = parseString(raw);
    if (!text.ok) return text;
    const parts = text.value.split(/[\n,;]+/).map((p) => p.trim()).filter((p) => p !== '');
    const bad = parts.find((p) => !EMAIL.test(p));
    return bad === undefined ? ok(parts) : fail(`contains ${showValue(bad)}, not an email address`);
  });

export const url = () => optional(parseUrl);

/** Luxon asks Intl on every call; a base names the same few zones thousands of times. */
const zoneValidity = new Map<string, boolean>();
function isIanaZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = zone.includes('/') && IANAZone.isValidZone(zone);
    if (zoneValidity.size < 1_000) zoneValidity.set(zone, valid);
  }
  return valid;
}

/** IANA zone name such as Asia/Shanghai. Abbreviations like "CST" are ambiguous and rejected. */
const parseTimeZone = (raw: unknown): Outcome<string> => {
  const text = parseString(raw);
  if (!text.ok) return text;
  const zone = text.value.trim();
  return isIanaZone(zone) ? ok(zone) : isNot(raw, 'an IANA time zone such as Asia/Shanghai');
};
export const timeZone = () => optional(parseTimeZone);
/** A zone with a documented default (e.g. suppliers default to Asia/Shanghai). */
export const timeZoneOr = (fallback: string) => cell((raw) => (isEmpty(raw) ? ok(fallback) : parseTimeZone(raw)));

/** Wall-clock time "HH:mm" (24-hour), e.g. working hours. */
export const clockTime = () => optional(matching(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 09:00'));

/**
 * HS code: the 6-digit international root, optionally extended by the country (China 10, US 10, EU 8/10 digits).
 * Dots and spaces are for reading only and are removed.
 */
export const hsCode = () =>
  optional(matching(/^\d{6}(\d{2}|\d{4})?$/, 'an HS code of 6, 8 or 10 digits', (s) => s.replace(/[.\s]/g, '')));

// ---- numbers ----------------------------------------------------------------------------------------------------

interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
}

function parseNumber(rule: NumberRule) {
  return (raw: unknown): Outcome<number> => {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return isNot(raw, 'a number');
    if (rule.integer && !Number.isInteger(raw)) return isNot(raw, 'a whole number');
    if (rule.min !== undefined && raw < rule.min) return isNot(raw, `a number of at least ${rule.min}`);
    if (rule.max !== undefined && raw > rule.max) return isNot(raw, `a number of at most ${rule.max}`);
    return ok(raw);
  };
}

/** number / currency cells. */
export const number = (rule: NumberRule = {}) => optional(parseNumber(rule));
export const requiredNumber = (rule: NumberRule = {}) => required(parseNumber(rule));
/** percent cells hold a fraction: 0.3 is 30 %. */
export const percent = () => optional(parseNumber({ min: 0, max: 10 }));
/** A percent with a documented default used when the cell is empty (e.g. Buffer % defaults to 12 %). */
export const percentOr = (fallback: number) => {
  const parse = parseNumber({ min: 0, max: 10 });
  return cell((raw) => (isEmpty(raw) ? ok(fallback) : parse(raw)));
};
/** rating cells (1–5 stars here). */
export const rating = () => optional(parseNumber({ integer: true, min: 1, max: 5 }));

// ---- checkbox ---------------------------------------------------------------------------------------------------

/** checkbox: `true`, or left out when unticked. */
export const checkbox = () =>
  cell((raw): Outcome<boolean> => (raw === undefined || raw === false ? ok(false) : raw === true ? ok(true) : isNot(raw, 'a checkbox value')));

// ---- dates ------------------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Checked by hand, not by luxon: a regex and the month's length give the same answer at a fraction of the cost. */
function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/** A calendar date "YYYY-MM-DD" that exists (no 31 February). */
export function parseIsoDate(raw: unknown): Outcome<string> {
  return typeof raw === 'string' && isCalendarDate(raw) ? ok(raw) : isNot(raw, 'a date');
}

/** An instant with an explicit zone ("Z" or an offset), returned in UTC ISO form. */
export function parseIsoInstant(raw: unknown): Outcome<string> {
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(raw) || !/(Z|[+-]\d{2}:?\d{2})$/.test(raw)) {
    return isNot(raw, 'a date and time');
  }
  const parsed = DateTime.fromISO(raw, { setZone: true });
  return parsed.isValid ? ok(parsed.toUTC().toISO() ?? raw) : isNot(raw, 'a date and time');
}

export const date = () => optional(parseIsoDate);
export const requiredDate = () => required(parseIsoDate);
export const dateTime = () => optional(parseIsoInstant);

// ---- selects ----------------------------------------------------------------------------------------------------

function parseChoice<C extends string>(choices: readonly C[]) {
  return (raw: unknown): Outcome<C> => {
    const found = choices.find((c) => c === raw);
    return found !== undefined ? ok(found) : isNot(raw, `one of ${choices.join(', ')}`);
  };
}

/** Select cells carry their options as zod metadata, so a test can compare them with the template. */
function withChoices<T>(schema: Cell<T>, choices: readonly string[]): Cell<T> {
  const described = schema.meta({ choices: [...choices] });
  const parse = plainParsers.get(schema);
  if (parse) plainParsers.set(described, parse);
  return described;
}

/** The options a select cell accepts, or undefined for other cells. */
export function choicesOf(schema: z.ZodType): string[] | undefined {
  const choices = schema.meta()?.['choices'];
  return Array.isArray(choices) ? choices.map(String) : undefined;
}

/** singleSelect with a closed list of options; an option added in the Airtable UI but not here is a problem. */
export const select = <C extends string>(choices: readonly C[]) => withChoices(optional(parseChoice(choices)), choices);
export const requiredSelect = <C extends string>(choices: readonly C[]) => withChoices(required(parseChoice(choices)), choices);

const multiSelectCell = <C extends string>(choices: readonly C[]) =>
  cell((raw): Outcome<C[]> => {
    if (raw === undefined) return ok([]);
    if (!Array.isArray(raw)) return isNot(raw, 'a list of options');
    const pick = parseChoice(choices);
    const out: C[] = [];
    for (const item of raw) {
      const choice = pick(item);
      if (!choice.ok) return fail(`contains ${showValue(item)}, not one of ${choices.join(', ')}`);
      out.push(choice.value);
    }
    return ok(out);
  });

/** multipleSelects: a list of known options. */
export const multiSelect = <C extends string>(choices: readonly C[]) =>
  withChoices(multiSelectCell(choices), choices);

/** An AQL select ("2.5") as the number the sampling tables use. */
export const aql = <C extends string>(choices: readonly C[]) =>
  withChoices(
    cell((raw): Outcome<number | undefined> => {
      if (isEmpty(raw)) return ok(undefined);
      const choice = parseChoice(choices)(raw);
      return choice.ok ? ok(Number(choice.value)) : choice;
    }),
    choices,
  );

// ---- links and attachments --------------------------------------------------------------------------------------

const RECORD_ID = /^rec[A-Za-z0-9]{14}$/;

function parseLinks(raw: unknown): Outcome<string[]> {
  if (raw === undefined) return ok([]);
  if (!Array.isArray(raw)) return isNot(raw, 'a list of linked records');
  const ids: string[] = [];
  for (const id of raw) {
    if (typeof id !== 'string' || !RECORD_ID.test(id)) return fail(`contains ${showValue(id)}, not a record ID`);
    ids.push(id);
  }
  return ok(ids);
}

/** multipleRecordLinks: record IDs. */
export const links = () => cell(parseLinks);

function parseOneLink(raw: unknown): Outcome<string | undefined> {
  const ids = parseLinks(raw);
  if (!ids.ok) return ids;
  return ids.value.length > 1 ? fail(`links ${ids.value.length} records, expected one`) : ok(ids.value[0]);
}
/** A link that must point at no more than one record (a PO has one supplier). */
export const link = () => cell(parseOneLink);
export const requiredLink = () =>
  cell((raw): Outcome<string> => {
    const id = parseOneLink(raw);
    if (!id.ok) return id;
    return id.value === undefined ? fail(MISSING) : ok(id.value);
  });

export interface Attachment {
  id: string;
  url: string;
  filename: string;
  size?: number;
  type?: string;
}

const AttachmentWire = z.object({
  id: z.string(),
  url: z.string(),
  filename: z.string(),
  size: z.number().optional(),
  type: z.string().optional(),
});

/** multipleAttachments (https://airtable.com/developers/web/api/field-model#multipleattachment). */
export const attachments = () =>
  cell((raw): Outcome<Attachment[]> => {
    if (raw === undefined) return ok([]);
    if (!Array.isArray(raw)) return isNot(raw, 'a list of attachments');
    const out: Attachment[] = [];
    for (const item of raw) {
      const parsed = AttachmentWire.safeParse(item);
      if (!parsed.success) return fail(`contains ${showValue(item)}, not an attachment`);
      const { id, url: link, filename, size, type } = parsed.data;
      out.push({ id, url: link, filename, ...(size === undefined ? {} : { size }), ...(type === undefined ? {} : { type }) });
    }
    return ok(out);
  });
