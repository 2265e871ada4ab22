/**
 * Puts one generated document in its Drive folder and queues its Documents row. A document whose row already
 * holds the same content hash (and a Drive file) is current: it is neither rendered nor uploaded.
 */
import type { FolderTarget } from '../../domain/drive-layout/document-places.ts';
import type { AirtableRecordsPort } from '../../ports/airtable.ts';
import type { DriveKey, DrivePort, PutResult } from '../../ports/drive.ts';
import type { DocumentSlot, DocumentsRows } from './documents-rows.ts';
import type { DriveFolders, FolderAccess } from './drive-folders.ts';

export interface PublishContext {
  drive: DrivePort;
  folders: DriveFolders;
  rows: DocumentsRows;
  /** ISO instant of this run ("Generated at"). */
  generatedAt: string;
  /**
   * Where queued Documents rows are written every ROWS_PER_FLUSH documents: a first run over thousands of POs
   * renders for many minutes, and a run stopped before its end (a function's timeout, a crash) would otherwise
   * lose every row and render all again next time. Without it, the job writes them at its end.
   */
  records?: AirtableRecordsPort;
}

const ROWS_PER_FLUSH = 100;

export interface PublishRequest {
  slot: DocumentSlot;
  fileName: string;
  /** Documents."Name". */
  rowName: string;
  key: DriveKey;
  contentHash: string;
  target: FolderTarget;
  access: FolderAccess;
  render: () => Promise<Buffer>;
  description?: string;
  /** Filed where the client cannot read it (Documents."Agency only"). */
  agencyOnly?: boolean;
}

export type PublishOutcome = { drive: 'current' | PutResult['action']; row: 'created' | 'updated' | 'unchanged'; link?: string | undefined };

export async function publishDocument(ctx: PublishContext, request: PublishRequest): Promise<PublishOutcome> {
  if (ctx.rows.isCurrent(request.slot, request.contentHash)) {
    return { drive: 'current', row: 'unchanged', link: ctx.rows.find(request.slot)?.driveFile };
  }
  const bytes = await request.render();
  const { folder } = await ctx.folders.resolve(request.target, request.access);
  const put = await ctx.drive.putDocument({
    folderId: folder.id,
    name: request.fileName,
    mimeType: 'application/pdf',
    bytes,
    key: request.key,
    contentHash: request.contentHash,
    description: request.description,
  });
  const row = ctx.rows.record(request.slot, {
    name: request.rowName,
    link: put.link,
    fileId: put.fileId,
    contentHash: request.contentHash,
    generatedAt: ctx.generatedAt,
    agencyOnly: request.agencyOnly === true,
  });
  if (ctx.records && ctx.rows.pending >= ROWS_PER_FLUSH) await ctx.rows.flush(ctx.records);
  return { drive: put.action, row, link: put.link };
}
