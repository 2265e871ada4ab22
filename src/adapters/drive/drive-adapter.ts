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
import { DEFAULT_RETRY, isNetworkError, withRetries, type RetryPolicy } from '../../lib/retry.ts';
import type { DocumentSpec, DriveFolder, DriveGrant, DriveKey, DrivePort, FileSpec, FolderSpec, PutResult, SharingResult } from '../../ports/drive.ts';
import { createDriveClient, type DriveClientOptions } from './client.ts';
import { DriveApiError, toDriveApiError } from './errors.ts';
import { missingGrants } from './grants.ts';
import { grantKey, planSharing, recordedGrants } from './sharing-plan.ts';
import { checkKey, keyQuery } from './query.ts';

const FOLDER_MIME = 'application/vnd.google-apps.folder';
/** appProperty holding the content hash of a document. */
export const HASH_PROPERTY = 'contentHash';
const ITEM_FIELDS = 'id,name,parents,appProperties,webViewLink,permissions(id,emailAddress,role,type)';

export interface DriveAdapterOptions extends DriveClientOptions {
  counter: RequestCounter;
  retry?: RetryPolicy;
  /** The local workspace's speed factor: Retry-After waits are divided by it (1 against Google). */
  speed?: number;
}

/**
 * Drive's contract (https://developers.google.com/workspace/drive/api/guides/limits): 429/403 rate limits and
 * 5xx are retried with exponential backoff (Retry-After when sent); so are dropped connections for calls safe to
 * repeat (reads, updates by file ID, permissions). A create is never repeated blindly: after a failure the item is
 * looked up by its appProperties key first, so a create whose answer was lost is found, not made twice.
 */
