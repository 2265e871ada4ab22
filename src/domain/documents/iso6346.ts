/**
 * ISO 6346 freight container numbers: 3-letter owner code, category letter (U freight container, J detachable
 * equipment, Z trailer/chassis), 6-digit serial, check digit. The check digit is Σ value(char_i) × 2^i mod 11 with
 * 10 read as 0; letters count from A=10 skipping multiples of 11 (so K=21, L=23, U=32, V=34).
 * https://www.bic-code.org/check-digit-calculator/
 */
const LETTER_VALUES: ReadonlyMap<string, number> = (() => {
  const values = new Map<string, number>();
  let value = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (value % 11 === 0) value += 1;
    values.set(letter, value);
    value += 1;
  }
  return values;
})();

const BODY_PATTERN = /^[A-Z]{3}[UJZ]\d{6}$/;

/** Check digit of the first ten characters (owner code, category, serial), or undefined if they are malformed. */
export function containerCheckDigit(body: string): number | undefined {
  const text = body.toUpperCase();
  if (!BODY_PATTERN.test(text)) return undefined;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const char = text.charAt(i);
    const value = /\d/.test(char) ? Number(char) : (LETTER_VALUES.get(char) ?? 0);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

export type ContainerNumberCheck =
  | { ok: true; normalized: string }
  | { ok: false; reason: 'format' }
  | { ok: false; reason: 'check-digit'; expected: number; normalized: string };

/** Validates a container number as typed by people ("MSCU 123456-5" is accepted and normalised). */
export function checkContainerNumber(raw: string): ContainerNumberCheck {
  const normalized = raw.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z]{3}[UJZ]\d{7}$/.test(normalized)) return { ok: false, reason: 'format' };
  const expected = containerCheckDigit(normalized.slice(0, 10));
  if (expected === undefined) return { ok: false, reason: 'format' };
  if (Number(normalized.charAt(10)) !== expected) return { ok: false, reason: 'check-digit', expected, normalized };
  return { ok: true, normalized };
}
