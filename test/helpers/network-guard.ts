/**
 * Any test that opens a TCP connection to a host other than loopback fails: the suite must never reach Airtable,
 * Notion or Google, even by accident (e.g. an upload URL that ignored rootUrl).
 */
import net from 'node:net';
import { afterEach } from 'vitest';

const violations: string[] = [];

/** Hosts blocked since the last call; a test that provokes the guard on purpose takes them back. */
export function takeViolations(): string[] {
  return violations.splice(0);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '::ffff:127.0.0.1']);
const originalConnect = net.Socket.prototype.connect;

function hostOf(args: unknown[]): string | undefined {
  const [first, second] = args;
  if (Array.isArray(first)) return hostOf(first);
  if (first && typeof first === 'object') {
    const options = first as { host?: string; path?: string };
    if (options.path) return undefined; // Unix socket
    return options.host ?? 'localhost';
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return typeof second === 'string' ? second : 'localhost';
  }
  return undefined; // Unix socket path
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = hostOf(args);
  if (host !== undefined && !LOOPBACK.has(host)) {
    const error = new Error(`network guard: a test tried to connect to ${host}; only 127.0.0.1 is allowed`);
    violations.push(host);
    throw error;
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

// A refused connection can be swallowed by retry logic, so the violation itself fails the test that made it.
afterEach(() => {
  if (violations.length === 0) return;
  const hosts = violations.splice(0).join(', ');
  throw new Error(`network guard: this test tried to reach ${hosts}; only 127.0.0.1 is allowed`);
});
