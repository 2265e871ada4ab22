/**
 * Which Alerts rows to create, update and resolve so the table matches this run's findings, keyed by `Key`
 * (rule + record). Pure, so the whole policy is tested without Airtable:
 * - a new finding → one new row (First seen, Last seen, Status Open, Owner);
 * - a finding seen again → Last seen only when the (UTC) day changed, plus Severity / Message / links when they
 *   changed; nothing at all on a same-day rerun. A person's Owner is never overwritten;
 * - a Resolved row whose condition is back → Open again; a Snoozed row whose "Snoozed until" has passed → Open;
 *   Acknowledged rows and rows snoozed into the future (or without an end) keep their status;
 * - a condition that cleared → Resolved, but only for rules that ran this time and never for an alert about a
 *   record that failed validation (its condition could not be checked);
 * - "Notified at" and "Escalated" belong to the reminders job and are never written here.
 * Rows written by earlier versions under another key (same rule, links covering the finding's records) are
 * adopted and re-keyed instead of duplicated, so an acknowledgement survives.
 */
import { alerts, type Alert } from '../models/alert.ts';
import type { Finding, FindingLinks } from './finding.ts';

export interface ReconcileInput {
  findings: readonly Finding[];
  existing: readonly Alert[];
  /** Keys of Alerts rows that failed validation: such a finding is neither created twice nor touched. */
  unreadableKeys: ReadonlySet<string>;
  /** Rules that ran to completion: only their rows may be resolved. */
  rulesRun: ReadonlySet<string>;
  /** Records that failed validation this run. */
  unreadableRecords: ReadonlySet<string>;
  now: Date;
}

export type Fields = Record<string, unknown>;

export interface AlertCounts {
  created: number;
  /** Rows seen again on a new day (Last seen moved). */
  seen: number;
  /** Rows whose severity, message or links changed. */
  changed: number;
  reopened: number;
  resolved: number;
  /** Rows adopted from an older key. */
  adopted: number;
  /** Rows left exactly as they were. */
  unchanged: number;
  /** Findings whose row failed validation (reported, not duplicated). */
  unreadable: number;
}

export interface AlertPlan {
  create: Fields[];
  update: { id: string; fields: Fields }[];
  counts: AlertCounts;
}

const F = alerts.fields;
const LINK_FIELDS: [keyof FindingLinks, string][] = [
  ['po', F.po],
  ['milestone', F.milestone],
  ['inspection', F.inspection],
  ['shipment', F.shipment],
  ['supplier', F.supplier],
  ['project', F.project],
];

