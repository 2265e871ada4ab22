/**
 * What a workspace holds after a cycle, read straight from the local workspace's SQLite file (read-only, next to
 * the running server): Airtable rows per table by key, Notion pages per portal, Drive files per folder, sent mails.
 * Record IDs differ between two workspaces, so every `rec…` in a key is replaced by the record's own table and
 * primary value; each item is an identity string, counted (a count of 2 where the reference has 1 is a twin).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface Snapshot {
  /** Area ("airtable:Alerts", "notion", "drive", "gmail") → identity → count. */
  areas: Map<string, Map<string, number>>;
  /** Message-IDs that were sent more than once. */
  duplicateMessageIds: string[];
}

const REC = /rec[A-Za-z0-9]{14}/g;

export function takeSnapshot(dir: string): Snapshot {
  const db = new Database(join(dir, 'workspace.db'), { readonly: true, fileMustExist: true });
  try {
    const areas = new Map<string, Map<string, number>>();
    const add = (area: string, identity: string) => {
      const counts = areas.get(area) ?? new Map<string, number>();
      counts.set(identity, (counts.get(identity) ?? 0) + 1);
      areas.set(area, counts);
    };
    airtable(db, add);
    notion(db, add);
    drive(db, add);
    const duplicateMessageIds = gmail(db, add);
    return { areas, duplicateMessageIds };
  } finally {
    db.close();
  }
}

type Add = (area: string, identity: string) => void;

function airtable(db: Database.Database, add: Add): void {
  const tables = db.prepare('SELECT id, name, primary_field_id FROM airtable_tables').all() as { id: string; name: string; primary_field_id: string }[];
  const fields = new Map<string, string>();
  /** Select choices are stored by choice ID: read them back by name, as the API answers. */
  const choices = new Map<string, string>();
  for (const f of db.prepare('SELECT id, name, options FROM airtable_fields').all() as { id: string; name: string; options: string | null }[]) {
    fields.set(f.id, f.name);
    const options = f.options ? (JSON.parse(f.options) as { choices?: { id?: string; name?: string }[] }) : undefined;
    for (const c of options?.choices ?? []) if (c.id && c.name) choices.set(c.id, c.name);
  }
  const choice = (value: unknown): unknown =>
    typeof value === 'string' ? (choices.get(value) ?? value) : Array.isArray(value) ? value.map(choice) : value;
  const rows = db.prepare('SELECT id, table_id, cells FROM airtable_records').all() as { id: string; table_id: string; cells: string }[];
  const tableOf = new Map(tables.map((t) => [t.id, t]));
  const named = rows.map((r) => {
    const raw = JSON.parse(r.cells) as Record<string, unknown>;
    const cells: Record<string, unknown> = {};
    for (const [id, value] of Object.entries(raw)) cells[fields.get(id) ?? id] = choice(value);
    const table = tableOf.get(r.table_id);
    return { id: r.id, table: table?.name ?? '?', primary: String(raw[table?.primary_field_id ?? ''] ?? ''), cells };
  });
  const nameOf = new Map(named.map((r) => [r.id, `${r.table}:${r.primary}`]));
  const unref = (text: string) => text.replace(REC, (id) => `<${nameOf.get(id) ?? 'deleted record'}>`);
  const text = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));
  for (const r of named) {
    const c = r.cells;
    let identity = unref(r.primary);
    if (r.table === 'Alerts') identity = `${unref(text(c['Key']))} | ${text(c['Severity'])} | ${text(c['Status'])}`;
    else if (r.table === 'Outbox') identity = `${text(c['Kind'])} | ${text(c['To'])} | ${text(c['Subject'])} | ${text(c['State'])}`;
    else if (r.table === 'Milestones') identity = `${r.primary} | ${text(c['Baseline date'])} | ${text(c['Planned date'])} | ${text(c['Actual date'])}`;
    // Content hashes cover record IDs, so they differ between workspaces: the Drive files' bytes (md5) are compared instead.
    else if (r.table === 'Documents') identity = `${r.primary} | ${text(c['Kind'])}`;
    add(`airtable:${r.table}`, identity);
  }
}

