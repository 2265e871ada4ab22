import type { CurrencyInfo } from './currency.ts';

const ONES = [
  'ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN',
  'ELEVEN', 'TWELVE', 'THIRTEEN', 'FOURTEEN', 'FIFTEEN', 'SIXTEEN', 'SEVENTEEN', 'EIGHTEEN', 'NINETEEN',
];
const TENS = ['', '', 'TWENTY', 'THIRTY', 'FORTY', 'FIFTY', 'SIXTY', 'SEVENTY', 'EIGHTY', 'NINETY'];
const SCALES = ['', 'THOUSAND', 'MILLION', 'BILLION', 'TRILLION'];

function underThousand(n: number): string {
  const parts: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) parts.push(`${ONES[hundreds]} HUNDRED`);
  if (rest > 0) {
    // British/L-C usage puts "AND" after hundreds: "ONE HUNDRED AND FIVE".
    if (hundreds > 0) parts.push('AND');
    if (rest < 20) parts.push(ONES[rest] ?? '');
    else parts.push(TENS[Math.floor(rest / 10)] + (rest % 10 > 0 ? `-${ONES[rest % 10]}` : ''));
  }
  return parts.join(' ');
}

/** A non-negative integer in English capitals: 1205 → "ONE THOUSAND TWO HUNDRED AND FIVE". */
export function integerInWords(value: bigint): string {
  if (value < 0n) throw new Error(`integerInWords expects a non-negative number, got ${value}`);
  if (value === 0n) return ONES[0] ?? 'ZERO';
  const groups: number[] = [];
  let rest = value;
  while (rest > 0n) {
    groups.push(Number(rest % 1000n));
    rest /= 1000n;
  }
  if (groups.length > SCALES.length) throw new Error(`integerInWords: ${value} is too large`);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const group = groups[i] ?? 0;
    if (group === 0) continue;
    words.push(underThousand(group) + (SCALES[i] ? ` ${SCALES[i]}` : ''));
  }
  return words.join(' ');
}

/**
 * The "amount in words" line of L/C practice, e.g.
 * "SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED AND FORTY-FIVE AND CENTS SIXTY-SEVEN ONLY".
 */
export function amountInWords(amountMinor: bigint, currency: CurrencyInfo): string {
  if (amountMinor < 0n) throw new Error('amountInWords expects a non-negative amount');
  const factor = 10n ** BigInt(currency.minorDigits);
  const major = amountMinor / factor;
  const minor = amountMinor % factor;
  let text = `SAY ${currency.majorName} ${integerInWords(major)}`;
  if (currency.minorName && minor > 0n) text += ` AND ${currency.minorName} ${integerInWords(minor)}`;
  return `${text} ONLY`;
}
