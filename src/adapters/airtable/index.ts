import type { AirtableMetaPort, AirtableRecordsPort } from '../../ports/airtable.ts';
import { AirtableConnection, type AirtableConnectionOptions } from './connection.ts';
import { AirtableMetaAdapter } from './meta.ts';
import { AirtableRecordsAdapter } from './records.ts';
import { AirtableWebhooksAdapter } from './webhooks.ts';
import type { AirtableWebhooksPort } from '../../ports/webhooks.ts';

export { AirtableApiError } from './errors.ts';
export type { AirtableConnectionOptions } from './connection.ts';

export interface AirtableAdapters {
  meta: AirtableMetaPort;
  records(baseId: string): AirtableRecordsPort;
  webhooks: AirtableWebhooksPort;
}

/** One connection (gate per base, shared counter) behind both ports. */
export function createAirtableAdapters(options: AirtableConnectionOptions): AirtableAdapters {
  const connection = new AirtableConnection(options);
  const bases = new Map<string, AirtableRecordsPort>();
  return {
    meta: new AirtableMetaAdapter(connection),
    webhooks: new AirtableWebhooksAdapter(connection),
    records(baseId) {
      let port = bases.get(baseId);
      if (!port) {
        port = new AirtableRecordsAdapter(connection, baseId);
        bases.set(baseId, port);
      }
      return port;
    },
  };
}
