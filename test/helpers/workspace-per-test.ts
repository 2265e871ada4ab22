/**
 * One local workspace per test file, reset before each test; `fresh` gets it with a new request counter so each
 * test counts only its own requests (the retry tests of every adapter start this way).
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import { startTestWorkspace, type TestWorkspace } from './workspace.ts';

export function workspaceResetPerTest(fresh: (ws: TestWorkspace, counter: RequestCounter) => void | Promise<void>): void {
  let ws: TestWorkspace | undefined;
  beforeAll(async () => {
    ws = await startTestWorkspace();
  });
  afterAll(async () => {
    await ws?.close();
  });
  beforeEach(async () => {
    if (!ws) throw new Error('the test workspace did not start');
    await ws.control('POST', '/reset');
    await fresh(ws, new RequestCounter());
  });
}
