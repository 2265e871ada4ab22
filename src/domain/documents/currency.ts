import { divideRounded, formatScaled, type Decimal } from './decimal.ts';

/**
 * Currencies an export invoice from China is written in, with their ISO 4217 minor units and the words used in
 * "SAY … ONLY" amount lines. A currency outside this list is reported rather than guessed.
 */
export interface CurrencyInfo {
  code: string;
  minorDigits: number;
  /** Plural major-unit name as it reads in words: "US DOLLARS". */
  majorName: string;
  /** Plural minor-unit name, absent for currencies without a minor unit. */
  minorName?: string;
}

const CURRENCIES: readonly CurrencyInfo[] = [
  { code: 'USD', minorDigits: 2, majorName: 'US DOLLARS', minorName: 'CENTS' },
  { code: 'EUR', minorDigits: 2, majorName: 'EUROS', minorName: 'CENTS' },
  { code: 'GBP', minorDigits: 2, majorName: 'POUNDS STERLING', minorName: 'PENCE' },
  { code: 'CNY', minorDigits: 2, majorName: 'CHINESE YUAN RENMINBI', minorName: 'FEN' },
  { code: 'HKD', minorDigits: 2, majorName: 'HONG KONG DOLLARS', minorName: 'CENTS' },
  { code: 'CAD', minorDigits: 2, majorName: 'CANADIAN DOLLARS', minorName: 'CENTS' },
  { code: 'AUD', minorDigits: 2, majorName: 'AUSTRALIAN DOLLARS', minorName: 'CENTS' },
  { code: 'NZD', minorDigits: 2, majorName: 'NEW ZEALAND DOLLARS', minorName: 'CENTS' },
  { code: 'SGD', minorDigits: 2, majorName: 'SINGAPORE DOLLARS', minorName: 'CENTS' },
  { code: 'CHF', minorDigits: 2, majorName: 'SWISS FRANCS', minorName: 'CENTIMES' },
  { code: 'SEK', minorDigits: 2, majorName: 'SWEDISH KRONOR', minorName: 'ORE' },
  { code: 'NOK', minorDigits: 2, majorName: 'NORWEGIAN KRONER', minorName: 'ORE' },
  { code: 'DKK', minorDigits: 2, majorName: 'DANISH KRONER', minorName: 'ORE' },
  { code: 'AED', minorDigits: 2, majorName: 'UAE DIRHAMS', minorName: 'FILS' },
  { code: 'MXN', minorDigits: 2, majorName: 'MEXICAN PESOS', minorName: 'CENTAVOS' },
  { code: 'JPY', minorDigits: 0, majorName: 'JAPANESE YEN' },
  { code: 'KRW', minorDigits: 0, majorName: 'SOUTH KOREAN WON' },
];

export function currencyInfo(code: string): CurrencyInfo | undefined {
  const wanted = code.trim().toUpperCase();
  return CURRENCIES.find((c) => c.code === wanted);
}

/** qty × unit price, rounded half-up to the currency's minor unit (the invoice line total rule). */
export function lineAmountMinor(quantity: Decimal, unitPrice: Decimal, currency: CurrencyInfo): bigint {
  const product = quantity.units * unitPrice.units;
  const scale = quantity.scale + unitPrice.scale;
  if (scale <= currency.minorDigits) return product * 10n ** BigInt(currency.minorDigits - scale);
  return divideRounded(product, 10n ** BigInt(scale - currency.minorDigits));
}

/** Minor units → "12,345.67" (no currency code; documents print the code once in headers). */
export function formatMinor(amountMinor: bigint, currency: CurrencyInfo): string {
  return formatScaled(amountMinor, currency.minorDigits);
}
