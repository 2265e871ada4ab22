/**
 * WeCom (企业微信) group robot: https://developer.work.weixin.qq.com/document/path/91770. `POST <webhook URL>` with
 * the JSON message; every answer is HTTP 200 with `{"errcode":0,"errmsg":"ok"}` or a non-zero errcode (45009: over
 * 20 messages a minute; 93000: the key is wrong). There is no official Node SDK, so this is plain fetch.
 */
import { ChatPostError } from '../../ports/chat.ts';

export async function postWecom(webhookUrl: string, body: unknown, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new ChatPostError(`WeCom robot: no answer (${(error as Error).message})`, false, 'network');
  }
  if (!response.ok) {
    // A 5xx may come after the message was taken; a 4xx never.
    throw new ChatPostError(`WeCom robot: HTTP ${response.status}`, response.status < 500, `http-${response.status}`);
  }
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = (await response.json()) as typeof answer;
  } catch {
    throw new ChatPostError('WeCom robot: an answer that is not JSON', false, 'bad-answer');
  }
  if (answer.errcode !== 0) {
    throw new ChatPostError(`WeCom robot refused the message: ${String(answer.errcode)} ${String(answer.errmsg ?? '')}`.trim(), true, String(answer.errcode));
  }
}
