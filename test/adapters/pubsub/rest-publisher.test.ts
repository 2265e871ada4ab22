import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPubSubPublisher, PubSubPublishError } from '../../../src/adapters/pubsub/rest-publisher.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import { startPubSubCapture, type PubSubCapture } from '../../functions/pubsub-capture.ts';

describe('Pub/Sub REST publisher', () => {
  let pubsub: PubSubCapture;
  beforeAll(async () => {
    pubsub = await startPubSubCapture();
  });
  afterAll(async () => {
    await pubsub.close();
  });

  it('sends the credentials headers to the real endpoint, base64 JSON data and attributes, and counts the request', async () => {
    const counter = new RequestCounter();
    const publisher = createPubSubPublisher({
      endpoint: `http://${pubsub.host}`,
      counter,
      auth: { getRequestHeaders: async () => new Headers({ authorization: 'Bearer from-metadata-server' }) },
    });
    const ids = await publisher.publish('projects/demo-agency/topics/ticks', [
      { data: { workspace: 'acme', cycle: 'sync' }, attributes: { workspace: 'acme' } },
      { data: { workspace: 'beta', cycle: 'sync' }, attributes: { workspace: 'beta' } },
    ]);
    expect(ids).toHaveLength(2);
    const request = pubsub.requests.at(-1);
    expect(request?.authorization).toBe('Bearer from-metadata-server');
    expect(request?.messages[1]).toEqual({ data: Buffer.from('{"workspace":"beta","cycle":"sync"}').toString('base64'), attributes: { workspace: 'beta' } });
    expect(counter.snapshot()).toEqual({ pubsub: { total: 1, byOperation: { publish: 1 } } });
  });

  it('refuses a topic that is not a full topic name before any request', async () => {
    const before = pubsub.requests.length;
    const publisher = createPubSubPublisher({ emulatorHost: pubsub.host });
    await expect(publisher.publish('ticks', [{ data: {}, attributes: {} }])).rejects.toThrow(PubSubPublishError);
    expect(pubsub.requests.length).toBe(before);
  });
});
