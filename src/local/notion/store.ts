/**
 * The Notion part of the workspace database: databases, data sources, pages, blocks and comments, each a row with
 * its structured parts as JSON. `seq` keeps creation order (ties between equal timestamps, block order is `ord`).
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Json } from './request-body.ts';
import type { RichTextItem } from './rich-text.ts';
import type { PropertySchema } from './property-schema.ts';

export type PageParent =
  | { type: 'data_source_id'; data_source_id: string; database_id: string }
  | { type: 'page_id'; page_id: string }
  | { type: 'workspace'; workspace: true };

export type DatabaseParent = { type: 'page_id'; page_id: string } | { type: 'workspace'; workspace: true };

export interface DatabaseRow {
  id: string;
  parent: DatabaseParent;
  title: RichTextItem[];
  description: RichTextItem[];
  is_inline: boolean;
  icon: Json | null;
  cover: Json | null;
  in_trash: boolean;
  is_locked: boolean;
  created_time: string;
  last_edited_time: string;
}

export interface DataSourceRow {
  id: string;
  database_id: string;
  title: RichTextItem[];
  description: RichTextItem[];
  properties: PropertySchema[];
  icon: Json | null;
  in_trash: boolean;
  created_time: string;
  last_edited_time: string;
  seq: number;
}

export interface PageRow {
  id: string;
  parent: PageParent;
  data_source_id: string | null;
  /** Values keyed by property ID, in response form without `id` (a plain page has only `title`). */
  properties: Record<string, Json>;
  icon: Json | null;
  cover: Json | null;
  in_trash: boolean;
  is_archived: boolean;
  is_locked: boolean;
  created_time: string;
  last_edited_time: string;
  seq: number;
}

export interface BlockRow {
  id: string;
  parent_type: 'page_id' | 'block_id';
  parent_id: string;
  type: string;
  content: Json;
  ord: number;
  in_trash: boolean;
  created_time: string;
  last_edited_time: string;
}

export interface CommentRow {
  id: string;
  discussion_id: string;
  parent_type: 'page_id' | 'block_id';
  parent_id: string;
  rich_text: RichTextItem[];
  display_name: Json;
  created_time: string;
  last_edited_time: string;
  seq: number;
}

const TABLES = ['notion_comments', 'notion_blocks', 'notion_pages', 'notion_data_sources', 'notion_databases', 'notion_meta'];

