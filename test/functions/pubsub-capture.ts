/**
 * A stand-in for the Pub/Sub emulator's publish endpoint on 127.0.0.1 (POST /v1/projects/p/topics/t:publish,
 * https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.topics/publish): records what was published and
 * answers message IDs in order, or a Google error when told to fail.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Published {
  topic: string;
  authorization?: string;
  messages: { data: string; attributes?: Record<string, string> }[];
}

export interface PubSubCapture {
  host: string;
  requests: Published[];
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

export async function startPubSubCapture(): Promise<PubSubCapture> {
  const requests: Published[] = [];
  let failure: number | undefined;
  let next = 1000;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/v1\/(projects\/[^/]+\/topics\/[^/:]+):publish$/.exec(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || !match?.[1]) {
        res.writeHead(404).end(JSON.stringify({ error: { code: 404, message: 'Not found', status: 'NOT_FOUND' } }));
        return;
      }
      if (failure !== undefined) {
        res.writeHead(failure).end(JSON.stringify({ error: { code: failure, message: 'User not authorized to perform this action.', status: 'PERMISSION_DENIED' } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { messages: Published['messages'] };
      requests.push({ topic: match[1], authorization: req.headers.authorization, messages: body.messages });
      res.end(JSON.stringify({ messageIds: body.messages.map(() => String(next++)) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    failWith: (status) => {
      failure = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
