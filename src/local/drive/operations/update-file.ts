/**
 * files.update: metadata (`PATCH /drive/v3/files/{id}?addParents=&removeParents=`) and/or new bytes
 * (`PATCH /upload/drive/v3/files/{id}?uploadType=multipart|media`). The ID stays, `version` goes up, a rename or
 * move moves the real file. https://developers.google.com/drive/api/reference/rest/v3/files/update
 */
import { checksums } from '../disk.ts';
import { GoogleApiError } from '../google-error.ts';
import { hasBinaryContent } from '../resources.ts';
import { ancestorIds, descendantIds, FOLDER_MIME, patchProperties, updateFile, type FileRow } from '../store.ts';
import {
  assertCanHoldBytes,
  badRequest,
  type DriveCtx,
  optionalBoolean,
  optionalString,
  optionalTime,
  PROPERTY_VISIBILITY,
  propertiesPatch,
  requireFile,
  syncDisk,
} from './common.ts';
import { checkBodyFields, type NewContent } from './create-file.ts';

const UPDATE_FIELDS = new Set([
  'name', 'mimeType', 'appProperties', 'properties', 'description', 'starred', 'trashed', 'modifiedTime',
  'originalFilename', 'kind',
]);

export interface ParentChange {
  add: string[];
  remove: string[];
}

export function updateFileMetadata(
  ctx: DriveCtx,
  fileId: string,
  body: Record<string, unknown>,
  parents: ParentChange,
  content?: NewContent,
): FileRow {
  const row = { ...requireFile(ctx, fileId) };
  if (row.is_root === 1) {
    throw new GoogleApiError(403, {
      reason: 'insufficientFilePermissions',
      message: 'The user does not have sufficient permissions for this file.',
    });
  }
  if (body['createdTime'] !== undefined) {
    throw new GoogleApiError(403, { reason: 'fieldNotWritable', message: 'The createdTime field can only be set on create.' });
  }
  checkBodyFields(body, UPDATE_FIELDS);

  const name = optionalString(body, 'name');
  if (name !== undefined) row.name = name;
  const mimeType = optionalString(body, 'mimeType');
  if (mimeType !== undefined && mimeType !== row.mime_type) {
    if (row.mime_type === FOLDER_MIME || mimeType === FOLDER_MIME || !hasBinaryContent(row.mime_type) || !hasBinaryContent(mimeType)) {
      throw badRequest(`The mimeType of ${row.id} cannot change from ${row.mime_type} to ${mimeType}.`, 'invalid');
    }
    row.mime_type = mimeType;
  } else if (mimeType === undefined && content && content.mediaType !== 'application/octet-stream') {
    if (hasBinaryContent(row.mime_type) && row.mime_type !== FOLDER_MIME) row.mime_type = content.mediaType;
  }
  const description = optionalString(body, 'description');
  if (description !== undefined) row.description = description;
  const starred = optionalBoolean(body, 'starred');
  if (starred !== undefined) row.starred = starred ? 1 : 0;
  const originalFilename = optionalString(body, 'originalFilename');
  if (originalFilename !== undefined && hasBinaryContent(row.mime_type)) row.original_filename = originalFilename;

  const parent = resolveNewParent(ctx, row, parents);
  row.parent_id = parent.id;

  let bytes: Buffer | undefined;
  if (content) {
    assertCanHoldBytes(row.mime_type);
    bytes = content.media;
    const sums = checksums(bytes);
    Object.assign(row, { size: sums.size, md5: sums.md5, sha1: sums.sha1, sha256: sums.sha256 });
  }

  const trashed = optionalBoolean(body, 'trashed');
  row.version += 1;
  row.modified_ms = optionalTime(body, 'modifiedTime') ?? ctx.now;
  if (trashed !== undefined) applyTrash(ctx, row, trashed);
  updateFile(ctx.db, row);
  for (const key of ['appProperties', 'properties'] as const) {
    const patch = propertiesPatch(body, key);
    if (patch) patchProperties(ctx.db, row.id, PROPERTY_VISIBILITY[key], patch);
  }
  syncDisk(ctx, row, parent, bytes);
  return row;
}

/** My Drive items have exactly one parent: a move is addParents=<new>&removeParents=<old>. */
function resolveNewParent(ctx: DriveCtx, row: FileRow, change: ParentChange): FileRow {
  const current = row.parent_id === null ? [] : [row.parent_id];
  const added = change.add.map((id) => requireFile(ctx, id));
  const removed = new Set(change.remove.map((id) => (id === 'root' ? requireFile(ctx, 'root').id : id)));
  const next = [...current.filter((id) => !removed.has(id)), ...added.map((p) => p.id)];
  const unique = [...new Set(next)];
  if (unique.length > 1) {
    throw new GoogleApiError(403, { reason: 'cannotAddParent', message: 'Increasing the number of parents is not allowed.' });
  }
  if (unique.length === 0) {
    throw badRequest(`File ${row.id} must keep one parent: pass addParents together with removeParents to move it.`);
  }
  const parent = requireFile(ctx, unique[0] as string);
  if (parent.mime_type !== FOLDER_MIME) throw badRequest(`The parent ${parent.id} is not a folder.`, 'invalidParent');
  if (parent.id === row.id || ancestorIds(ctx.db, parent.id).includes(row.id)) {
    throw badRequest(`Moving ${row.id} into ${parent.id} would put a folder inside itself.`, 'invalidParent');
  }
  return parent;
}

/**
 * Trashing a folder trashes everything under it (explicitlyTrashed only on the folder); restoring it restores the
 * items that were not trashed on their own. https://developers.google.com/drive/api/guides/delete
 */
function applyTrash(ctx: DriveCtx, row: FileRow, trashed: boolean): void {
  row.trashed = trashed ? 1 : 0;
  row.explicitly_trashed = trashed ? 1 : 0;
  const ids = row.mime_type === FOLDER_MIME ? descendantIds(ctx.db, row.id) : [];
  if (ids.length === 0) return;
  const sql = trashed
    ? 'UPDATE drive_files SET trashed = 1 WHERE id IN (SELECT value FROM json_each(?))'
    : 'UPDATE drive_files SET trashed = 0 WHERE explicitly_trashed = 0 AND id IN (SELECT value FROM json_each(?))';
  ctx.db.prepare(sql).run(JSON.stringify(ids));
}
