/**
 * Resolves the sample agency (workspace-templates/sample-agency.json) against the base template: validates every
 * table, field, value and ref, turns relative dates into real ones, and answers the rows per table in load order,
 * ready for the record loader (src/jobs/load-records.ts): `{ref, fields, links}` where `links` holds refs.
 *
 * Pure: the template and the clock come in as values (the default template is the shipped one).
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { loadBaseTemplate, type BaseTemplate, type TemplateField, type TemplateTable } from '../template/base-template.ts';
import { loadPlan } from '../template/load-order.ts';
import { isoDate, resolveRelativeDate, resolveRelativeInstant } from './relative-dates.ts';

const SampleRow = z
  .object({
    /** Local name of the row, unique in the whole file: "po-2405". */
    ref: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be lowercase letters, digits and dashes' }),
    fields: z.record(z.string(), z.unknown()),
  })
  .strict();

export const SampleAgency = z
  .object({ description: z.string().optional(), tables: z.record(z.string(), z.array(SampleRow)) })
  .strict();
export type SampleAgency = z.infer<typeof SampleAgency>;

export interface ResolvedRow {
  ref: string;
  /** Cell values in Airtable's write format, link fields excluded. */
  fields: Record<string, unknown>;
  /** Link field name → refs of the linked rows. */
  links: Record<string, string[]>;
}

export interface ResolvedTable {
  table: string;
  rows: ResolvedRow[];
}

