/**
 * Folders, documents and sharing through @googleapis/drive. Every request is counted; items are found by their
 * appProperties key (private to this app), so renames by people never make a job create a second copy.
 *
 * Uploads repeat `rootUrl` in the per-call options: googleapis-common builds the media URL from those only, so
 * without it an upload meant for the local workspace would go to www.googleapis.com (wire-apis.md §C1).
 */
import { Readable } from 'node:stream';
import type { drive_v3 } from '@googleapis/drive';
import type { RequestCounter } from '../../lib/request-counter.ts';
import type { DocumentSpec, DriveFolder, DriveGrant, DriveKey, DrivePort, FileSpec, FolderSpec, PutResult } from '../../ports/drive.ts';
import { createDriveClient, type DriveClientOptions } from './client.ts';
import { toDriveApiError } from './errors.ts';
import { missingGrants } from './grants.ts';
import { checkKey, keyQuery } from './query.ts';

const FOLDER_MIME = 'application/vnd.google-apps.folder';
/** appProperty holding the content hash of a document. */
export const HASH_PROPERTY = 'contentHash';
const ITEM_FIELDS = 'id,name,parents,appProperties,webViewLink,permissions(emailAddress,role,type)';

export interface DriveAdapterOptions extends DriveClientOptions {
  counter: RequestCounter;
}

type DriveFile = drive_v3.Schema$File;

export class DriveAdapter implements DrivePort {
  private readonly client: drive_v3.Drive;
  /** Per-call options for uploads (see the file comment). */
  private readonly uploadOptions: { rootUrl?: string };
  private rootId: string | undefined;

  constructor(private readonly options: DriveAdapterOptions) {
    this.client = createDriveClient(options);
    this.uploadOptions = options.rootUrl ? { rootUrl: options.rootUrl } : {};
  }

  async ensureFolder(spec: FolderSpec): Promise<DriveFolder> {
    checkKey(spec.key);
    const parentId = await this.resolveParent(spec.parentId);
    const found = await this.findByKey(spec.key);
    if (found) {
      const moved = await this.refile(found, parentId, spec.name, undefined);
      return toFolder(moved ?? found);
    }
    // https://developers.google.com/drive/api/reference/rest/v3/files/create (metadata only)
    const created = await this.call('files.create', () =>
      this.client.files.create({
        requestBody: { name: spec.name, mimeType: FOLDER_MIME, parents: [parentId], appProperties: { ...spec.key } },
        fields: ITEM_FIELDS,
        supportsAllDrives: true,
      }),
    );
    return toFolder(created.data);
  }

  async share(folder: DriveFolder, grants: readonly DriveGrant[]): Promise<number> {
    const missing = missingGrants(folder, grants);
    for (const grant of missing) {
      // https://developers.google.com/drive/api/reference/rest/v3/permissions/create
      await this.call('permissions.create', () =>
        this.client.permissions.create({
          fileId: folder.id,
          sendNotificationEmail: false,
          supportsAllDrives: true,
          requestBody: { type: 'user', role: grant.role, emailAddress: grant.email },
          fields: 'id',
        }),
      );
      folder.grants.push({ email: grant.email, role: grant.role });
    }
    return missing.length;
  }

  async putDocument(spec: DocumentSpec): Promise<PutResult> {
    checkKey({ ...spec.key, [HASH_PROPERTY]: spec.contentHash });
    const found = await this.findByKey(spec.key);
    const appProperties = { ...spec.key, [HASH_PROPERTY]: spec.contentHash };
    if (!found) {
      // https://developers.google.com/drive/api/guides/manage-uploads#multipart
      const created = await this.call('files.create', () =>
        this.client.files.create(
          {
            requestBody: { name: spec.name, parents: [spec.folderId], appProperties, ...(spec.description ? { description: spec.description } : {}) },
            media: { mimeType: spec.mimeType, body: Readable.from([spec.bytes]) },
            fields: 'id,webViewLink',
            supportsAllDrives: true,
          },
          this.uploadOptions,
        ),
      );
      return { fileId: required(created.data.id, 'id'), link: created.data.webViewLink ?? '', action: 'created' };
    }
    const id = required(found.id, 'id');
    if (found.appProperties?.[HASH_PROPERTY] === spec.contentHash) {
      const moved = await this.refile(found, spec.folderId, spec.name, spec.description);
      return { fileId: id, link: found.webViewLink ?? '', action: moved ? 'moved' : 'unchanged' };
    }
    // https://developers.google.com/drive/api/reference/rest/v3/files/update (media upload into the same file)
    const parents = parentChange(found, spec.folderId);
    const updated = await this.call('files.update', () =>
      this.client.files.update(
        {
          fileId: id,
          requestBody: { name: spec.name, appProperties, ...(spec.description ? { description: spec.description } : {}) },
          media: { mimeType: spec.mimeType, body: Readable.from([spec.bytes]) },
          fields: 'id,webViewLink',
          supportsAllDrives: true,
          ...parents,
        },
        this.uploadOptions,
      ),
    );
    return { fileId: id, link: updated.data.webViewLink ?? found.webViewLink ?? '', action: 'updated' };
  }

