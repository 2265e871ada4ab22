/**
 * The `webhooks` endpoint in a local process (`npm start`, `sourcing serve`): a small HTTP server on 127.0.0.1 that
 * hands every POST to the same receiver the Cloud Function uses (src/jobs/webhooks/receive-webhook.ts), with the raw
 * body bytes the MAC and signature are computed over.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceiveDeps, WebhookAnswer } from '../jobs/webhooks/receive-webhook.ts';
import { receiveWebhook } from '../jobs/webhooks/receive-webhook.ts';

export interface RunningWebhookServer {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

export async function startWebhookServer(
  deps: ReceiveDeps,
  onChange: (source: NonNullable<WebhookAnswer['changed']>) => void,
  port: number,
): Promise<RunningWebhookServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      receiveWebhook(deps, { headers: req.headers, rawBody: Buffer.concat(chunks) })
        .then((answer) => {
          const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
          res.writeHead(answer.status, body ? { 'content-type': 'application/json' } : {}).end(body);
          if (answer.changed) onChange(answer.changed);
        })
        .catch((error: unknown) => {
          deps.log(`webhook failed: ${error instanceof Error ? error.message : String(error)}`);
          res.writeHead(500).end();
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
