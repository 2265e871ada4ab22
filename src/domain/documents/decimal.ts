/**
 * Exact decimals for money, weights and sizes. Airtable hands numbers over as JS floats; we read their shortest
 * decimal spelling ("0.1", not 0.1000000000000000055) into a scaled bigint so totals never drift.
 */
export interface Decimal {
  /** value = units / 10^scale */
  units: bigint;
  scale: number;
}

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Parses "1,234.50", "12.5" or 12.5; undefined when it is not a plain decimal number. */
export function parseDecimal(value: number | string): Decimal | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // toString gives the shortest round-trip spelling; exponent forms only appear for very small/large values.
    text = Math.abs(value) < 1e-6 && value !== 0 ? value.toFixed(12) : String(value);
    if (/e/i.test(text)) return undefined;
  } else {
    text = value.trim().replace(/,/g, '');
  }
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  const trimmed = fraction.replace(/0+$/, '');
  const units = BigInt(whole + trimmed) * (sign === '-' ? -1n : 1n);
  return { units, scale: trimmed.length };
}

/** The decimal as an integer count of 10^-digits, or undefined if it has more decimals than that. */
export function toScaledInteger(decimal: Decimal, digits: number): bigint | undefined {
  if (decimal.scale > digits) return undefined;
  return decimal.units * 10n ** BigInt(digits - decimal.scale);
}

/** Rounds a non-negative or negative fraction numerator/denominator half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

/** The decimal spelled out with at least `minDigits` decimals (unit prices keep their precision). */
export function formatDecimal(decimal: Decimal, minDigits: number): string {
  const digits = Math.max(minDigits, decimal.scale);
  const scaled = decimal.units * 10n ** BigInt(digits - decimal.scale);
  return formatScaled(scaled, digits);
}

/** Formats units/10^digits with thousands separators: 123456n, 2 → "1,234.56". */
export function formatScaled(units: bigint, digits: number): string {
  const negative = units < 0n;
  const abs = (negative ? -units : units).toString().padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${digits > 0 ? `.${fraction}` : ''}`;
}