  async putFile(spec: FileSpec): Promise<PutResult> {
    checkKey(spec.key);
    const found = await this.findByKey(spec.key);
    if (found) return { fileId: required(found.id, 'id'), link: found.webViewLink ?? '', action: 'unchanged' };
    // https://developers.google.com/drive/api/guides/manage-uploads#multipart (the body is streamed from disk)
    const created = await this.call('files.create', () =>
      this.client.files.create(
        {
          requestBody: { name: spec.name, parents: [spec.folderId], appProperties: { ...spec.key }, ...(spec.description ? { description: spec.description } : {}) },
          media: { mimeType: spec.mimeType, body: spec.open() },
          fields: 'id,webViewLink',
          supportsAllDrives: true,
        },
        this.uploadOptions,
      ),
    );
    return { fileId: required(created.data.id, 'id'), link: created.data.webViewLink ?? '', action: 'created' };
  }

  /** 'root' is an alias; parents come back as real IDs, so compare against the real ID of My Drive. */
  private async resolveParent(parentId: string): Promise<string> {
    if (parentId !== 'root') return parentId;
    if (this.rootId) return this.rootId;
    // https://developers.google.com/drive/api/reference/rest/v3/files/get
    const res = await this.call('files.get', () => this.client.files.get({ fileId: 'root', fields: 'id' }));
    this.rootId = required(res.data.id, 'id');
    return this.rootId;
  }

  /** The oldest item carrying the key (there is one unless a person copied it with its properties). */
  private async findByKey(key: DriveKey): Promise<DriveFile | undefined> {
    // https://developers.google.com/drive/api/reference/rest/v3/files/list
    const res = await this.call('files.list', () =>
      this.client.files.list({
        q: keyQuery(key),
        fields: `files(${ITEM_FIELDS})`,
        orderBy: 'createdTime',
        pageSize: 10,
        corpora: 'allDrives',
        includeItemsFromAllDrives: true,
        supportsAllDrives: true,
      }),
    );
    return res.data.files?.[0];
  }

  /** Moves and/or renames an item that people moved or renamed; answers the new state, or undefined when in place. */
  private async refile(file: DriveFile, parentId: string, name: string, description: string | undefined): Promise<DriveFile | undefined> {
    const parents = parentChange(file, parentId);
    const renamed = file.name !== name;
    if (!parents.addParents && !renamed) return undefined;
    // https://developers.google.com/drive/api/reference/rest/v3/files/update (metadata: addParents/removeParents)
    const res = await this.call('files.update', () =>
      this.client.files.update({
        fileId: required(file.id, 'id'),
        requestBody: { name, ...(description ? { description } : {}) },
        fields: ITEM_FIELDS,
        supportsAllDrives: true,
        ...parents,
      }),
    );
    return res.data;
  }

  private async call<T>(operation: string, request: () => Promise<T>): Promise<T> {
    this.options.counter.add('drive', operation);
    try {
      return await request();
    } catch (error) {
      throw toDriveApiError(error, operation);
    }
  }
}

function parentChange(file: DriveFile, parentId: string): { addParents?: string; removeParents?: string } {
  const parents = file.parents ?? [];
  if (parents.includes(parentId)) return {};
  return { addParents: parentId, ...(parents.length > 0 ? { removeParents: parents.join(',') } : {}) };
}

function toFolder(file: DriveFile): DriveFolder {
  const id = required(file.id, 'id');
  return {
    id,
    name: file.name ?? '',
    link: file.webViewLink ?? `https://drive.google.com/drive/folders/${id}`,
    grants: (file.permissions ?? [])
      .filter((p) => p.type === 'user' && p.emailAddress)
      .map((p) => ({ email: (p.emailAddress ?? '').toLowerCase(), role: p.role ?? '' })),
  };
}

function required(value: string | null | undefined, field: string): string {
  if (!value) throw new Error(`Drive answered without ${field}`);
  return value;
}
