/**
 * Photos and videos a factory uploads go to an agency-only Drive folder:
 * `<Agency root>/Supplier uploads (agency only)/<PO number>/`. Not under the client's folder: the documents job
 * shares the client folder with the client, and every sub-folder inherits that, so `02 Inspections/…` would show
 * raw factory photos (with their GPS position) to the client at once. Each photo also gets a resized copy without
 * metadata ("for clients"), the one a phone or a client page may show once the agent ticks "Visible to client".
 * Files carry their form key in appProperties: a form sent twice uploads nothing twice.
 */
import { createReadStream } from 'node:fs';
import { KEY } from '../../domain/drive-layout/document-places.ts';
import type { AgencyRecord } from '../../domain/models/agency.ts';
import type { DrivePort } from '../../ports/drive.ts';
import { resolveRoot } from '../documents/drive-folders.ts';

export const UPLOADS_FOLDER = 'Supplier uploads (agency only)';

export interface StoredUpload {
  /** What the Updates row lists: "<name>: <link>". */
  line: string;
}

export interface UploadedFile {
  path: string;
  mimeType: string;
  kind: 'photo' | 'video';
  /** Sanitised name for Drive, e.g. "PO-2405 PSI 1.jpg". */
  name: string;
}

export interface UploadDeps {
  drive: DrivePort;
  /** Writes the metadata-free, resized copy of a photo; answers false when the image cannot be read. */
  clientCopy: (source: string, target: string) => Promise<boolean>;
  driveRoot?: string | undefined;
}

export async function storeUploads(
  deps: UploadDeps,
  input: { agency: AgencyRecord | undefined; po: { id: string; poNumber: string }; formKey: string; files: readonly UploadedFile[] },
): Promise<StoredUpload[]> {
  if (input.files.length === 0) return [];
  const root = await resolveRoot(deps.drive, deps.driveRoot, input.agency);
  const uploads = await deps.drive.ensureFolder({ parentId: root.id, name: UPLOADS_FOLDER, key: { [KEY.kind]: 'folder:supplier-uploads' } });
  const folder = await deps.drive.ensureFolder({
    parentId: uploads.id,
    name: input.po.poNumber,
    key: { [KEY.kind]: 'folder:supplier-uploads-po', [KEY.record]: input.po.id },
  });
  const out: StoredUpload[] = [];
  for (const [n, file] of input.files.entries()) {
    const key = { [KEY.kind]: 'supplier-upload', [KEY.record]: input.po.id, sourcingUpload: `${input.formKey}:${n}` };
    const original = await deps.drive.putFile({ folderId: folder.id, name: file.name, mimeType: file.mimeType, open: () => createReadStream(file.path), key });
    out.push({ line: `${file.name} (original, agency only): ${original.link}` });
    if (file.kind !== 'photo') continue;
    const copyPath = `${file.path}.client.jpg`;
    if (!(await deps.clientCopy(file.path, copyPath))) continue;
    const copyName = file.name.replace(/\.[^.]+$/, '') + ' (for clients).jpg';
    const copy = await deps.drive.putFile({
      folderId: folder.id,
      name: copyName,
      mimeType: 'image/jpeg',
      open: () => createReadStream(copyPath),
      key: { ...key, sourcingUpload: `${input.formKey}:${n}:client` },
      description: 'Resized copy without location data; shown to the client only when the agent ticks "Visible to client".',
    });
    out.push({ line: `${copyName} (resized, no location data): ${copy.link}` });
  }
  return out;
}
