/** Small helpers to print for people (tables, sections) or for machines (--json). */
import type { JobReport } from '../jobs/report.ts';
import type { RequestCounts } from '../lib/request-counter.ts';
import { EXIT } from './exit-codes.ts';
import { alreadyRunningText, isAlreadyRunning } from './job-leases.ts';
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

/** The last lines of a job's text report: its requests, then its problems if it had any. */
export function reportFooter(report: Pick<JobReport, 'requests' | 'problems'>): string[] {
  const lines = ['', `Requests: ${requestSummary(report.requests)}`];
  if (report.problems.length > 0) lines.push('', 'Problems:', ...report.problems.map((p) => `  - ${p}`));
  return lines;
}

/** Prints a job's report (as JSON with --json) and gives the exit code: ok, or problems when rows were skipped. */
export function printReport<R extends JobReport<unknown>>(print: Printer, report: R, format: (report: R) => string): number {
  // Another run holds the job's lease: say so and exit 0 (nothing failed; that run does the work).
  if (isAlreadyRunning(report)) {
    print.out(print.json ? JSON.stringify(report, null, 2) : alreadyRunningText(report.alreadyRunning));
    return EXIT.ok;
  }
  print.out(print.json ? JSON.stringify(report, null, 2) : format(report));
  return report.ok ? EXIT.ok : EXIT.problems;
}

export interface Printer {
  json: boolean;
  /** --verbose: every job's full report instead of its summary. */
  verbose: boolean;
  out(text: string): void;
  /** An error that ends the command: text on stderr, or with --json `{"ok":false,"error":…}` on stdout. */
  err(text: string): void;
  /** A remark for people that is not the command's output (always stderr, so --json stdout stays one document). */
  note(text: string): void;
}

export function printer(json: boolean, verbose = false): Printer {
  return {
    json,
    verbose,
    out: (text) => {
      clearProgress();
      process.stdout.write(`${text}\n`);
    },
    err: (text) => {
      clearProgress();
      if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: text })}\n`);
      else process.stderr.write(`${text}\n`);
    },
    note: (text) => {
      clearProgress();
      process.stderr.write(`${text}\n`);
    },
  };
}