/** Thrown for sample data that does not fit the template; the message lists every problem. */
export class SampleDataError extends Error {
  override readonly name = 'SampleDataError';
  constructor(readonly problems: string[]) {
    super(`The sample agency has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

export interface ResolveOptions {
  template?: BaseTemplate;
  /** The instant "now" in date-time expressions; noon UTC of `today` when not given. */
  now?: string;
}

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/**
 * @example resolveSampleAgency(json, '2026-03-02') → [{table: 'People', rows: [...]}, {table: 'Clients', ...}, ...]
 */
export function resolveSampleAgency(data: unknown, today: string, options: ResolveOptions = {}): ResolvedTable[] {
  const todayDate = isoDate(today);
  if (!todayDate) throw new SampleDataError([`today is ${show(today)}, not a date like 2026-03-02`]);
  const now = options.now === undefined ? todayDate.plus({ hours: 12 }) : DateTime.fromISO(options.now, { setZone: true });
  if (!now.isValid) throw new SampleDataError([`now is ${show(options.now)}, not a date and time`]);

  const parsed = SampleAgency.safeParse(data);
  if (!parsed.success) {
    throw new SampleDataError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const template = options.template ?? loadBaseTemplate();
  const problems: string[] = [];
  const tableOf = new Map(template.tables.map((t) => [t.name, t]));

  // Refs first, so links can point at rows of any table (self-links included).
  const refsByTable = new Map<string, Set<string>>();
  const seen = new Map<string, string>();
  for (const [tableName, rows] of Object.entries(parsed.data.tables)) {
    if (!tableOf.has(tableName)) {
      problems.push(`"${tableName}" is not a table of the template`);
      continue;
    }
    const refs = new Set<string>();
    for (const row of rows) {
      const other = seen.get(row.ref);
      if (other !== undefined) problems.push(`${tableName} ${row.ref}: ref is already used in ${other}`);
      seen.set(row.ref, tableName);
      refs.add(row.ref);
    }
    refsByTable.set(tableName, refs);
  }

  const resolved = new Map<string, ResolvedRow[]>();
  for (const [tableName, rows] of Object.entries(parsed.data.tables)) {
    const table = tableOf.get(tableName);
    if (!table) continue;
    const context = { table, today: todayDate, now, refsByTable, problems };
    resolved.set(tableName, rows.map((row) => resolveRow(context, row)));
    checkPrimaryValues(table, rows, problems);
  }
  if (problems.length > 0) throw new SampleDataError(problems);

  return loadPlan(template)
    .order.filter((name) => resolved.has(name))
    .map((name) => ({ table: name, rows: resolved.get(name) ?? [] }));
}

interface Context {
  table: TemplateTable;
  today: DateTime;
  now: DateTime;
  refsByTable: Map<string, Set<string>>;
  problems: string[];
}

function resolveRow(ctx: Context, row: z.infer<typeof SampleRow>): ResolvedRow {
  const out: ResolvedRow = { ref: row.ref, fields: {}, links: {} };
  for (const [name, value] of Object.entries(row.fields)) {
    const field = ctx.table.fields.find((f) => f.name === name);
    const where = `${ctx.table.name} ${row.ref}: "${name}"`;
    if (!field) {
      ctx.problems.push(`${where} is not a field of ${ctx.table.name}`);
      continue;
    }
    if (field.type === 'multipleRecordLinks') {
      const refs = linkRefs(ctx, field.options.linkedTableId, value, where);
      if (refs) out.links[name] = refs;
      continue;
    }
    const cell = resolveCell(ctx, field, value);
    if (cell.ok) out.fields[name] = cell.value;
    else ctx.problems.push(`${where} is ${show(value)}, ${cell.reason}`);
  }
  return out;
}

function linkRefs(ctx: Context, target: string, value: unknown, where: string): string[] | undefined {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    ctx.problems.push(`${where} is ${show(value)}, not a list of refs`);
    return undefined;
  }
  const refs = value.filter((v): v is string => typeof v === 'string');
  const known = ctx.refsByTable.get(target) ?? new Set<string>();
  for (const ref of refs) {
    if (!known.has(ref)) ctx.problems.push(`${where} refers to "${ref}", which is not a row of ${target}`);
  }
  return refs;
}

type Cell = { ok: true; value: unknown } | { ok: false; reason: string };
const ok = (value: unknown): Cell => ({ ok: true, value });
const bad = (reason: string): Cell => ({ ok: false, reason });
const or = (value: unknown, reason: string): Cell => (value === undefined ? bad(reason) : ok(value));

/** The value in Airtable's write format, or why it does not fit the field. */
function resolveCell(ctx: Context, field: TemplateField, value: unknown): Cell {
  switch (field.type) {
    case 'date':
      return or(typeof value === 'string' ? resolveRelativeDate(value, ctx.today) : undefined, 'not a date or a relative date like today+14');
    case 'dateTime':
      return or(typeof value === 'string' ? resolveRelativeInstant(value, ctx.now) : undefined, 'not a date-time or a relative one like now-2d');
    case 'checkbox':
      return typeof value === 'boolean' ? ok(value) : bad('not true or false');
    case 'number':
    case 'percent':
    case 'currency':
      return typeof value === 'number' && Number.isFinite(value) ? ok(value) : bad('not a number');
    case 'rating':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= field.options.max
        ? ok(value)
        : bad(`not a rating from 1 to ${field.options.max}`);
    case 'singleSelect': {
      const names = field.options.choices.map((c) => c.name);
      return typeof value === 'string' && names.includes(value) ? ok(value) : bad(`not one of ${names.join(', ')}`);
    }
    case 'multipleSelects': {
      const names = field.options.choices.map((c) => c.name);
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && names.includes(v)) ? ok(value) : bad(`not a list of ${names.join(', ')}`);
    }
    case 'multipleAttachments':
      return bad('not loadable: attachments cannot come from sample data (Airtable downloads them from public URLs)');
    default:
      return typeof value === 'string' && value.length <= 100_000 ? ok(value) : bad('not text of at most 100,000 characters');
  }
}

/** The record loader recognises existing rows by their primary value, so it must be present and unique. */
function checkPrimaryValues(table: TemplateTable, rows: z.infer<typeof SampleRow>[], problems: string[]): void {
  const primary = table.fields[0]?.name;
  if (primary === undefined) return;
  const values = new Map<string, string>();
  for (const row of rows) {
    const value = row.fields[primary];
    if (value === undefined || value === '') {
      problems.push(`${table.name} ${row.ref}: the primary field "${primary}" is empty`);
      continue;
    }
    const key = String(value);
    const other = values.get(key);
    if (other !== undefined) problems.push(`${table.name} ${row.ref}: "${primary}" ${show(value)} is also used by ${other}`);
    values.set(key, row.ref);
  }
}