const utcDay = (iso: string) => iso.slice(0, 10);

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function linkIds(alert: Alert): Set<string> {
  const ids = new Set<string>();
  for (const [name] of LINK_FIELDS) {
    const id = alert[name];
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

function newRow(f: Finding, nowIso: string): Fields {
  const row: Fields = { [F.key]: f.key, [F.rule]: f.rule, [F.severity]: f.severity, [F.message]: f.message };
  for (const [name, field] of LINK_FIELDS) if (f.links[name] !== undefined) row[field] = [f.links[name]];
  if (f.owner !== undefined) row[F.owner] = [f.owner];
  row[F.firstSeen] = nowIso;
  row[F.lastSeen] = nowIso;
  row[F.status] = 'Open';
  return row;
}

export function reconcileAlerts(input: ReconcileInput): AlertPlan {
  const nowIso = input.now.toISOString();
  const counts: AlertCounts = { created: 0, seen: 0, changed: 0, reopened: 0, resolved: 0, adopted: 0, unchanged: 0, unreadable: 0 };
  const plan: AlertPlan = { create: [], update: [], counts };

  // One row per key: prefer a row that is not Resolved when a key was duplicated by hand.
  const byKey = new Map<string, Alert>();
  for (const row of input.existing) {
    const current = byKey.get(row.key);
    if (!current || (current.status === 'Resolved' && row.status !== 'Resolved')) byKey.set(row.key, row);
  }
  const findingKeys = new Set(input.findings.map((f) => f.key));
  const matched = new Set<string>();
  const pending: Finding[] = [];
  const pairs: [Finding, Alert][] = [];
  for (const f of input.findings) {
    const row = byKey.get(f.key);
    if (row) {
      pairs.push([f, row]);
      matched.add(row.id);
    } else if (input.unreadableKeys.has(f.key)) {
      counts.unreadable += 1;
    } else {
      pending.push(f);
    }
  }

  // Adoption candidates: rows whose key no finding uses, by rule and by each record they link to, in table order
  // (a finding takes the first such row linking all of its records).
  const candidates = new Map<string, Map<string, Alert[]>>();
  // (A finding without records, should a rule ever make one, takes the rule's first row.)
  const ofRule = new Map<string, Alert[]>();
  for (const row of input.existing) {
    if (findingKeys.has(row.key) || matched.has(row.id)) continue;
    add(ofRule, row.rule, row);
    const byLink = candidates.get(row.rule) ?? new Map<string, Alert[]>();
    candidates.set(row.rule, byLink);
    for (const id of linkIds(row)) add(byLink, id, row);
  }
  const adopted = new Set<Alert>();
  for (const f of pending) {
    const first = f.subject[0];
    const pool = first === undefined ? ofRule.get(f.rule) : candidates.get(f.rule)?.get(first);
    let row: Alert | undefined;
    for (const candidate of pool ?? []) {
      if (adopted.has(candidate)) continue;
      if (f.subject.length > 1) {
        const ids = linkIds(candidate);
        if (!f.subject.every((id) => ids.has(id))) continue;
      }
      row = candidate;
      break;
    }
    if (!row) {
      plan.create.push(newRow(f, nowIso));
      counts.created += 1;
      continue;
    }
    adopted.add(row);
    matched.add(row.id);
    pairs.push([f, row]);
  }

  for (const [f, row] of pairs) {
    const fields: Fields = {};
    let changed = false;
    if (row.key !== f.key) {
      fields[F.key] = f.key;
      counts.adopted += 1;
    }
    if (row.rule !== f.rule) fields[F.rule] = f.rule;
    if (row.severity !== f.severity) {
      fields[F.severity] = f.severity;
      changed = true;
    }
    if ((row.message ?? '') !== f.message) {
      fields[F.message] = f.message;
      changed = true;
    }
    for (const [name, field] of LINK_FIELDS) {
      if (row[name] !== f.links[name]) {
        fields[field] = f.links[name] === undefined ? [] : [f.links[name]];
        changed = true;
      }
    }
    if (row.owner === undefined && f.owner !== undefined) fields[F.owner] = [f.owner];
    // A snooze without an end lasts until a person lifts it (as the reminders read it).
    const snoozeOver = row.status === 'Snoozed' && row.snoozedUntil !== undefined && Date.parse(row.snoozedUntil) <= input.now.getTime();
    if (row.status === 'Resolved' || snoozeOver) {
      fields[F.status] = 'Open';
      counts.reopened += 1;
    }
    if (row.lastSeen === undefined || utcDay(row.lastSeen) !== utcDay(nowIso)) {
      fields[F.lastSeen] = nowIso;
      counts.seen += 1;
    }
    if (row.firstSeen === undefined) fields[F.firstSeen] = nowIso;
    if (changed) counts.changed += 1;
    if (Object.keys(fields).length === 0) counts.unchanged += 1;
    else plan.update.push({ id: row.id, fields });
  }

  for (const row of input.existing) {
    if (matched.has(row.id) || row.status === 'Resolved' || !input.rulesRun.has(row.rule)) continue;
    // A duplicate of a matched key is not "cleared"; leave it for a person.
    if (byKey.get(row.key) !== row && findingKeys.has(row.key)) continue;
    if (input.unreadableRecords.size > 0 && LINK_FIELDS.some(([name]) => row[name] !== undefined && input.unreadableRecords.has(row[name]))) continue;
    plan.update.push({ id: row.id, fields: { [F.status]: 'Resolved' } });
    counts.resolved += 1;
  }
  return plan;
}
