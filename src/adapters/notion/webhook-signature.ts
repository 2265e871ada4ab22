/**
 * Checks `X-Notion-Signature` with the SDK's own helper (https://developers.notion.com/reference/webhooks#step-3-validating-event-payloads-recommended):
 * verifyWebhookSignature computes HMAC-SHA256 of the raw body keyed with the verification token and compares in
 * constant time; malformed input answers false.
 */
import { verifyWebhookSignature } from '@notionhq/client';

export function notionSignatureValid(verificationToken: string, rawBody: Buffer, header: string | undefined): Promise<boolean> {
  // The bytes exactly as they arrived: re-serialised JSON would not verify.
  return verifyWebhookSignature({ body: rawBody, signature: header, verificationToken });
}
