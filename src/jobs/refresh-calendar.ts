/**
 * Keeps the generated rows of the Calendar table in step with the risk calendar (CN holidays and make-up days,
 * CNY factory shutdown, freight peaks, client peaks of the clients' markets) for this year and the next.
 * Keyed by Calendar.Key: missing rows are created, changed ones updated, and a rerun writes nothing. Rows whose
 * Source is not "Generated" (factory maintenance, blackouts people typed in) are never touched; generated rows
 * of past years stay as history.
 */
import { DateTime } from 'luxon';
import { calendarRows, type CalendarRow } from '../domain/calendar/calendar-rows.ts';
import { calendar } from '../domain/models/calendar-entry.ts';
import { clients } from '../domain/models/client.ts';
import { parseRecords } from '../domain/models/parse-records.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import type { AirtableRecord, AirtableRecordsPort, Fields } from '../ports/airtable.ts';
import { startReport, type JobReport } from './report.ts';

export interface CalendarDeps {
  records: AirtableRecordsPort;
  counter: RequestCounter;
  now(): Date;
}

export interface CalendarInput {
  /** Years to generate; this year and the next (in China) when absent. */
  fromYear?: number;
  toYear?: number;
}

export interface CalendarDetails {
  years: { from: number; to: number };
  generated: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Keys of generated rows that a person took over (Source not Generated): left alone. */
  manualKept: string[];
  notes: string[];
}

const F = calendar.fields;
const WRITTEN = [F.name, F.kind, F.start, F.end, F.source, F.estimated, F.key, F.notes] as const;

export async function refreshCalendar(deps: CalendarDeps, input: CalendarInput = {}): Promise<JobReport<CalendarDetails>> {
  const { started, finish } = startReport('calendar', deps);
  const thisYear = DateTime.fromJSDate(started, { zone: 'Asia/Shanghai' }).year;
  const from = input.fromYear ?? thisYear;
  const to = input.toYear ?? from + 1;
  const problems: string[] = [];

  const clientRows = parseRecords(clients, await deps.records.list(clients.table, { fields: [clients.fields.name, clients.fields.country] }));
  problems.push(...clientRows.problems.map(String));
  const desired = calendarRows(from, to, clientRows.records.map((c) => ({ id: c.id, name: c.name, country: c.country })));

  const existing = await deps.records.list(calendar.table, { fields: [...WRITTEN] });
  const byKey = new Map<string, AirtableRecord[]>();
  for (const record of existing) {
    const key = record.fields[F.key];
    if (typeof key === 'string' && key !== '') byKey.set(key, [...(byKey.get(key) ?? []), record]);
  }

  const details: CalendarDetails = { years: { from, to }, generated: desired.rows.length, created: 0, updated: 0, unchanged: 0, manualKept: [], notes: desired.notes };
  const creates: Fields[] = [];
  const updates: { id: string; fields: Fields }[] = [];
  for (const row of desired.rows) {
    const matches = byKey.get(row.key) ?? [];
    const generated = matches.filter((r) => r.fields[F.source] === 'Generated');
    if (matches.length > 0 && generated.length === 0) {
      details.manualKept.push(row.key);
      continue;
    }
    if (generated.length > 1) problems.push(`Calendar: ${generated.length} generated rows carry the key "${row.key}"; only ${generated[0]!.id} is kept up to date`);
    const fields = fieldsOf(row);
    const current = generated[0];
    if (!current) {
      creates.push(fields);
      continue;
    }
    const changed = changedFields(current.fields, fields);
    if (Object.keys(changed).length === 0) details.unchanged += 1;
    else updates.push({ id: current.id, fields: changed });
  }
  // https://airtable.com/developers/web/api/update-multiple-records (performUpsert on Key): safe to retry when an
  // answer is lost, where a create would have made a twin or stopped the job.
  if (creates.length > 0) details.created = (await deps.records.upsert(calendar.table, creates, [F.key])).records.length;
  if (updates.length > 0) details.updated = (await deps.records.update(calendar.table, updates)).length;

  return finish(problems, details);
}

function fieldsOf(row: CalendarRow): Fields {
  return {
    [F.name]: row.name,
    [F.kind]: row.kind,
    [F.start]: row.start,
    [F.end]: row.end,
    [F.source]: 'Generated',
    [F.estimated]: row.estimated,
    [F.key]: row.key,
    [F.notes]: row.notes,
  };
}

/** The fields whose cell differs; Airtable leaves out empty cells (false, "", []), so those compare as empty. */
function changedFields(current: Fields, wanted: Fields): Fields {
  const out: Fields = {};
  for (const [name, value] of Object.entries(wanted)) {
    if (normalise(current[name]) !== normalise(value)) out[name] = value;
  }
  return out;
}

function normalise(value: unknown): string {
  if (value === undefined || value === null || value === false || value === '') return '';
  if (Array.isArray(value)) return value.length === 0 ? '' : JSON.stringify([...value].map(String).sort());
  return JSON.stringify(value);
}
