/**
 * Drive's File and Permission resources as v3 returns them (https://developers.google.com/drive/api/reference/rest/v3/files,
 * /permissions), built from the SQLite rows. Integers of type int64 (`size`, `version`, `quotaBytesUsed`) are JSON
 * strings, as in the real API. Which of these fields a caller sees is decided by `fields` (fields.ts).
 */
import { createHash } from 'node:crypto';
import type { ResourceSchema } from './fields.ts';
import { FOLDER_MIME, type FileRow, type PermissionRow } from './store.ts';

/** The local user that owns every file (there is one account per workspace). */
export const LOCAL_OWNER = { emailAddress: 'owner@workspace.local', displayName: 'Local workspace owner' } as const;

export interface FileExtras {
  appProperties?: Record<string, string>;
  properties?: Record<string, string>;
  /** Own and inherited permissions, owner first. */
  permissions?: Record<string, unknown>[];
}

/** https://developers.google.com/drive/api/guides/about-files: the links the Drive UI opens. */
export function webViewLink(row: Pick<FileRow, 'id' | 'mime_type'>): string {
  switch (row.mime_type) {
    case FOLDER_MIME:
      return `https://drive.google.com/drive/folders/${row.id}`;
    case 'application/vnd.google-apps.document':
      return `https://docs.google.com/document/d/${row.id}/edit?usp=drivesdk`;
    case 'application/vnd.google-apps.spreadsheet':
      return `https://docs.google.com/spreadsheets/d/${row.id}/edit?usp=drivesdk`;
    case 'application/vnd.google-apps.presentation':
      return `https://docs.google.com/presentation/d/${row.id}/edit?usp=drivesdk`;
    default:
      return `https://drive.google.com/file/d/${row.id}/view?usp=drivesdk`;
  }
}

export function hasBinaryContent(mimeType: string): boolean {
  return !mimeType.startsWith('application/vnd.google-apps.');
}

export function fileResource(row: FileRow, extras: FileExtras): Record<string, unknown> {
  const binary = hasBinaryContent(row.mime_type);
  const file: Record<string, unknown> = {
    kind: 'drive#file',
    id: row.id,
    name: row.name,
    mimeType: row.mime_type,
    starred: row.starred === 1,
    trashed: row.trashed === 1,
    explicitlyTrashed: row.explicitly_trashed === 1,
    spaces: ['drive'],
    version: String(row.version),
    webViewLink: webViewLink(row),
    createdTime: new Date(row.created_ms).toISOString(),
    modifiedTime: new Date(row.modified_ms).toISOString(),
    ownedByMe: true,
    owners: [
      {
        kind: 'drive#user',
        displayName: LOCAL_OWNER.displayName,
        emailAddress: LOCAL_OWNER.emailAddress,
        me: true,
        permissionId: ownerPermissionId(),
      },
    ],
    quotaBytesUsed: String(row.size ?? 0),
  };
  if (row.description !== null) file['description'] = row.description;
  if (row.parent_id !== null) file['parents'] = [row.parent_id];
  if (binary && row.size !== null) {
    file['webContentLink'] = `https://drive.google.com/uc?id=${row.id}&export=download`;
    file['size'] = String(row.size);
    file['md5Checksum'] = row.md5;
    file['sha1Checksum'] = row.sha1;
    file['sha256Checksum'] = row.sha256;
    file['originalFilename'] = row.original_filename ?? row.name;
    const dot = row.name.indexOf('.');
    if (dot > 0) {
      file['fullFileExtension'] = row.name.slice(dot + 1);
      file['fileExtension'] = row.name.slice(row.name.lastIndexOf('.') + 1);
    }
  }
  if (extras.appProperties && Object.keys(extras.appProperties).length > 0) file['appProperties'] = extras.appProperties;
  if (extras.properties && Object.keys(extras.properties).length > 0) file['properties'] = extras.properties;
  if (extras.permissions) {
    file['permissions'] = extras.permissions;
    file['permissionIds'] = extras.permissions.map((p) => p['id']);
    file['shared'] = extras.permissions.some((p) => p['role'] !== 'owner');
  }
  return file;
}

/** The fields this emulation answers; the rest of the real resource is listed as not emulated. */
export const PERMISSION_SCHEMA: ResourceSchema = {
  fields: Object.fromEntries(
    ['kind', 'id', 'type', 'role', 'emailAddress', 'domain', 'displayName', 'allowFileDiscovery', 'deleted', 'pendingOwner'].map(
      (k) => [k, 'leaf' as const],
    ),
  ),
  notEmulated: new Set([
    'expirationTime', 'inheritedPermissionsDisabled', 'permissionDetails', 'photoLink', 'teamDrivePermissionDetails', 'view',
  ]),
};

