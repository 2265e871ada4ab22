/**
 * permissions.create / list / get / delete under `/drive/v3/files/{id}/permissions`.
 * https://developers.google.com/drive/api/reference/rest/v3/permissions
 * A grant to an address that already has one updates its role (Drive keeps one permission per grantee, with the
 * grantee's stable permission ID). `sendNotificationEmail` defaults to true for users and groups; the moment
 * Drive would have emailed them is recorded for the viewer, no mail is written.
 */
import { GoogleApiError } from '../google-error.ts';
import type { QueryParams } from '../params.ts';
import { ownerPermissionId, permissionIdFor, permissionResource } from '../resources.ts';
import type { PermissionRow } from '../store.ts';
import { badRequest, type DriveCtx, effectivePermissions, optionalBoolean, optionalString, requireFile } from './common.ts';

export const PERMISSION_CREATE_PARAMS = [
  'emailMessage', 'enforceExpansiveAccess', 'enforceSingleParent', 'moveToNewOwnersRoot', 'sendNotificationEmail',
  'supportsAllDrives', 'supportsTeamDrives', 'transferOwnership', 'useDomainAdminAccess',
];
export const PERMISSION_READ_PARAMS = [
  'includePermissionsForView', 'pageSize', 'pageToken', 'supportsAllDrives', 'supportsTeamDrives', 'useDomainAdminAccess',
];

const ROLES = ['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];
const TYPES = ['user', 'group', 'domain', 'anyone'];
const BODY_FIELDS = new Set(['role', 'type', 'emailAddress', 'domain', 'allowFileDiscovery', 'kind', 'view', 'expirationTime']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createPermission(ctx: DriveCtx, fileId: string, body: Record<string, unknown>, params: QueryParams): PermissionRow {
  const file = requireFile(ctx, fileId);
  for (const key of Object.keys(body)) {
    if (!BODY_FIELDS.has(key)) throw badRequest(`Field '${key}' of the Permission body is not emulated by the local workspace (or does not exist).`, 'invalid');
  }
  if (body['view'] !== undefined || body['expirationTime'] !== undefined) {
    throw badRequest('Permission view and expirationTime are not emulated by the local workspace.', 'invalid');
  }
  const role = optionalString(body, 'role');
  const type = optionalString(body, 'type');
  if (role === undefined) throw badRequest('The permission role field is required.', 'required');
  if (type === undefined) throw badRequest('The permission type field is required.', 'required');
  if (!ROLES.includes(role)) throw badRequest(`The permission role '${role}' is invalid. Valid roles: ${ROLES.join(', ')}.`, 'invalid');
  if (!TYPES.includes(type)) throw badRequest(`The permission type '${type}' is invalid. Valid types: ${TYPES.join(', ')}.`, 'invalid');
  if (role === 'organizer' || role === 'fileOrganizer') {
    throw badRequest(`The role '${role}' only exists on shared drives.`, 'invalidSharingRequest');
  }
  const emailAddress = optionalString(body, 'emailAddress')?.trim();
  const domain = optionalString(body, 'domain')?.trim();
  const allowFileDiscovery = optionalBoolean(body, 'allowFileDiscovery') ?? false;
  if ((type === 'user' || type === 'group') && (emailAddress === undefined || !EMAIL.test(emailAddress))) {
    throw badRequest(
      `Bad Request. User message: "A valid emailAddress is required for a ${type} permission${emailAddress ? `, got '${emailAddress}'` : ''}."`,
      'invalidSharingRequest',
    );
  }
  if (type === 'domain' && !domain) throw badRequest('A domain permission requires the domain field.', 'invalidSharingRequest');
  if (role === 'owner') {
    if (!params.bool('transferOwnership', false)) {
      throw new GoogleApiError(403, {
        reason: 'forbidden',
        message: 'The transferOwnership parameter must be enabled when the permission role is \'owner\'.',
        location: 'transferOwnership',
        locationType: 'parameter',
      });
    }
    throw badRequest('Transferring ownership is not emulated by the local workspace.', 'invalidSharingRequest');
  }

  const target = type === 'domain' ? (domain as string) : type === 'anyone' ? 'anyone' : (emailAddress as string);
  const id = permissionIdFor(type, target, allowFileDiscovery);
  if (id === ownerPermissionId()) throw badRequest('The owner already has access to this file.', 'invalidSharingRequest');
  const notify = (type === 'user' || type === 'group') && params.bool('sendNotificationEmail', true);
  const row: PermissionRow = {
    file_id: file.id,
    id,
    type,
    role,
    email_address: type === 'user' || type === 'group' ? (emailAddress as string).toLowerCase() : null,
    domain: type === 'domain' ? (domain as string).toLowerCase() : null,
    allow_file_discovery: type === 'domain' || type === 'anyone' ? (allowFileDiscovery ? 1 : 0) : null,
    created_ms: ctx.now,
    notified_ms: notify ? ctx.now : null,
    email_message: notify ? params.get('emailMessage') : null,
  };
  ctx.db
    .prepare(
      `INSERT INTO drive_permissions (file_id, id, type, role, email_address, domain, allow_file_discovery, created_ms, notified_ms, email_message)
       VALUES (@file_id, @id, @type, @role, @email_address, @domain, @allow_file_discovery, @created_ms, @notified_ms, @email_message)
       ON CONFLICT (file_id, id) DO UPDATE SET role = excluded.role,
         notified_ms = COALESCE(excluded.notified_ms, notified_ms), email_message = COALESCE(excluded.email_message, email_message)`,
    )
    .run(row);
  ctx.db.prepare('UPDATE drive_files SET version = version + 1 WHERE id = ?').run(file.id);
  return row;
}

/** All permissions of a file, inherited ones included, as permissions.list returns them. */
export function listPermissions(ctx: DriveCtx, fileId: string): Record<string, unknown>[] {
  return effectivePermissions(ctx, requireFile(ctx, fileId));
}

export function getPermission(ctx: DriveCtx, fileId: string, permissionId: string): Record<string, unknown> {
  const found = listPermissions(ctx, fileId).find((p) => p['id'] === permissionId);
  if (!found) throw permissionNotFound(permissionId);
  return found;
}

/** Only a grant made on this very file can be removed here; an inherited one is removed on its folder. */
export function deletePermission(ctx: DriveCtx, fileId: string, permissionId: string): void {
  const file = requireFile(ctx, fileId);
  if (permissionId === ownerPermissionId()) {
    throw new GoogleApiError(403, { reason: 'cannotRemoveOwner', message: 'The owner of a file cannot be removed.' });
  }
  const result = ctx.db.prepare('DELETE FROM drive_permissions WHERE file_id = ? AND id = ?').run(file.id, permissionId);
  if (result.changes === 0) {
    if (listPermissions(ctx, fileId).some((p) => p['id'] === permissionId)) {
      throw new GoogleApiError(403, {
        reason: 'cannotDeletePermission',
        message: `Permission ${permissionId} is inherited from a parent folder; remove it there.`,
      });
    }
    throw permissionNotFound(permissionId);
  }
  ctx.db.prepare('UPDATE drive_files SET version = version + 1 WHERE id = ?').run(file.id);
}

export function permissionJson(row: PermissionRow): Record<string, unknown> {
  return permissionResource(row);
}

function permissionNotFound(permissionId: string): GoogleApiError {
  return new GoogleApiError(404, {
    reason: 'notFound',
    message: `Permission not found: ${permissionId}.`,
    location: 'permissionId',
    locationType: 'parameter',
  });
}
