import { resolveCountry } from './countries.ts';
import { lineAmountMinor, type CurrencyInfo } from './currency.ts';
import type { FixList } from './fixes.ts';
import type { LineInput } from './input.ts';
import type { PackageSummary, PreparedLine, QuantityTotal } from './prepared.ts';
import { readDecimal, readScaled, requiredText, type FieldContext } from './read-values.ts';

/** Unit prices may carry more decimals than the currency (0.125 USD/pc); line totals are rounded to cents. */
const UNIT_PRICE_DIGITS = 6;
const HS_CODE = /^\d{4}(\.?\d{2}){1,3}$/;

function readHsCode(ctx: FieldContext, value: string): string {
  const text = requiredText(ctx, 'HS code', value);
  if (text === '') return '';
  const compact = text.replace(/\s/g, '');
  const digits = compact.replace(/\./g, '');
  if (!HS_CODE.test(compact) || digits.length < 6 || digits.length > 10) {
    ctx.fixes.add(ctx.ref, 'HS code', `"${text}" must be 6 to 10 digits (e.g. 8516.79 or 8516.79.0000)`);
  }
  return compact;
}

/**
 * Validates the lines and computes each one's amount, cartons, carton numbers, weights and volume. Carton numbers
 * run on across lines in order, so the packing list reads 1–40, 41–65, …; a later shipment of a split order starts
 * where the earlier ones ended (`firstCarton`), so the order's cartons are numbered once (air 1–60, sea 61–600).
 */
export function prepareLines(fixes: FixList, inputs: LineInput[], currency: CurrencyInfo | undefined, firstCarton = 1n): PreparedLine[] {
  const lines: PreparedLine[] = [];
  let nextCarton = firstCarton;
  inputs.forEach((input, index) => {
    const ctx: FieldContext = { fixes, ref: input.ref };
    const before = fixes.items.length;
    const sku = requiredText(ctx, 'SKU', input.sku);
    const description = requiredText(ctx, 'Description', input.description);
    const hsCode = readHsCode(ctx, input.hsCode);
    const unit = requiredText(ctx, 'Unit', input.unit).toUpperCase();
    let origin = undefined;
    if (requiredText(ctx, 'Country of origin', input.countryOfOrigin) !== '') {
      origin = resolveCountry(input.countryOfOrigin);
      if (!origin) fixes.add(input.ref, 'Country of origin', `"${input.countryOfOrigin}" is not a country`);
    }
    const quantity = readScaled(ctx, 'Quantity', input.quantity, { positive: true, digits: 0 });
    const unitPrice = readDecimal(ctx, 'Unit price', input.unitPrice, { positive: false, maxDigits: UNIT_PRICE_DIGITS });
    const unitsPerCarton = readScaled(ctx, 'Units per carton', input.unitsPerCarton, { positive: true, digits: 0 });
    const length = readScaled(ctx, 'Carton length cm', input.cartonLengthCm, { positive: true, digits: 2 });
    const width = readScaled(ctx, 'Carton width cm', input.cartonWidthCm, { positive: true, digits: 2 });
    const height = readScaled(ctx, 'Carton height cm', input.cartonHeightCm, { positive: true, digits: 2 });
    const net = readScaled(ctx, 'Net kg per carton', input.netKgPerCarton, { positive: true, digits: 3 });
    const gross = readScaled(ctx, 'Gross kg per carton', input.grossKgPerCarton, { positive: true, digits: 3 });

    if (net !== undefined && gross !== undefined && gross < net) {
      fixes.add(input.ref, 'Gross kg per carton', `${input.grossKgPerCarton} is less than "Net kg per carton" ${input.netKgPerCarton}`);
    }
    if (quantity !== undefined && unitsPerCarton !== undefined && quantity % unitsPerCarton !== 0n) {
      const full = quantity / unitsPerCarton;
      fixes.add(
        input.ref,
        'Quantity',
        `${quantity} is not a whole number of cartons of ${unitsPerCarton} ("Units per carton"): ` +
          `${full} full cartons and ${quantity % unitsPerCarton} loose units; split the odd carton onto its own line`,
      );
    }
    if (
      fixes.items.length > before || !currency || !origin || quantity === undefined || unitPrice === undefined ||
      unitsPerCarton === undefined || length === undefined || width === undefined || height === undefined ||
      net === undefined || gross === undefined
    ) {
      return;
    }
    const cartons = quantity / unitsPerCarton;
    const volumePerCarton = length * width * height;
    lines.push({
      ref: input.ref,
      no: index + 1,
      sku,
      description,
      descriptionLocal: input.descriptionLocal?.trim() || undefined,
      hsCode,
      origin,
      quantity,
      unit,
      unitPrice,
      amountMinor: lineAmountMinor({ units: quantity, scale: 0 }, unitPrice, currency),
      unitsPerCarton,
      cartons,
      cartonFrom: nextCarton,
      cartonTo: nextCarton + cartons - 1n,
      cartonSize: { length, width, height },
      volumePerCarton,
      volume: volumePerCarton * cartons,
      netGramsPerCarton: net,
      grossGramsPerCarton: gross,
      netGrams: net * cartons,
      grossGrams: gross * cartons,
      marks: withCartonNumbers((input.marks ?? []).map((mark) => mark.trim()).filter((mark) => mark !== ''), nextCarton, nextCarton + cartons - 1n),
    });
    nextCarton += cartons;
  });
  return lines;
}

