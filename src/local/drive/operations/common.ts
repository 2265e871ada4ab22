/**
 * Pieces every Drive operation shares: the 404 Drive answers for an unknown ID, resource building with only the
 * extras a `fields` selection needs, metadata validation, and keeping the real-file mirror in step with a row.
 */
import type Database from 'better-sqlite3';
import { extname } from 'node:path';
import { allocatePath, makeFolder, moveEntry, writeBytes } from '../disk.ts';
import { type Selection, selects } from '../fields.ts';
import { GoogleApiError } from '../google-error.ts';
import { fileResource, hasBinaryContent, ownerPermission, permissionResource } from '../resources.ts';
import {
  ancestorIds,
  FOLDER_MIME,
  findFile,
  loadPermissions,
  loadProperties,
  type FileRow,
  type PropertyVisibility,
} from '../store.ts';

export interface DriveCtx {
  db: Database.Database;
  dir: string;
  now: number;
}

/** https://developers.google.com/drive/api/guides/handle-errors#resolve_a_404_error_file_not_found_fileid */
export function fileNotFound(id: string): GoogleApiError {
  return new GoogleApiError(404, {
    reason: 'notFound',
    message: `File not found: ${id}.`,
    location: 'fileId',
    locationType: 'parameter',
  });
}

export function badRequest(message: string, reason = 'badRequest'): GoogleApiError {
  return new GoogleApiError(400, { reason, message });
}

export function requireFile(ctx: DriveCtx, id: string): FileRow {
  const row = findFile(ctx.db, id);
  if (!row) throw fileNotFound(id);
  return row;
}

/** Builds File resources for a page of rows, loading properties and permissions only when selected. */
export function fileResources(ctx: DriveCtx, rows: FileRow[], selection: Selection | null): Record<string, unknown>[] {
  const ids = rows.map((r) => r.id);
  const app = selects(selection, 'appProperties') ? loadProperties(ctx.db, ids, 'app') : undefined;
  const pub = selects(selection, 'properties') ? loadProperties(ctx.db, ids, 'public') : undefined;
  const wantsPermissions = ['permissions', 'permissionIds', 'shared'].some((k) => selects(selection, k));
  return rows.map((row) =>
    fileResource(row, {
      appProperties: app?.get(row.id),
      properties: pub?.get(row.id),
      permissions: wantsPermissions ? effectivePermissions(ctx, row) : undefined,
    }),
  );
}

const ROLE_RANK = ['reader', 'commenter', 'writer', 'fileOrganizer', 'organizer', 'owner'];

/**
 * A file's permissions as Drive lists them: the owner, its own grants and the grants inherited from its folders
 * (a client's folder shared with them makes every document inside readable). One entry per grantee, highest role.
 */
export function effectivePermissions(ctx: DriveCtx, row: FileRow): Record<string, unknown>[] {
  const chain = [row.id, ...ancestorIds(ctx.db, row.id)];
  const byFile = loadPermissions(ctx.db, chain);
  const merged = new Map<string, Record<string, unknown>>();
  for (const fileId of chain) {
    for (const permission of byFile.get(fileId) ?? []) {
      const existing = merged.get(permission.id);
      if (!existing || ROLE_RANK.indexOf(permission.role) > ROLE_RANK.indexOf(String(existing['role']))) {
        merged.set(permission.id, permissionResource(permission));
      }
    }
  }
  return [ownerPermission(), ...merged.values()];
}

/** Reads an optional string field of a request body, naming the field in the 400. */
export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`Invalid value for field '${key}': expected a string.`, 'invalid');
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`Invalid value for field '${key}': expected true or false.`, 'invalid');
  return value;
}

export function optionalTime(body: Record<string, unknown>, key: string): number | undefined {
  const value = optionalString(body, key);
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
    throw badRequest(`Invalid value for field '${key}': '${value}' is not an RFC 3339 date-time.`, 'invalid');
  }
  return ms;
}

/**
 * appProperties / properties from a body: string values, `null` to delete (update only). Drive limits each key plus
 * value to 124 bytes (https://developers.google.com/drive/api/guides/properties).
 */
export function propertiesPatch(
  body: Record<string, unknown>,
  key: 'appProperties' | 'properties',
): Record<string, string | null> | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`Invalid value for field '${key}': expected an object of string values.`, 'invalid');
  }
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== null && typeof v !== 'string') {
      throw badRequest(`Invalid value for ${key}.${k}: property values must be strings.`, 'invalid');
    }
    if (Buffer.byteLength(k) + Buffer.byteLength(v ?? '') > 124) {
      throw badRequest(`The ${key} entry '${k}' is too large: a key plus its value may not exceed 124 bytes.`, 'invalid');
    }
    out[k] = v;
  }
  return out;
}

export const PROPERTY_VISIBILITY: Record<'appProperties' | 'properties', PropertyVisibility> = {
  appProperties: 'app',
  properties: 'public',
};

const MIME_BY_EXTENSION: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.html': 'text/html',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Drive detects a type from the name when the upload says only application/octet-stream. */
export function resolveMimeType(explicit: string | undefined, mediaType: string | undefined, name: string): string {
  if (explicit) return explicit;
  if (mediaType && mediaType !== 'application/octet-stream') return mediaType;
  return MIME_BY_EXTENSION[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Refuses media for folders and Google Docs types (conversion on upload is not emulated). */
export function assertCanHoldBytes(mimeType: string): void {
  if (mimeType === FOLDER_MIME) throw badRequest('A folder cannot have content.');
  if (!hasBinaryContent(mimeType)) {
    throw badRequest(`Converting uploads to ${mimeType} is not emulated by the local workspace.`);
  }
}

/**
 * Puts a row's file or folder where its name and parent say, moving it (and, for a folder, rewriting its
 * descendants' stored paths) when a rename or move changed that place, and writing new bytes if given.
 */
export function syncDisk(ctx: DriveCtx, row: FileRow, parent: FileRow, media?: Buffer): void {
  const isFolder = row.mime_type === FOLDER_MIME;
  if (!isFolder && !hasBinaryContent(row.mime_type)) return; // Google Docs types have no bytes
  const target = allocatePath(ctx.db, ctx.dir, row, parent.disk_path ?? '');
  const previous = row.disk_path;
  if (previous !== null && previous !== target) {
    moveEntry(ctx.dir, previous, target);
    if (isFolder) {
      ctx.db
        .prepare('UPDATE drive_files SET disk_path = ? || substr(disk_path, ?) WHERE substr(disk_path, 1, ?) = ?')
        .run(`${target}/`, previous.length + 2, previous.length + 1, `${previous}/`);
    }
  }
  row.disk_path = target;
  ctx.db.prepare('UPDATE drive_files SET disk_path = ? WHERE id = ?').run(target, row.id);
  if (isFolder) makeFolder(ctx.dir, target);
  else if (media !== undefined) writeBytes(ctx.dir, target, media);
  else if (previous === null) writeBytes(ctx.dir, target, Buffer.alloc(0));
}
