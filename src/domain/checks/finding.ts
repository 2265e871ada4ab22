/**
 * What a check finds: one Finding per condition and record, keyed `rule:recordId` so the Alerts table holds one
 * row per condition however many runs see it. Rules are pure functions of a snapshot, a clock and the settings.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Severity } from '../models/alert.ts';
import type { CheckSettings } from './settings.ts';
import type { WorkspaceSnapshot } from './snapshot.ts';

export type { Severity };

/** The records an alert links to (the Alerts table's link fields). */
export interface FindingLinks {
  po?: string;
  milestone?: string;
  inspection?: string;
  shipment?: string;
  supplier?: string;
  project?: string;
}

export interface Finding {
  rule: string;
  /** `rule:recordId` (several IDs joined by "+"): the Alerts table's Key. */
  key: string;
  /** The record IDs in the key, in key order. */
  subject: string[];
  severity: Severity;
  /** Names the PO / milestone / supplier and says what to do. */
  message: string;
  links: FindingLinks;
  /** People record ID of who should act. */
  owner?: string;
}

/** Time as a value: the agency's calendar date and the instant of the run. */
export interface CheckClock {
  today: IsoDate;
  now: Date;
}

export type CheckFn = (snapshot: WorkspaceSnapshot, clock: CheckClock, settings: CheckSettings) => Finding[];

export interface CheckRule {
  /** Kebab-case id, stored in the Alerts table's Rule field. */
  rule: string;
  /** One line for reports. */
  title: string;
  /**
   * The rule walks `purchaseOrders` and judges each PO on its own: it finds the same for a part of the POs as it
   * finds for those POs among all. Such rules run shard by shard when the milestones come packed (run-rules.ts);
   * a property test holds every rule marked so to it.
   */
  perPo?: true;
  check: CheckFn;
}

export function findingKey(rule: string, subject: readonly string[]): string {
  return `${rule}:${subject.join('+')}`;
}

/** Builds a finding; empty links and owner are left out so findings compare cleanly. */
export function finding(
  rule: string,
  subject: readonly string[],
  fields: { severity: Severity; message: string; links: FindingLinks; owner?: string | undefined },
): Finding {
  const links: FindingLinks = {};
  for (const [name, id] of Object.entries(fields.links) as [keyof FindingLinks, string | undefined][]) {
    if (id !== undefined) links[name] = id;
  }
  const out: Finding = { rule, key: findingKey(rule, subject), subject: [...subject], severity: fields.severity, message: fields.message, links };
  if (fields.owner !== undefined) out.owner = fields.owner;
  return out;
}

export const SEVERITY_RANK: Record<Severity, number> = { Info: 0, Warning: 1, Critical: 2 };

export function maxSeverity(severities: readonly Severity[]): Severity {
  return severities.reduce<Severity>((max, s) => (SEVERITY_RANK[s] > SEVERITY_RANK[max] ? s : max), 'Info');
}

/** "1 day", "3 days". */
export function days(n: number): string {
  return `${n} day${Math.abs(n) === 1 ? '' : 's'}`;
}

/** Ends the text with a full stop unless it already ends with one (supplier names often end in "Ltd."). */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
