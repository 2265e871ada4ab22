import { describe, expect, it } from 'vitest';
import { amountInWords, integerInWords } from '../../../src/domain/documents/amount-in-words.ts';
import { currencyInfo, lineAmountMinor } from '../../../src/domain/documents/currency.ts';
import { formatScaled, parseDecimal } from '../../../src/domain/documents/decimal.ts';

function currency(code: string) {
  const info = currencyInfo(code);
  if (!info) throw new Error(`no currency ${code}`);
  return info;
}

describe('amount in words', () => {
  it.each([
    [0n, 'ZERO'],
    [7n, 'SEVEN'],
    [15n, 'FIFTEEN'],
    [40n, 'FORTY'],
    [99n, 'NINETY-NINE'],
    [105n, 'ONE HUNDRED AND FIVE'],
    [1000n, 'ONE THOUSAND'],
    [24113n, 'TWENTY-FOUR THOUSAND ONE HUNDRED AND THIRTEEN'],
    [1_000_001n, 'ONE MILLION ONE'],
    [2_300_450_019n, 'TWO BILLION THREE HUNDRED MILLION FOUR HUNDRED AND FIFTY THOUSAND NINETEEN'],
  ])('%i → %s', (value, words) => {
    expect(integerInWords(value)).toBe(words);
  });

  it.each([
    ['USD', 2411350n, 'SAY US DOLLARS TWENTY-FOUR THOUSAND ONE HUNDRED AND THIRTEEN AND CENTS FIFTY ONLY'],
    ['USD', 100n, 'SAY US DOLLARS ONE ONLY'],
    ['EUR', 1n, 'SAY EUROS ZERO AND CENTS ONE ONLY'],
    ['GBP', 123405n, 'SAY POUNDS STERLING ONE THOUSAND TWO HUNDRED AND THIRTY-FOUR AND PENCE FIVE ONLY'],
    ['CNY', 88888n, 'SAY CHINESE YUAN RENMINBI EIGHT HUNDRED AND EIGHTY-EIGHT AND FEN EIGHTY-EIGHT ONLY'],
    ['JPY', 1500000n, 'SAY JAPANESE YEN ONE MILLION FIVE HUNDRED THOUSAND ONLY'],
  ])('%s %i minor units', (code, minor, words) => {
    expect(amountInWords(minor, currency(code))).toBe(words);
  });
});

describe('money without float drift', () => {
  it('sums a hundred 0.10 lines to exactly 10.00 (floats give 9.99999999999998)', () => {
    const usd = currency('USD');
    const price = parseDecimal(0.1);
    if (!price) throw new Error('unparsed');
    let total = 0n;
    let floatTotal = 0;
    for (let i = 0; i < 100; i += 1) {
      total += lineAmountMinor({ units: 1n, scale: 0 }, price, usd);
      floatTotal += 0.1;
    }
    expect(formatScaled(total, 2)).toBe('10.00');
    expect(floatTotal).not.toBe(10);
  });

  it.each([
    ['500 × 9.875 = 4,937.50', 500n, '9.875', '4,937.50'],
    ['3 × 0.335 rounds half up to 1.01', 3n, '0.335', '1.01'],
    ['7 × 1.005 = 7.035 → 7.04', 7n, 1.005, '7.04'],
    ['1 × 0.125 = 0.13', 1n, '0.125', '0.13'],
    ['12,000 × 0.0415 = 498.00', 12000n, '0.0415', '498.00'],
  ])('%s', (_name, quantity, price, expected) => {
    const unitPrice = parseDecimal(price);
    if (!unitPrice) throw new Error('unparsed');
    expect(formatScaled(lineAmountMinor({ units: quantity, scale: 0 }, unitPrice, currency('USD')), 2)).toBe(expected);
  });

  it('reads Airtable numbers by their decimal spelling', () => {
    expect(parseDecimal(1.005)).toEqual({ units: 1005n, scale: 3 });
    expect(parseDecimal('1,234.50')).toEqual({ units: 12345n, scale: 1 });
    expect(parseDecimal('12 USD')).toBeUndefined();
  });
});
