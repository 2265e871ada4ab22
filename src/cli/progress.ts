/**
 * Progress for people on long runs: one line on stderr, rewritten in place, with the requests made so far per
 * service (a first sync of a large base makes thousands at 3–5 per second). Only on a terminal and never with
 * --json, so pipes and machine output stay clean.
 */
import type { RequestCounter } from '../lib/request-counter.ts';

const REDRAW_MS = 250;

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ((counter: RequestCounter) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return (counter) => {
    const now = Date.now();
    if (now - last < REDRAW_MS) return;
    last = now;
    const parts = Object.entries(counter.snapshot()).map(([service, c]) => `${service} ${c.total}`);
    stream.write(`\r\x1b[2K  … requests so far: ${parts.join(' · ')}`);
  };
}

/** Clears the progress line before the report is printed. */
export function clearProgress(stream: NodeJS.WriteStream = process.stderr): void {
  if (stream.isTTY) stream.write('\r\x1b[2K');
}
