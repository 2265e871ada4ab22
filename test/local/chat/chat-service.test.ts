/** The local WeCom robot and Slack webhook endpoints answer as the services document it, through plain HTTP. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';

const ROBOT_KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'.replace(/x/g, '0').replace('sifa', '0fa0');
const SLACK_HOOK = 'T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';

describe('local chat webhooks', () => {
  let ws: TestWorkspace;
  beforeEach(async () => {
    // Speed 1: the robots' real limits (20 a minute, about 1 a second).
    ws = await startTestWorkspace({ speed: 1 });
  });
  afterEach(async () => {
    await ws.close();
  });

  const wecom = (body: unknown, key = ROBOT_KEY) =>
    fetch(`${ws.url}/cgi-bin/webhook/send?key=${key}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const slack = (body: unknown, hook = SLACK_HOOK) =>
    fetch(`${ws.url}/services/${hook}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('WeCom: {"errcode":0,"errmsg":"ok"} with no bearer token, the message kept as a file; errors as HTTP 200 with a code', async () => {
    const ok = await wecom({ msgtype: 'markdown', markdown: { content: '## 紧急\n> PO-2406' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ errcode: 0, errmsg: 'ok' });
    const listed = (await (await fetch(`${ws.url}/viewer/chat`)).text());
    expect(listed).toContain('&gt; PO-2406');
    const cases: [unknown, string, number][] = [
      [{ msgtype: 'text', text: { content: 'x' } }, 'not-a-key', 93000],
      [{ msgtype: 'voice', voice: {} }, ROBOT_KEY, 40008],
      [{ msgtype: 'text', text: { content: '  ' } }, ROBOT_KEY, 44004],
      [{ msgtype: 'text', text: { content: '验'.repeat(700) } }, ROBOT_KEY, 40058],
    ];
    for (const [body, key, code] of cases) {
      const r = await wecom(body, key);
      expect(r.status).toBe(200);
      expect(((await r.json()) as { errcode: number }).errcode).toBe(code);
    }
  });

  it('WeCom: the 21st message in a minute to one robot is refused with 45009, another robot is not affected', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i += 1) codes.push(((await (await wecom({ msgtype: 'text', text: { content: `m${i}` } })).json()) as { errcode: number }).errcode);
    expect(codes.slice(0, 20).every((c) => c === 0)).toBe(true);
    expect(codes[20]).toBe(45009);
    const other = ROBOT_KEY.replace(/^6/, '7');
    expect(((await (await wecom({ msgtype: 'text', text: { content: 'x' } }, other)).json()) as { errcode: number }).errcode).toBe(0);
  });

  it('Slack: 200 "ok" as text/plain; plain-text errors 400 no_text, 404 no_service, 429 with Retry-After', async () => {
    const ok = await slack({ text: 'PO-2406 PSI failed', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*PO-2406*' } }] });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe('ok');
    const limited = await slack({ text: 'again at once' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const empty = await slack({ blocks: [] }, 'T11111111/B11111111/YYYYYYYYYYYYYYYY');
    expect([empty.status, await empty.text()]).toEqual([400, 'no_text']);
    const unknown = await slack({ text: 'x' }, 'nope');
    expect([unknown.status, await unknown.text()]).toEqual([404, 'no_service']);
    // Only the accepted message is kept.
    const rows = (await (await fetch(`${ws.url}/viewer/chat`)).text()).match(/class="chatmsg"/g) ?? [];
    expect(rows).toHaveLength(1);
    const file = /slack\/[^ <]+\.json/.exec(await (await fetch(`${ws.url}/viewer/chat`)).text())![0];
    expect(JSON.parse(readFileSync(join(ws.dir, 'chat', file), 'utf8'))).toMatchObject({ text: 'PO-2406 PSI failed' });
  });
});
