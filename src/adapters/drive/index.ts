import type { DrivePort } from '../../ports/drive.ts';
import { DriveAdapter, type DriveAdapterOptions } from './drive-adapter.ts';

export { DriveApiError } from './errors.ts';
export type { DriveAdapterOptions } from './drive-adapter.ts';
export type { DriveAuth } from './client.ts';

export function createDriveAdapter(options: DriveAdapterOptions): DrivePort {
  return new DriveAdapter(options);
}
