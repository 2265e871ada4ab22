import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { takeViolations } from './network-guard.ts';

describe('network guard', () => {
  it('throws on a connection to a non-loopback host and records it', () => {
    const socket = new net.Socket();
    expect(() => socket.connect(443, 'api.airtable.com')).toThrow(/only 127.0.0.1 is allowed/);
    expect(takeViolations()).toEqual(['api.airtable.com']);
  });

  it('lets loopback through', async () => {
    await expect(fetch('http://127.0.0.1:9/')).rejects.toThrow(/fetch failed/);
    expect(takeViolations()).toEqual([]);
  });
});
