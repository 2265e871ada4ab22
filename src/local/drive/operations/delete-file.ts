/**
 * files.delete (`DELETE /drive/v3/files/{id}` → 204): removes the item for good, with everything under a folder,
 * from SQLite (cascading) and from the real-file tree. https://developers.google.com/drive/api/reference/rest/v3/files/delete
 */
import { removeEntry } from '../disk.ts';
import { GoogleApiError } from '../google-error.ts';
import { type DriveCtx, requireFile } from './common.ts';

export function deleteFile(ctx: DriveCtx, fileId: string): void {
  const row = requireFile(ctx, fileId);
  if (row.is_root === 1) {
    throw new GoogleApiError(403, {
      reason: 'insufficientFilePermissions',
      message: 'The user does not have sufficient permissions for this file.',
    });
  }
  ctx.db.prepare('DELETE FROM drive_files WHERE id = ?').run(row.id);
  if (row.disk_path !== null) removeEntry(ctx.dir, row.disk_path);
}
