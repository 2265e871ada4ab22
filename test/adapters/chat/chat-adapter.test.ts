/** The chat adapters against the local WeCom and Slack endpoints: success, and each documented refusal as a definite failure. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatPort } from '../../../src/adapters/chat/index.ts';
import { localWebhookUrl } from '../../../src/config/chat-config.ts';
import { composeChat } from '../../../src/domain/chat/compose-chat.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import { ChatPostError } from '../../../src/ports/chat.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';

const items = [{ subject: 'PO-2406', rule: 'inspection-failed', message: 'PSI failed.' }];

describe('chat adapters', () => {
  let ws: TestWorkspace;
  let counter: RequestCounter;
  beforeEach(async () => {
    ws = await startTestWorkspace({ speed: 1 });
    counter = new RequestCounter();
  });
  afterEach(async () => {
    await ws.close();
  });

  it('WeCom: 20 posts a minute go through; the 21st is a definite refusal with errcode 45009, and every post is counted', async () => {
    // A fake clock for the adapter's spacing; the local robot counts real time, so the 21st post is still refused.
    let clock = 0;
    const waits: number[] = [];
    const port = createChatPort({ counter, now: () => clock, sleep: async (ms) => void (waits.push(ms), (clock += ms)) });
    const url = localWebhookUrl(ws.url, 'wecom', 'qc');
    for (let i = 0; i < 20; i += 1) await port.post(url, composeChat('wecom', true, 'Agency', items));
    // Posts to one robot are spaced to stay under 20 a minute.
    expect(waits).toEqual(Array.from({ length: 19 }, () => 3_100));
    const refused = await port.post(url, composeChat('wecom', true, 'Agency', items)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ChatPostError);
    expect(refused).toMatchObject({ definite: true, code: '45009' });
    expect(counter.total('wecom')).toBe(21);
  });

  it('Slack: "ok" is success; 429 and 404 no_service are definite refusals; no answer is not', async () => {
    const port = createChatPort({ counter, sleep: async () => {} });
    const url = localWebhookUrl(ws.url, 'slack', 'urgent');
    await port.post(url, composeChat('slack', false, 'Agency', items));
    await expect(port.post(url, composeChat('slack', false, 'Agency', items))).rejects.toMatchObject({ definite: true, code: '429 rate_limited' });
    await expect(port.post(`${ws.url}/services/nope`, composeChat('slack', false, 'Agency', items))).rejects.toMatchObject({ definite: true, code: '404 no_service' });
    await ws.control('POST', '/faults', { service: 'chat', kind: 'reset', count: 1 });
    await expect(port.post(localWebhookUrl(ws.url, 'slack', 'other'), composeChat('slack', false, 'Agency', items))).rejects.toMatchObject({ definite: false, code: 'network' });
  });
});
