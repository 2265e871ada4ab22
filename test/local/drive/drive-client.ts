import { Readable } from 'node:stream';
import { drive, type drive_v3 } from '@googleapis/drive';
import { OAuth2Client } from 'google-auth-library';
import type { TestWorkspace } from '../../helpers/workspace.ts';

/**
 * An OAuth2Client holding a plain bearer token. googleapis-common 8.0.3 pins its own google-auth-library (10.5.0)
 * next to the project's 10.9.1, so the two OAuth2Client types differ only in private members; at run time the
 * client just needs `.request()`, hence the cast.
 */
export function bearerAuth(token: string): drive_v3.Options['auth'] {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token });
  return auth as unknown as drive_v3.Options['auth'];
}

/** The official Drive client pointed at the local workspace, with a plain bearer token as the adapters use it. */
export function driveClient(ws: TestWorkspace, token = ws.token): { client: drive_v3.Drive; rootUrl: string } {
  const rootUrl = `${ws.url}/`;
  return { client: drive({ version: 'v3', auth: bearerAuth(token), rootUrl }), rootUrl };
}

/** Media bodies the way callers pass them: a stream (a Buffer is not accepted by googleapis-common multipart). */
export function streamOf(bytes: Buffer | string): Readable {
  return Readable.from([typeof bytes === 'string' ? Buffer.from(bytes) : bytes]);
}

export const FOLDER = 'application/vnd.google-apps.folder';
