/**
 * The wording of the reminder emails is data (workspace-templates/emails/<kind>.json) so an agency can reword
 * it without touching code. Each field may use only the placeholders listed here; a typo such as `{{nmae}}` is
 * refused when the file is loaded, naming file and field, instead of reaching someone's inbox.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ReminderKind } from '../models/outbox.ts';

const COMMON = ['name', 'time', 'count', 'items', 'window'] as const;
const ITEM = ['severity', 'message', 'age', 'since', 'rule'] as const;
/** The fields whose placeholders are the same in every kind of mail. */
const SAME_IN_EVERY_KIND = {
  greeting: ['name'],
  otherGroup: [],
  callWindow: ['window'],
  noOverlap: ['window'],
  openInAirtable: [],
  openInNotion: [],
  closing: [],
  signature: [],
} as const;
const PLACEHOLDERS: Record<ReminderKind, Record<TextField, readonly string[]>> = {
  Digest: {
    ...SAME_IN_EVERY_KIND,
    subject: ['date', 'count', 'items', 'critical'],
    intro: [...COMMON, 'critical', 'date'],
    item: ITEM,
  },
  Critical: {
    ...SAME_IN_EVERY_KIND,
    // about: the first PO (one finding: its first line), without repeating the PO number.
    subject: ['count', 'items', 'about', 'po', 'title', 'date'],
    intro: [...COMMON, 'po', 'date'],
    item: ITEM,
  },
  Escalation: {
    ...SAME_IN_EVERY_KIND,
    subject: ['count', 'items', 'owners', 'date', 'days'],
    intro: [...COMMON, 'owners', 'days', 'date'],
    item: [...ITEM, 'owner'],
  },
};

const TEXT_FIELDS = [
  'subject', 'greeting', 'intro', 'item', 'otherGroup', 'callWindow', 'noOverlap', 'openInAirtable', 'openInNotion', 'closing', 'signature',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export type EmailText = Record<TextField, string>;
export type EmailTexts = Record<ReminderKind, EmailText>;

const FILES: Record<ReminderKind, string> = { Digest: 'digest.json', Critical: 'critical.json', Escalation: 'escalation.json' };
const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

function schemaFor(kind: ReminderKind) {
  const line = (field: TextField) =>
    z
      .string()
      .trim()
      .min(1)
      .max(field === 'subject' ? 200 : 2000)
      .superRefine((value, ctx) => {
        if (field === 'subject' && /[\r\n]/.test(value)) ctx.addIssue({ code: 'custom', message: 'a subject is one line' });
        for (const [, name] of value.matchAll(PLACEHOLDER)) {
          if (!PLACEHOLDERS[kind][field].includes(name!)) {
            const allowed = PLACEHOLDERS[kind][field];
            ctx.addIssue({ code: 'custom', message: `{{${name}}} is not available here (${allowed.length > 0 ? allowed.map((p) => `{{${p}}}`).join(', ') : 'no placeholders'})` });
          }
        }
      });
  return z.object(Object.fromEntries(TEXT_FIELDS.map((f) => [f, line(f)])) as Record<TextField, ReturnType<typeof line>>).strict();
}

export class EmailTextError extends Error {
  override readonly name = 'EmailTextError';
}

export function parseEmailText(kind: ReminderKind, json: unknown, source: string): EmailText {
  const parsed = schemaFor(kind).safeParse(json);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new EmailTextError(`${source} is not a valid ${kind.toLowerCase()} email text:\n${lines.join('\n')}`);
}

export const DEFAULT_EMAILS_DIR = fileURLToPath(new URL('../../../workspace-templates/emails/', import.meta.url));

let cached: EmailTexts | undefined;

/** Reads and validates the three email texts (the shipped ones once per process: static data of the code). */
export function loadEmailTexts(dir: string = DEFAULT_EMAILS_DIR): EmailTexts {
  if (dir === DEFAULT_EMAILS_DIR && cached) return cached;
  const texts = {} as EmailTexts;
  for (const kind of Object.keys(FILES) as ReminderKind[]) {
    const path = join(dir, FILES[kind]);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new EmailTextError(`${path} could not be read as JSON: ${(error as Error).message}`, { cause: error });
    }
    texts[kind] = parseEmailText(kind, json, path);
  }
  if (dir === DEFAULT_EMAILS_DIR) cached = texts;
  return texts;
}

/** Fills `{{name}}` placeholders; every placeholder was checked at load time. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