function isTransient(error: unknown): boolean {
  return (error instanceof DriveApiError && (error.transient || error.status === 0)) || isNetworkError(error);
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
    return this.createFindable(spec.key, async () => {
      const created = await this.call(
        'files.create',
        () =>
          this.client.files.create({
            requestBody: { name: spec.name, mimeType: FOLDER_MIME, parents: [parentId], appProperties: { ...spec.key } },
            fields: ITEM_FIELDS,
            supportsAllDrives: true,
          }),
        false,
      );
      return toFolder(created.data);
    }, (found) => toFolder(found));
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

  async reconcileSharing(folder: DriveFolder, wanted: readonly DriveGrant[]): Promise<SharingResult> {
    const current = folder.grants.flatMap((g) => (g.permissionId ? [{ id: g.permissionId, email: g.email, role: g.role }] : []));
    const plan = planSharing(current, folder.recordedGrants ?? new Map(), wanted);
    if (Object.keys(plan.record).length > 0) await this.setAppProperties(folder.id, plan.record);
    for (const grant of plan.create) {
      // https://developers.google.com/drive/api/reference/rest/v3/permissions/create
      const created = await this.call('permissions.create', () =>
        this.client.permissions.create({
          fileId: folder.id,
          sendNotificationEmail: false,
          supportsAllDrives: true,
          requestBody: { type: 'user', role: grant.role, emailAddress: grant.email },
          fields: 'id',
        }),
      );
      folder.grants.push({ email: grant.email, role: grant.role, ...(created.data.id ? { permissionId: created.data.id } : {}) });
    }
    for (const revoke of plan.revoke) {
      // https://developers.google.com/drive/api/reference/rest/v3/permissions/delete
      try {
        await this.call('permissions.delete', () => this.client.permissions.delete({ fileId: folder.id, permissionId: revoke.permissionId, supportsAllDrives: true }));
      } catch (error) {
        // Already gone (removed by hand, or by a run that died before forgetting it): nothing left to revoke.
        if (!(error instanceof DriveApiError && error.status === 404)) throw error;
      }
    }
    if (plan.forget.length > 0) await this.setAppProperties(folder.id, Object.fromEntries(plan.forget.map((k) => [k, null])));
    const recorded = new Map(folder.recordedGrants ?? []);
    for (const grant of plan.create) recorded.set(grant.email, grant.role);
    for (const key of plan.forget) for (const [email] of recorded) if (grantKey(email) === key) recorded.delete(email);
    folder.recordedGrants = recorded;
    const revoked = new Set(plan.revoke.map((r) => r.permissionId));
    folder.grants = folder.grants.filter((g) => !g.permissionId || !revoked.has(g.permissionId));
    return { granted: plan.create.map((g) => g.email), revoked: plan.revoke.map((r) => r.email) };
  }

  // https://developers.google.com/drive/api/reference/rest/v3/files/update (appProperties; null removes a key)
  private async setAppProperties(fileId: string, appProperties: Record<string, string | null>): Promise<void> {
    await this.call('files.update', () =>
      this.client.files.update({ fileId, requestBody: { appProperties: appProperties as Record<string, string> }, fields: 'id', supportsAllDrives: true }),
    );
  }

  async putDocument(spec: DocumentSpec): Promise<PutResult> {
    checkKey({ ...spec.key, [HASH_PROPERTY]: spec.contentHash });
    const found = await this.findByKey(spec.key);
    const appProperties = { ...spec.key, [HASH_PROPERTY]: spec.contentHash };
    if (!found) {
      // https://developers.google.com/drive/api/guides/manage-uploads#multipart
      return this.createFindable(spec.key, async (): Promise<PutResult> => {
        const created = await this.call(
          'files.create',
          () =>
            this.client.files.create(
              {
                requestBody: { name: spec.name, parents: [spec.folderId], appProperties, ...(spec.description ? { description: spec.description } : {}) },
                media: { mimeType: spec.mimeType, body: Readable.from([spec.bytes]) },
                fields: 'id,webViewLink',
                supportsAllDrives: true,
              },
              this.uploadOptions,
            ),
          false,
        );
        return { fileId: required(created.data.id, 'id'), link: created.data.webViewLink ?? '', action: 'created' };
      }, (file) => ({ fileId: required(file.id, 'id'), link: file.webViewLink ?? '', action: 'created' }));
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

  /**
   * Creates an item findable by `key`; when the create fails transiently, looks the key up before trying again, so
   * a create that happened (its answer lost) is found instead of repeated.
   */
  private async createFindable<T>(key: DriveKey, create: () => Promise<T>, fromFound: (file: DriveFile) => T): Promise<T> {
    let lookedUp: DriveFile | undefined;
    return withRetries(
      async (attempt) => {
        if (attempt > 1) {
          lookedUp = await this.findByKey(key);
          if (lookedUp) return fromFound(lookedUp);
        }
        return create();
      },
      this.retryOptions(),
    );
  }

  /** One counted request; retried on Drive's transient failures when `idempotent`. */
  private async call<T>(operation: string, request: () => Promise<T>, idempotent = true): Promise<T> {
    const once = async () => {
      this.options.counter.add('drive', operation);
      try {
        return await request();
      } catch (error) {
        throw toDriveApiError(error, operation);
      }
    };
    return idempotent ? withRetries(once, this.retryOptions()) : once();
  }

  private retryOptions() {
    const speed = this.options.speed ?? 1;
    return {
      policy: this.options.retry ?? DEFAULT_RETRY,
      retryable: isTransient,
      waitFor: (error: unknown) => (error instanceof DriveApiError && error.retryAfterMs !== undefined ? error.retryAfterMs / speed : undefined),
      onRetry: () => this.options.counter.add('drive', 'retry'),
    };
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
      .map((p) => ({ email: (p.emailAddress ?? '').toLowerCase(), role: p.role ?? '', ...(p.id ? { permissionId: p.id } : {}) })),
    recordedGrants: recordedGrants(file.appProperties),
  };
}

function required(value: string | null | undefined, field: string): string {
  if (!value) throw new Error(`Drive answered without ${field}`);
  return value;
}
