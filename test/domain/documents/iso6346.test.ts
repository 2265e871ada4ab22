import { describe, expect, it } from 'vitest';
import { checkContainerNumber, containerCheckDigit } from '../../../src/domain/documents/iso6346.ts';

describe('ISO 6346 check digit', () => {
  // CSQU3054383 is the standard's worked example; ABCU1234560 and MWCU6059784 are published calculator examples;
  // CSQU3054300 exercises "remainder 10 counts as 0".
  it.each([
    ['CSQU305438', 3],
    ['MWCU605978', 4],
    ['ABCU123456', 0],
    ['CSQU305430', 0],
    ['MSCU123456', 6],
    ['OOLU188221', 4],
    ['TGHU987034', 9],
    ['HLXU123456', 1],
  ])('%s → %i', (body, digit) => {
    expect(containerCheckDigit(body)).toBe(digit);
  });

  it.each([
    ['CSQU3054383', true],
    ['csqu 305438-3', true],
    ['MWCU6059784', true],
    ['CSQU3054300', true],
    ['CSQU3054384', false],
    ['MSCU1234565', false],
    ['MWCU6059789', false],
  ])('%s valid: %s', (number, valid) => {
    expect(checkContainerNumber(number).ok).toBe(valid);
  });

  it('reports the digit the number should have ended with', () => {
    expect(checkContainerNumber('MSCU1234565')).toEqual({ ok: false, reason: 'check-digit', expected: 6, normalized: 'MSCU1234565' });
  });

  it.each(['CSQ3054383', 'CSQX3054383', '1SQU3054383', 'CSQU305438', 'CSQU30543833', ''])('rejects the malformed %j', (number) => {
    expect(checkContainerNumber(number)).toEqual({ ok: false, reason: 'format' });
  });

  it('skips letter values that are multiples of 11 (K=21, L=23, U=32, V=34)', () => {
    // Same serial, owner codes differing only in K→L: values 21 and 23 at position 0 change the sum by 2.
    const k = containerCheckDigit('KAAU000000') ?? -1;
    const l = containerCheckDigit('LAAU000000') ?? -1;
    expect((l - k + 11) % 11).toBe(2);
  });
});