function notion(db: Database.Database, add: Add): void {
  const pages = db.prepare('SELECT id, data_source_id, data FROM notion_pages').all() as { id: string; data_source_id: string | null; data: string }[];
  const dataSources = new Map((db.prepare('SELECT id, database_id FROM notion_data_sources').all() as { id: string; database_id: string }[]).map((d) => [d.id, d.database_id]));
  const databases = new Map((db.prepare('SELECT id, data FROM notion_databases').all() as { id: string; data: string }[]).map((d) => [d.id, JSON.parse(d.data) as NotionObject]));
  const parsed = new Map(pages.map((p) => [p.id, JSON.parse(p.data) as NotionObject]));
  const titleOfPage = (page: NotionObject | undefined) => {
    const prop = Object.values(page?.properties ?? {}).find((p) => p.type === 'title');
    return (prop?.title ?? []).map((t) => t.plain_text ?? t.text?.content ?? '').join('');
  };
  const titleOfDatabase = (database: NotionObject | undefined) => (database?.title ?? []).map((t) => t.plain_text ?? t.text?.content ?? '').join('');
  /** The portal page a page belongs to: its parent page, or the page that holds its database. */
  const container = (page: NotionObject, dataSourceId: string | null): string => {
    if (dataSourceId) {
      const database = databases.get(dataSources.get(dataSourceId) ?? '');
      const holder = parsed.get(database?.parent?.page_id ?? '');
      return `${titleOfPage(holder)} / ${titleOfDatabase(database)}`;
    }
    return titleOfPage(parsed.get(page.parent?.page_id ?? '')) || page.parent?.type || '?';
  };
  for (const p of pages) {
    const page = parsed.get(p.id)!;
    if (page.in_trash || page.archived) continue;
    add('notion', `${container(page, p.data_source_id)} / ${titleOfPage(page)}`);
  }
  for (const database of databases.values()) {
    if (database.in_trash || database.archived) continue;
    add('notion', `${titleOfPage(parsed.get(database.parent?.page_id ?? ''))} / [database] ${titleOfDatabase(database)}`);
  }
}

interface NotionText {
  plain_text?: string;
  text?: { content?: string };
}
interface NotionObject {
  in_trash?: boolean;
  archived?: boolean;
  parent?: { type?: string; page_id?: string };
  title?: NotionText[];
  properties?: Record<string, { type?: string; title?: NotionText[] }>;
}

function drive(db: Database.Database, add: Add): void {
  const files = db.prepare('SELECT id, name, parent_id, mime_type, trashed, md5, is_root FROM drive_files').all() as
    { id: string; name: string; parent_id: string | null; mime_type: string; trashed: number; md5: string | null; is_root: number }[];
  const byId = new Map(files.map((f) => [f.id, f]));
  const path = (id: string | null): string => {
    const parts: string[] = [];
    for (let f = id ? byId.get(id) : undefined; f && !f.is_root; f = f.parent_id ? byId.get(f.parent_id) : undefined) parts.unshift(f.name);
    return parts.join('/');
  };
  for (const f of files) {
    if (f.trashed || f.is_root) continue;
    const folder = f.mime_type === 'application/vnd.google-apps.folder';
    add('drive', `${path(f.parent_id)}/${f.name}${folder ? '/' : ` (md5 ${f.md5 ?? '?'})`}`);
  }
}

function gmail(db: Database.Database, add: Add): string[] {
  const mails = db.prepare("SELECT to_header, subject, message_id_header FROM gmail_messages WHERE label_ids LIKE '%SENT%'").all() as
    { to_header: string; subject: string; message_id_header: string }[];
  const seen = new Map<string, number>();
  for (const m of mails) {
    add('gmail', `${m.to_header} | ${m.subject}`);
    seen.set(m.message_id_header, (seen.get(m.message_id_header) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

export interface Difference {
  area: string;
  identity: string;
  expected: number;
  actual: number;
  /** duplicated: more than the reference (twins, or false alerts/mails); lost: fewer. */
  kind: 'duplicated' | 'lost';
}

/** Every identity whose count differs from the reference. */
export function compareSnapshots(reference: Snapshot, actual: Snapshot): Difference[] {
  const out: Difference[] = [];
  const areas = new Set([...reference.areas.keys(), ...actual.areas.keys()]);
  for (const area of [...areas].sort()) {
    const ref = reference.areas.get(area) ?? new Map<string, number>();
    const got = actual.areas.get(area) ?? new Map<string, number>();
    for (const identity of new Set([...ref.keys(), ...got.keys()])) {
      const expected = ref.get(identity) ?? 0;
      const count = got.get(identity) ?? 0;
      if (count !== expected) out.push({ area, identity, expected, actual: count, kind: count > expected ? 'duplicated' : 'lost' });
    }
  }
  for (const id of actual.duplicateMessageIds) out.push({ area: 'gmail', identity: `Message-ID ${id}`, expected: 1, actual: 2, kind: 'duplicated' });
  return out;
}
