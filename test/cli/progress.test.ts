import { describe, expect, it, vi } from 'vitest';
import { terminalProgress } from '../../src/cli/progress.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream, writes };
}

describe('progress line on long runs', () => {
  it('shows the requests made so far per service, redrawn at most four times a second', () => {
    vi.useFakeTimers({ now: new Date('2026-11-27T10:00:00Z') });
    try {
      const { stream, writes } = fakeStream(true);
      const counter = new RequestCounter();
      counter.onChange = terminalProgress(stream);
      counter.add('airtable', 'list');
      counter.add('airtable', 'create', 10); // within 250 ms: not redrawn
      vi.advanceTimersByTime(300);
      counter.add('notion', 'pages.create');
      expect(writes).toEqual([
        '\r\x1b[2K  … requests so far: airtable 1',
        '\r\x1b[2K  … requests so far: airtable 11 · notion 1',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stays silent when stderr is not a terminal (pipes, CI logs)', () => {
    expect(terminalProgress(fakeStream(false).stream)).toBeUndefined();
  });
});
