/**
 * files.create, metadata only (`POST /drive/v3/files`) or with bytes (`POST /upload/drive/v3/files?uploadType=
 * multipart|media`). https://developers.google.com/drive/api/reference/rest/v3/files/create
 */
import { checksums } from '../disk.ts';
import { driveId } from '../../ids.ts';
import { GoogleApiError } from '../google-error.ts';
import { hasBinaryContent } from '../resources.ts';
import { FOLDER_MIME, insertFile, patchProperties, rootRow, type FileRow } from '../store.ts';
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
  resolveMimeType,
  syncDisk,
} from './common.ts';

/** Body fields files.create accepts here; real writable fields we do not emulate are refused by name. */
const CREATE_FIELDS = new Set([
  'name', 'mimeType', 'parents', 'appProperties', 'properties', 'description', 'starred', 'modifiedTime',
  'createdTime', 'originalFilename', 'kind',
]);
const READ_ONLY_FIELDS = new Set([
  'id', 'size', 'md5Checksum', 'sha1Checksum', 'sha256Checksum', 'version', 'webViewLink', 'webContentLink',
  'owners', 'ownedByMe', 'permissions', 'permissionIds', 'shared', 'spaces', 'quotaBytesUsed', 'trashed',
  'explicitlyTrashed', 'fileExtension', 'fullFileExtension', 'headRevisionId', 'iconLink', 'capabilities',
]);

export function checkBodyFields(body: Record<string, unknown>, allowed: ReadonlySet<string>): void {
  for (const key of Object.keys(body)) {
    if (allowed.has(key)) continue;
    if (key === 'parents') {
      throw new GoogleApiError(403, {
        reason: 'fieldNotWritable',
        message:
          'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
      });
    }
    if (READ_ONLY_FIELDS.has(key)) {
      throw new GoogleApiError(403, {
        reason: 'fieldNotWritable',
        message: `The resource body includes fields which are not directly writable: ${key}.`,
      });
    }
    throw badRequest(`Field '${key}' of the File body is not emulated by the local workspace (or does not exist).`, 'invalid');
  }
}

export interface NewContent {
  media: Buffer;
  mediaType: string;
}

export function createFile(ctx: DriveCtx, body: Record<string, unknown>, content?: NewContent): FileRow {
  checkBodyFields(body, CREATE_FIELDS);
  const parentIds = body['parents'];
  if (parentIds !== undefined && (!Array.isArray(parentIds) || parentIds.some((p) => typeof p !== 'string'))) {
    throw badRequest("Invalid value for field 'parents': expected an array of folder IDs.", 'invalid');
  }
  if (Array.isArray(parentIds) && parentIds.length > 1) {
    throw new GoogleApiError(403, { reason: 'cannotAddParent', message: 'Increasing the number of parents is not allowed.' });
  }
  const parent = parentIds?.[0] === undefined ? rootRow(ctx.db) : requireFile(ctx, String(parentIds[0]));
  if (parent.mime_type !== FOLDER_MIME) throw badRequest(`The parent ${parent.id} is not a folder.`, 'invalidParent');

  const name = optionalString(body, 'name') ?? 'Untitled';
  const mimeType = resolveMimeType(optionalString(body, 'mimeType'), content?.mediaType, name);
  if (content) assertCanHoldBytes(mimeType);
  const appProperties = propertiesPatch(body, 'appProperties');
  const properties = propertiesPatch(body, 'properties');
  const binary = mimeType !== FOLDER_MIME && hasBinaryContent(mimeType);
  const bytes = binary ? (content?.media ?? Buffer.alloc(0)) : undefined;
  const sums = bytes ? checksums(bytes) : undefined;
  const createdMs = optionalTime(body, 'createdTime') ?? ctx.now;

  const row: FileRow = {
    id: driveId(),
    name,
    mime_type: mimeType,
    parent_id: parent.id,
    description: optionalString(body, 'description') ?? null,
    starred: optionalBoolean(body, 'starred') ? 1 : 0,
    trashed: 0,
    explicitly_trashed: 0,
    created_ms: createdMs,
    modified_ms: optionalTime(body, 'modifiedTime') ?? ctx.now,
    version: 1,
    size: sums?.size ?? null,
    md5: sums?.md5 ?? null,
    sha1: sums?.sha1 ?? null,
    sha256: sums?.sha256 ?? null,
    original_filename: binary ? (optionalString(body, 'originalFilename') ?? name) : null,
    disk_path: null,
    is_root: 0,
  };
  insertFile(ctx.db, row);
  for (const key of ['appProperties', 'properties'] as const) {
    const patch = key === 'appProperties' ? appProperties : properties;
    if (patch) patchProperties(ctx.db, row.id, PROPERTY_VISIBILITY[key], patch);
  }
  syncDisk(ctx, row, parent, bytes);
  return row;
}