const FILE_LEAVES = [
  'kind', 'id', 'name', 'mimeType', 'description', 'starred', 'trashed', 'explicitlyTrashed', 'parents', 'spaces',
  'version', 'webViewLink', 'webContentLink', 'createdTime', 'modifiedTime', 'ownedByMe', 'quotaBytesUsed', 'size',
  'md5Checksum', 'sha1Checksum', 'sha256Checksum', 'originalFilename', 'fullFileExtension', 'fileExtension',
  'permissionIds', 'shared',
];

export const FILE_SCHEMA: ResourceSchema = {
  fields: {
    ...Object.fromEntries(FILE_LEAVES.map((k) => [k, 'leaf' as const])),
    appProperties: 'map',
    properties: 'map',
    owners: { fields: Object.fromEntries(['kind', 'displayName', 'emailAddress', 'me', 'permissionId'].map((k) => [k, 'leaf'])) },
    permissions: PERMISSION_SCHEMA,
  },
  notEmulated: new Set([
    'capabilities', 'clientEncryptionDetails', 'contentHints', 'contentRestrictions', 'copyRequiresWriterPermission',
    'downloadRestrictions', 'driveId', 'exportLinks', 'folderColorRgb', 'hasAugmentedPermissions', 'hasThumbnail',
    'headRevisionId', 'iconLink', 'imageMediaMetadata', 'inheritedPermissionsDisabled', 'isAppAuthorized', 'labelInfo',
    'lastModifyingUser', 'linkShareMetadata', 'modifiedByMe', 'modifiedByMeTime', 'resourceKey', 'sharedWithMeTime',
    'sharingUser', 'shortcutDetails', 'teamDriveId', 'thumbnailLink', 'thumbnailVersion', 'trashedTime', 'trashingUser',
    'videoMediaMetadata', 'viewedByMe', 'viewedByMeTime', 'viewersCanCopyContent', 'writersCanShare',
  ]),
};

export const FILE_LIST_SCHEMA: ResourceSchema = {
  fields: { kind: 'leaf', nextPageToken: 'leaf', incompleteSearch: 'leaf', files: FILE_SCHEMA },
};

export const PERMISSION_LIST_SCHEMA: ResourceSchema = {
  fields: { kind: 'leaf', nextPageToken: 'leaf', permissions: PERMISSION_SCHEMA },
};

/** The default projection Drive applies when no `fields` is given. */
export const DEFAULT_FILE_FIELDS = 'kind,id,name,mimeType';
export const DEFAULT_FILE_LIST_FIELDS = 'kind,nextPageToken,incompleteSearch,files(kind,id,name,mimeType)';
export const DEFAULT_PERMISSION_FIELDS = 'kind,id,type,role';
export const DEFAULT_PERMISSION_LIST_FIELDS = 'kind,nextPageToken,permissions(kind,id,type,role)';

/**
 * Drive gives a user the same permission ID on every file (it is the user's permission ID), which is what lets a
 * caller compare grants across a folder tree; we derive it from the address.
 */
export function permissionIdFor(type: string, target: string, allowFileDiscovery: boolean): string {
  if (type === 'anyone') return allowFileDiscovery ? 'anyone' : 'anyoneWithLink';
  const digits = BigInt(`0x${createHash('sha256').update(`${type}:${target.toLowerCase()}`).digest('hex').slice(0, 16)}`)
    .toString()
    .padStart(20, '0')
    .slice(0, 20);
  return type === 'domain' ? `${digits}${allowFileDiscovery ? 'k' : ''}` : digits;
}

export function ownerPermissionId(): string {
  return permissionIdFor('user', LOCAL_OWNER.emailAddress, false);
}

export function permissionResource(row: PermissionRow): Record<string, unknown> {
  const permission: Record<string, unknown> = {
    kind: 'drive#permission',
    id: row.id,
    type: row.type,
    role: row.role,
    deleted: false,
    pendingOwner: false,
  };
  if (row.email_address !== null) {
    permission['emailAddress'] = row.email_address;
    permission['displayName'] = row.email_address;
  }
  if (row.domain !== null) {
    permission['domain'] = row.domain;
    permission['displayName'] = row.domain;
  }
  if (row.allow_file_discovery !== null) permission['allowFileDiscovery'] = row.allow_file_discovery === 1;
  return permission;
}

export function ownerPermission(): Record<string, unknown> {
  return {
    kind: 'drive#permission',
    id: ownerPermissionId(),
    type: 'user',
    role: 'owner',
    emailAddress: LOCAL_OWNER.emailAddress,
    displayName: LOCAL_OWNER.displayName,
    deleted: false,
    pendingOwner: false,
  };
}