/** Totals = Σ rows (packing-list rule); quantities are summed per unit because PCS and SETS don't add up. */
export function summarisePackages(lines: PreparedLine[], kind: string): PackageSummary {
  const quantities: QuantityTotal[] = [];
  let count = 0n;
  let netGrams = 0n;
  let grossGrams = 0n;
  let volume = 0n;
  for (const line of lines) {
    count += line.cartons;
    netGrams += line.netGrams;
    grossGrams += line.grossGrams;
    volume += line.volume;
    const total = quantities.find((q) => q.unit === line.unit);
    if (total) total.quantity += line.quantity;
    else quantities.push({ unit: line.unit, quantity: line.quantity });
  }
  return { count, kind, netGrams, grossGrams, volume, quantities };
}

/** A shipping mark's carton-number line: "C/NO. 1-600", "C/NOS. 1-UP", "CTN NO. …". */
const CARTON_NUMBER_MARK = /^(C\s*\/\s*NOS?\.?|CTN\.?\s*NOS?\.?|CARTON\s+NOS?\.?)\s*:?\s*\S.*$/i;

/**
 * The marks with their carton-number line set to the cartons these marks are on: the factory's template mark says
 * "C/NO. 1-600" for the whole order, but the sea pack of a split order holds cartons 61-600 and must say so.
 */
export function withCartonNumbers(marks: string[], from: bigint, to: bigint): string[] {
  return marks.map((mark) => (CARTON_NUMBER_MARK.test(mark) ? `C/NO. ${from === to ? `${from}` : `${from}-${to}`}` : mark));
}

/**
 * Distinct mark blocks in line order, separated by a blank line, each with the carton numbers of the whole
 * consignment; "N/M" (no marks) when there are none.
 */
export function consignmentMarks(lines: PreparedLine[]): string[] {
  const blocks: string[] = [];
  const seen = new Set<string>();
  const from = lines[0]?.cartonFrom ?? 1n;
  const to = lines.at(-1)?.cartonTo ?? from;
  for (const line of lines) {
    if (line.marks.length === 0) continue;
    const key = withCartonNumbers(line.marks, from, to).join('\n');
    if (seen.has(key)) continue;
    seen.add(key);
    blocks.push(key);
  }
  return blocks.length === 0 ? ['N/M'] : blocks.join('\n\n').split('\n');
}
