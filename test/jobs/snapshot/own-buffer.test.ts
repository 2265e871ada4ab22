/**
 * ownBuffer: a kept buffer must not pin a larger block (Node's 8 KB pool slab, zlib's 16 KB output chunk).
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ownBuffer } from '../../../src/jobs/snapshot/own-buffer.ts';

describe('ownBuffer', () => {
  it('copies a pooled slice or a zlib view into a block of exactly its bytes, same content', () => {
    const pooled = Buffer.from('a short JSON run of milestones', 'utf8');
    const zlibView = deflateRawSync(Buffer.from('x'.repeat(3000)), { level: 1 });
    for (const input of [pooled, zlibView]) {
      expect(input.buffer.byteLength).toBeGreaterThan(input.byteLength); // what the test is about
      const own = ownBuffer(input);
      expect(own.buffer.byteLength).toBe(own.byteLength);
      expect(own.equals(input)).toBe(true);
    }
  });

  it('keeps a buffer that already owns its block as it is', () => {
    const whole = Buffer.allocUnsafeSlow(10_000).fill(7);
    expect(ownBuffer(whole)).toBe(whole);
  });
});
