/**
 * Pub/Sub publishing over REST (https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.topics/publish):
 * `POST /v1/projects/{project}/topics/{topic}:publish` with `{messages:[{data: base64, attributes}]}` answers
 * `{messageIds:[…]}` in input order. One request carries all of a tick's messages (the API takes up to 1,000
 * messages or 10 MB per call).
 *
 * Why REST through google-auth-library rather than @google-cloud/pubsub: the dispatcher publishes a handful of
 * messages a few times an hour. The official client brings gRPC (google-gax, @grpc/grpc-js, protobufs) and
 * batching machinery built for high-throughput publishers; it would add several MB and a few hundred
 * milliseconds to every cold start, for one HTTP call. google-auth-library is already a dependency (the Drive and
 * Gmail adapters use it) and gets the function's token from the metadata server.
 *
 * With PUBSUB_EMULATOR_HOST set (the convention of Google's clients), requests go to the emulator over plain
 * HTTP without credentials.
 */
import { GoogleAuth } from 'google-auth-library';
import type { RequestCounter } from '../../lib/request-counter.ts';
import type { TickMessage, TickPublisher } from '../../ports/tick-publisher.ts';

const PUBSUB_SCOPE = 'https://www.googleapis.com/auth/pubsub';
const TOPIC = /^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/topics\/[A-Za-z][\w.~+%-]{2,254}$/;

export class PubSubPublishError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'PubSubPublishError';
  }
}

export interface RestPublisherOptions {
  /** host:port of a Pub/Sub emulator; no credentials are sent there. */
  emulatorHost?: string;
  /** Defaults to https://pubsub.googleapis.com. */
  endpoint?: string;
  counter?: RequestCounter;
  /** Injected in tests; by default Application Default Credentials (the function's service account). */
  auth?: Pick<GoogleAuth, 'getRequestHeaders'>;
  timeoutMs?: number;
}

export function createPubSubPublisher(options: RestPublisherOptions = {}): TickPublisher {
  const base = options.emulatorHost ? `http://${options.emulatorHost}` : (options.endpoint ?? 'https://pubsub.googleapis.com');
  let auth = options.auth;
  return {
    async publish(topic: string, messages: TickMessage[]): Promise<string[]> {
      if (!TOPIC.test(topic)) throw new PubSubPublishError(`"${topic}" is not a topic name (projects/<project>/topics/<topic>)`, 400);
      if (messages.length === 0) return [];
      const headers = new Headers({ 'content-type': 'application/json' });
      if (!options.emulatorHost) {
        auth ??= new GoogleAuth({ scopes: [PUBSUB_SCOPE] });
        for (const [key, value] of await auth.getRequestHeaders()) headers.set(key, value);
      }
      const body = {
        messages: messages.map((m) => ({ data: Buffer.from(JSON.stringify(m.data)).toString('base64'), attributes: m.attributes })),
      };
      options.counter?.add('pubsub', 'publish');
      const response = await fetch(`${base}/v1/${topic}:publish`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const text = await response.text();
      if (!response.ok) throw new PubSubPublishError(`Pub/Sub publish to ${topic} failed: HTTP ${response.status} ${googleMessage(text)}`, response.status);
      const ids = (JSON.parse(text) as { messageIds?: unknown }).messageIds;
      if (!Array.isArray(ids) || ids.length !== messages.length) {
        throw new PubSubPublishError(`Pub/Sub answered ${Array.isArray(ids) ? ids.length : 'no'} message IDs for ${messages.length} messages`, 502);
      }
      return ids.map(String);
    },
  };
}

/** The `error.message` of a Google error body (https://cloud.google.com/apis/design/errors), else a short excerpt. */
function googleMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON
  }
  return text.slice(0, 200);
}
