/** Small helpers to print for people (tables, sections) or for machines (--json). */
import type { RequestCounts } from '../lib/request-counter.ts';
import { clearProgress } from './progress.ts';

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function requestSummary(requests: RequestCounts): string {
  const parts = Object.entries(requests).map(([service, c]) => {
    const ops = Object.entries(c.byOperation)
      .map(([op, n]) => `${op} ${n}`)
      .join(', ');
    return `${service} ${c.total} (${ops})`;
  });
  return parts.length === 0 ? 'none' : parts.join('; ');
}

export interface Printer {
  json: boolean;
  out(text: string): void;
  err(text: string): void;
}

export function printer(json: boolean): Printer {
  return {
    json,
    out: (text) => {
      clearProgress();
      process.stdout.write(`${text}\n`);
    },
    err: (text) => {
      clearProgress();
      process.stderr.write(`${text}\n`);
    },
  };
}
