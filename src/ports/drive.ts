/**
 * What jobs need from Google Drive, in document terms. Implemented by src/adapters/drive over @googleapis/drive
 * (the real Drive or the local workspace). Items are found again by their `appProperties` key, never by name, so a
 * renamed folder or document is still the same item and a second run creates nothing.
 */

/** appProperties that identify one folder or document (e.g. `{swRecord: 'rec…', swKind: 'commercial-invoice'}`). */
export type DriveKey = Readonly<Record<string, string>>;

export type DriveRole = 'reader' | 'commenter' | 'writer';

export interface DriveGrant {
  email: string;
  role: DriveRole;
}

export interface DriveFolder {
  id: string;
  name: string;
  /** https://drive.google.com/drive/folders/<id> */
  link: string;
  /** Users who can open the folder (its own and inherited grants): lower-cased email and Drive's role name. */
  grants: { email: string; role: string; permissionId?: string }[];
  /** Grants this app made on the folder (recorded in its appProperties): email → role. */
  recordedGrants?: Map<string, string>;
}

export interface SharingResult {
  granted: string[];
  revoked: string[];
}

export interface FolderSpec {
  /** The folder it must sit in (`'root'` for My Drive). */
  parentId: string;
  name: string;
  key: DriveKey;
}

export interface DocumentSpec {
  folderId: string;
  name: string;
  mimeType: string;
  bytes: Buffer;
  key: DriveKey;
  /** Hash of what the document says; a stored file with the same hash is left alone (nothing is uploaded). */
  contentHash: string;
  description?: string;
}

export interface PutResult {
  fileId: string;
  link: string;
  /** created: new file; updated: new bytes in the same file; unchanged: nothing uploaded; moved: only re-filed. */
  action: 'created' | 'updated' | 'unchanged' | 'moved';
}

/** A file streamed from disk (uploads of any size), found again by its key: a second put with the same key uploads nothing. */
export interface FileSpec {
  folderId: string;
  name: string;
  mimeType: string;
  /** Opened only when the file is not in Drive yet. */
  open: () => NodeJS.ReadableStream;
  key: DriveKey;
  description?: string;
}

export interface DrivePort {
  /** Finds the folder by key (moving or renaming it when it sits elsewhere or is renamed), or creates it. */
  ensureFolder(spec: FolderSpec): Promise<DriveFolder>;
  /** Adds the grants the folder lacks (a grant at a higher role counts), without notification emails. Answers how many were added. */
  share(folder: DriveFolder, grants: readonly DriveGrant[]): Promise<number>;
  /**
   * Makes the grants THIS APP made on the folder exactly `wanted`: creates what is missing, deletes its own grants no
   * longer wanted. Grants made by anyone else (the agency's admins) are never touched.
   */
  reconcileSharing(folder: DriveFolder, wanted: readonly DriveGrant[]): Promise<SharingResult>;
  /** Creates the document, or puts new bytes into the SAME file when its content hash changed. */
  putDocument(spec: DocumentSpec): Promise<PutResult>;
  /** Uploads the file unless one with its key exists (then `unchanged`); never overwrites. */
  putFile(spec: FileSpec): Promise<PutResult>;
}
