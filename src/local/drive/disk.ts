/**
 * The real-file mirror of Drive under `<dir>/drive/`, so a person can open what the jobs produced:
 * `<dir>/drive/<folder>/<sub folder>/<file name>`. Names are made safe for every file system, and two Drive items
 * that would land on the same path (Drive allows duplicate names) are told apart by a short ID suffix. The path
 * each item got is kept in `drive_files.disk_path`, so renames and moves rename the directory entry instead of
 * recomputing it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { FileRow } from './store.ts';

const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_NAME_BYTES = 180;

export function driveRoot(dir: string): string {
  return join(dir, 'drive');
}

/** A file-system-safe version of a Drive name ("Q1/Q2 report?.pdf" → "Q1_Q2 report_.pdf"). */
export function sanitizeName(name: string): string {
  let safe = name.replace(UNSAFE, '_').replace(/[. ]+$/, '').trim();
  if (safe === '' || safe === '.' || safe === '..') safe = '_';
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
  if (Buffer.byteLength(safe) > MAX_NAME_BYTES) {
    const ext = extname(safe).slice(0, 20);
    let stem = safe.slice(0, safe.length - ext.length);
    while (Buffer.byteLength(stem + ext) > MAX_NAME_BYTES) stem = stem.slice(0, -1);
    safe = stem + ext;
  }
  return safe;
}

/**
 * The path (relative to `<dir>/drive`) an item should have under its parent. A name already used by another item
 * there (case-insensitively, for macOS and Windows) or by a stray file gets the item's ID as a suffix.
 */
export function allocatePath(db: Database.Database, dir: string, row: FileRow, parentPath: string): string {
  const safe = sanitizeName(row.name);
  const candidate = parentPath === '' ? safe : `${parentPath}/${safe}`;
  // Its own current path (maybe in another letter case, which a rename may change) is never a clash.
  if (row.disk_path !== null && row.disk_path.toLowerCase() === candidate.toLowerCase()) return candidate;
  if (isFree(db, dir, candidate, row.id)) return candidate;
  const isFolder = row.mime_type === 'application/vnd.google-apps.folder';
  const ext = isFolder ? '' : extname(safe);
  const stem = safe.slice(0, safe.length - ext.length);
  const suffixed = `${stem} (${row.id.slice(0, 10)})${ext}`;
  return parentPath === '' ? suffixed : `${parentPath}/${suffixed}`;
}

function isFree(db: Database.Database, dir: string, candidate: string, ownId: string): boolean {
  const taken = db
    .prepare('SELECT id FROM drive_files WHERE disk_path = ? COLLATE NOCASE AND id <> ? LIMIT 1')
    .get(candidate, ownId);
  return !taken && !existsSync(join(driveRoot(dir), candidate));
}

export function absolutePath(dir: string, diskPath: string): string {
  return join(driveRoot(dir), ...diskPath.split('/'));
}

/** Writes bytes through a temporary name, so a reader never sees half a file. */
export function writeBytes(dir: string, diskPath: string, bytes: Buffer): void {
  const target = absolutePath(dir, diskPath);
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.partial`;
  writeFileSync(temp, bytes);
  renameSync(temp, target);
}

export function makeFolder(dir: string, diskPath: string): void {
  mkdirSync(absolutePath(dir, diskPath), { recursive: true });
}

export function readBytes(dir: string, diskPath: string): Buffer {
  return readFileSync(absolutePath(dir, diskPath));
}

/** Moves an item's file or directory; descendants' stored paths are rewritten by the caller in the same transaction. */
export function moveEntry(dir: string, from: string, to: string): void {
  if (from === to) return;
  const source = absolutePath(dir, from);
  const target = absolutePath(dir, to);
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(source)) renameSync(source, target);
}

export function removeEntry(dir: string, diskPath: string): void {
  if (diskPath === '') return;
  rmSync(absolutePath(dir, diskPath), { recursive: true, force: true });
}

export function emptyDriveTree(dir: string): void {
  rmSync(driveRoot(dir), { recursive: true, force: true });
  mkdirSync(driveRoot(dir), { recursive: true });
}

export interface Checksums {
  size: number;
  md5: string;
  sha1: string;
  sha256: string;
}

export function checksums(bytes: Buffer): Checksums {
  const hex = (algorithm: string) => createHash(algorithm).update(bytes).digest('hex');
  return { size: bytes.length, md5: hex('md5'), sha1: hex('sha1'), sha256: hex('sha256') };
}
