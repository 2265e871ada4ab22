/**
 * The official Gmail client (@googleapis/gmail) pointed at the real API or the local workspace; only the root
 * URL and the credentials differ. See ../shared/reference/wire-apis.md §C1 and §D.
 */
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { JWT, OAuth2Client } from 'google-auth-library';

/** Send, plus read to find a sent message by Message-ID after a crash (`q` needs more than gmail.metadata). */
export const GMAIL_SCOPES = ['https://www.googleapis.com/auth/gmail.send', 'https://www.googleapis.com/auth/gmail.readonly'];

export type GmailAuth =
  /** A plain bearer token: the local workspace token, or one minted elsewhere. */
  | { kind: 'bearer'; accessToken: string }
  /**
   * Domain-wide delegation with a service-account key file, impersonating the sending mailbox. Tokens from the
   * metadata server ignore `subject` (google-auth-library-nodejs#802), so a key file is required.
   */
  | { kind: 'delegated'; keyFile: string; subject: string };

export function gmailClient(rootUrl: string, auth: GmailAuth): gmail_v1.Gmail {
  // googleapis-common pins its own google-auth-library copy; the clients differ only in private members.
  return gmail({ version: 'v1', auth: authClient(auth) as unknown as gmail_v1.Options['auth'], rootUrl });
}

function authClient(auth: GmailAuth): OAuth2Client {
  if (auth.kind === 'bearer') {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: auth.accessToken });
    return client;
  }
  return new JWT({ keyFile: auth.keyFile, scopes: GMAIL_SCOPES, subject: auth.subject });
}
