/**
 * Runs a measurement in a fresh Node process (nothing loaded or warmed by the bench runner itself), in production
 * mode with only PATH from this environment, and takes its one JSON result line from stdout.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface FreshProcess {
  /** Arguments to `node`. */
  args: string[];
  /** More environment for the child. */
  env?: Record<string, string>;
  /** How the result line starts. */
  resultLine: string;
  /** Names the child in the error when it fails. */
  label: string;
  /** How much of stderr the error quotes. */
  stderrChars: number;
}

export function runFreshProcess<T>({ args, env = {}, resultLine, label, stderrChars }: FreshProcess): Promise<T> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(resultLine));
      if (code !== 0 || !line) reject(new Error(`${label} exited ${code}: ${err.slice(0, stderrChars)}`));
      else resolveRun(JSON.parse(line) as T);
    });
  });
}
