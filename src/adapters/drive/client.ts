/**
 * The official Drive client, pointed at Google or at the local workspace. Only the root URL and the credentials
 * differ (wire-apis.md §C1).
 */
import { drive, type drive_v3 } from '@googleapis/drive';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';

export type DriveAuth =
  /** A plain OAuth access token (the local workspace token, or a token minted elsewhere). */
  | { accessToken: string }
  /** Application Default Credentials (service account on Cloud Functions, gcloud locally). */
  | { applicationDefault: true };

export interface DriveClientOptions {
  auth: DriveAuth;
  /** `http://127.0.0.1:PORT/` for the local workspace; Google's own when absent. */
  rootUrl?: string;
}

const DRIVE_SCOPE = 'https://www.googleapis.com/auth/drive';

type ClientAuth = drive_v3.Options['auth'];

/**
 * googleapis-common pins its own google-auth-library next to the project's, so the two OAuth2Client types differ
 * only in private members; at run time the client just needs `.request()`, hence the cast.
 */
function clientAuth(auth: DriveAuth): ClientAuth {
  if ('accessToken' in auth) {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: auth.accessToken });
    return client as unknown as ClientAuth;
  }
  return new GoogleAuth({ scopes: [DRIVE_SCOPE] }) as unknown as ClientAuth;
}

export function createDriveClient(options: DriveClientOptions): drive_v3.Drive {
  return drive({
    version: 'v3',
    auth: clientAuth(options.auth),
    // The adapter retries (counted, within a budget, creates only after a lookup): gaxios's own silent retries are off.
    retry: false,
    ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
  });
}