export function migrateNotion(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS notion_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS notion_databases (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS notion_data_sources (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, database_id TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS notion_data_sources_db ON notion_data_sources (database_id);
    CREATE TABLE IF NOT EXISTS notion_pages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, data_source_id TEXT, data TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS notion_pages_ds ON notion_pages (data_source_id);
    CREATE TABLE IF NOT EXISTS notion_blocks (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, parent_id TEXT NOT NULL, ord INTEGER NOT NULL,
      data TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS notion_blocks_parent ON notion_blocks (parent_id, ord);
    CREATE TABLE IF NOT EXISTS notion_comments (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, parent_id TEXT NOT NULL,
      discussion_id TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS notion_comments_parent ON notion_comments (parent_id);
  `);
}

export function resetNotion(db: Database.Database): void {
  for (const table of TABLES) db.prepare(`DELETE FROM ${table}`).run();
}

type Stored = { seq: number; data: string };

/** Typed access to the Notion tables. Every write happens inside the caller's handler, one request at a time. */
export class NotionStore {
  constructor(private readonly db: Database.Database) {}

  /** The integration's bot user, stable for the life of the workspace database. */
  botId(): string {
    const row = this.db.prepare('SELECT value FROM notion_meta WHERE key = ?').get('bot_id') as { value: string } | undefined;
    if (row) return row.value;
    const id = randomUUID();
    this.db.prepare('INSERT INTO notion_meta (key, value) VALUES (?, ?)').run('bot_id', id);
    return id;
  }

  /** The next number of a `unique_id` property (1, 2, 3… per data source property). */
  nextUniqueNumber(dataSourceId: string, propertyIdValue: string): number {
    const key = `unique:${dataSourceId}:${propertyIdValue}`;
    const row = this.db.prepare('SELECT value FROM notion_meta WHERE key = ?').get(key) as { value: string } | undefined;
    const next = (row ? Number(row.value) : 0) + 1;
    this.db.prepare('INSERT INTO notion_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, String(next));
    return next;
  }

  // Databases
  getDatabase(id: string): DatabaseRow | undefined {
    return this.one<DatabaseRow>('notion_databases', id);
  }
  putDatabase(row: DatabaseRow): void {
    this.db
      .prepare('INSERT INTO notion_databases (id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data')
      .run(row.id, JSON.stringify(row));
  }

  // Data sources
  getDataSource(id: string): DataSourceRow | undefined {
    return this.one<DataSourceRow>('notion_data_sources', id);
  }
  dataSourcesOf(databaseId: string): DataSourceRow[] {
    const rows = this.db.prepare('SELECT seq, data FROM notion_data_sources WHERE database_id = ? ORDER BY seq').all(databaseId) as Stored[];
    return rows.map((r) => ({ ...(JSON.parse(r.data) as DataSourceRow), seq: r.seq }));
  }
  allDataSources(): DataSourceRow[] {
    const rows = this.db.prepare('SELECT seq, data FROM notion_data_sources ORDER BY seq').all() as Stored[];
    return rows.map((r) => ({ ...(JSON.parse(r.data) as DataSourceRow), seq: r.seq }));
  }
  putDataSource(row: DataSourceRow): void {
    this.db
      .prepare(
        'INSERT INTO notion_data_sources (id, database_id, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data',
      )
      .run(row.id, row.database_id, JSON.stringify(row));
  }

  // Pages
  getPage(id: string): PageRow | undefined {
    return this.one<PageRow>('notion_pages', id);
  }
  pagesOf(dataSourceId: string): PageRow[] {
    const rows = this.db.prepare('SELECT seq, data FROM notion_pages WHERE data_source_id = ? ORDER BY seq').all(dataSourceId) as Stored[];
    return rows.map((r) => ({ ...(JSON.parse(r.data) as PageRow), seq: r.seq }));
  }
  allPages(): PageRow[] {
    const rows = this.db.prepare('SELECT seq, data FROM notion_pages ORDER BY seq').all() as Stored[];
    return rows.map((r) => ({ ...(JSON.parse(r.data) as PageRow), seq: r.seq }));
  }
  /** Inserts or updates; returns the row with its creation `seq`. */
  putPage(row: Omit<PageRow, 'seq'> & { seq?: number }): PageRow {
    this.db
      .prepare('INSERT INTO notion_pages (id, data_source_id, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data')
      .run(row.id, row.data_source_id, JSON.stringify(row));
    return this.getPage(row.id) as PageRow;
  }

  // Blocks
  getBlock(id: string): BlockRow | undefined {
    const row = this.db.prepare('SELECT ord, data FROM notion_blocks WHERE id = ?').get(id) as { ord: number; data: string } | undefined;
    return row ? { ...(JSON.parse(row.data) as BlockRow), ord: row.ord } : undefined;
  }
  /** Children in order; trashed ones only when asked. */
  childrenOf(parentId: string, includeTrashed = false): BlockRow[] {
    const rows = this.db.prepare('SELECT ord, data FROM notion_blocks WHERE parent_id = ? ORDER BY ord').all(parentId) as {
      ord: number;
      data: string;
    }[];
    const blocks = rows.map((r) => ({ ...(JSON.parse(r.data) as BlockRow), ord: r.ord }));
    return includeTrashed ? blocks : blocks.filter((b) => !b.in_trash);
  }
  hasChildren(parentId: string): boolean {
    const rows = this.db.prepare('SELECT data FROM notion_blocks WHERE parent_id = ?').all(parentId) as { data: string }[];
    return rows.some((r) => !(JSON.parse(r.data) as BlockRow).in_trash);
  }
  /** The `ord` for `count` new children inserted after `afterOrd` (or at the end), shifting later siblings. */
  reserveOrd(parentId: string, count: number, afterOrd: number | 'start' | 'end'): number {
    if (afterOrd === 'end') {
      const max = this.db.prepare('SELECT MAX(ord) AS m FROM notion_blocks WHERE parent_id = ?').get(parentId) as { m: number | null };
      return (max.m ?? -1) + 1;
    }
    const from = afterOrd === 'start' ? 0 : afterOrd + 1;
    this.db.prepare('UPDATE notion_blocks SET ord = ord + ? WHERE parent_id = ? AND ord >= ?').run(count, parentId, from);
    return from;
  }
  putBlock(row: BlockRow): void {
    this.db
      .prepare(
        `INSERT INTO notion_blocks (id, parent_id, ord, data) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, data = excluded.data`,
      )
      .run(row.id, row.parent_id, row.ord, JSON.stringify(row));
  }

  // Comments
  getComment(id: string): CommentRow | undefined {
    return this.one<CommentRow>('notion_comments', id);
  }
  commentsOf(parentId: string): CommentRow[] {
    const rows = this.db.prepare('SELECT seq, data FROM notion_comments WHERE parent_id = ? ORDER BY seq').all(parentId) as Stored[];
    return rows.map((r) => ({ ...(JSON.parse(r.data) as CommentRow), seq: r.seq }));
  }
  firstOfDiscussion(discussionId: string): CommentRow | undefined {
    const row = this.db.prepare('SELECT seq, data FROM notion_comments WHERE discussion_id = ? ORDER BY seq LIMIT 1').get(discussionId) as
      | Stored
      | undefined;
    return row ? { ...(JSON.parse(row.data) as CommentRow), seq: row.seq } : undefined;
  }
  addComment(row: Omit<CommentRow, 'seq'>): CommentRow {
    this.db
      .prepare('INSERT INTO notion_comments (id, parent_id, discussion_id, data) VALUES (?, ?, ?, ?)')
      .run(row.id, row.parent_id, row.discussion_id, JSON.stringify(row));
    return this.getComment(row.id) as CommentRow;
  }

  private one<T>(table: string, id: string): T | undefined {
    const row = this.db.prepare(`SELECT seq, data FROM ${table} WHERE id = ?`).get(id) as Stored | undefined;
    return row ? ({ ...(JSON.parse(row.data) as T), seq: row.seq } as T) : undefined;
  }
}

/** Notion reports created/edited times to the minute (`…T10:42:00.000Z`); the workspace does the same. */
export function notionTimestamp(nowMs: number): string {
  return new Date(Math.floor(nowMs / 60_000) * 60_000).toISOString();
}
