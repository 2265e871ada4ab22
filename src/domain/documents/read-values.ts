import { DateTime } from 'luxon';
import { parseDecimal, toScaledInteger, type Decimal } from './decimal.ts';
import { isBlank, type FixList } from './fixes.ts';
import type { Decimalish, RecordRef } from './input.ts';

/**
 * Field readers used by validation: each returns the parsed value or records a fix naming the record and field,
 * so one pass reports every problem of a shipment instead of stopping at the first.
 */
export interface FieldContext {
  fixes: FixList;
  ref: RecordRef;
}

export function requiredText(ctx: FieldContext, field: string, value: string | undefined): string {
  if (isBlank(value)) {
    ctx.fixes.add(ctx.ref, field, 'is missing');
    return '';
  }
  return (value ?? '').trim();
}

export function optionalText(value: string | undefined): string | undefined {
  return isBlank(value) ? undefined : (value ?? '').trim();
}

/** ISO calendar date (YYYY-MM-DD); undefined and a fix when malformed. */
export function readDate(ctx: FieldContext, field: string, value: string | undefined, required: boolean): string | undefined {
  if (isBlank(value)) {
    if (required) ctx.fixes.add(ctx.ref, field, 'is missing');
    return undefined;
  }
  const text = (value ?? '').trim();
  const parsed = DateTime.fromISO(text, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || !parsed.isValid) {
    ctx.fixes.add(ctx.ref, field, `"${text}" is not a date (expected YYYY-MM-DD)`);
    return undefined;
  }
  return parsed.toISODate() ?? undefined;
}

function describe(value: Decimalish): string {
  return typeof value === 'number' ? String(value) : `"${value}"`;
}

/** A decimal ≥ 0 (or > 0 when `positive`) with at most `maxDigits` decimals. */
export function readDecimal(
  ctx: FieldContext,
  field: string,
  value: Decimalish | null | undefined,
  options: { positive: boolean; maxDigits: number },
): Decimal | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    ctx.fixes.add(ctx.ref, field, 'is missing');
    return undefined;
  }
  const decimal = parseDecimal(value);
  if (!decimal) {
    ctx.fixes.add(ctx.ref, field, `${describe(value)} is not a number`);
    return undefined;
  }
  if (decimal.units < 0n || (options.positive && decimal.units === 0n)) {
    ctx.fixes.add(ctx.ref, field, `${describe(value)} must be ${options.positive ? 'greater than 0' : '0 or more'}`);
    return undefined;
  }
  if (decimal.scale > options.maxDigits) {
    const allowed = options.maxDigits === 0 ? 'a whole number' : `at most ${options.maxDigits} decimals`;
    ctx.fixes.add(ctx.ref, field, `${describe(value)} must have ${allowed}`);
    return undefined;
  }
  return decimal;
}

/** A decimal read into an integer count of 10^-digits (grams from kg with digits 3, cents with digits 2). */
export function readScaled(
  ctx: FieldContext,
  field: string,
  value: Decimalish | null | undefined,
  options: { positive: boolean; digits: number },
): bigint | undefined {
  const decimal = readDecimal(ctx, field, value, { positive: options.positive, maxDigits: options.digits });
  return decimal ? toScaledInteger(decimal, options.digits) : undefined;
}
