import Decimal from 'decimal.js';

/**
 * Money on the wire and in the domain: a decimal string and an ISO 4217 code, never a float.
 *
 * The one rounding rule of the graph: amounts are rounded to 2 decimal places, half away from zero
 * (ROUND_HALF_UP in decimal.js terms, "commercial rounding"), which is what the legacy billing and
 * commission systems apply. Intermediate arithmetic is exact (decimal.js with 40 significant digits);
 * only results shown to a user are rounded.
 */
export interface Money {
  amount: string;
  currency: string;
}

export const MONEY_DECIMAL_PLACES = 2;

const MoneyDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_PATTERN.test(value);
}

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && CURRENCY_PATTERN.test(value);
}

/**
 * An amount already printed as this rule prints it: no leading zeros, exactly 2 places, within the
 * 40 significant digits, and not negative zero. Most legacy amounts arrive like this.
 */
const CANONICAL_AMOUNT = /^-?(?:0|[1-9]\d{0,37})\.\d{2}$/;

/** Rounds a decimal (string or Decimal) by the graph's rule and prints it with exactly 2 places. */
export function roundAmount(value: Decimal.Value): string {
  // The canonical form is its own rounding: skipping decimal.js here saves most of its cost.
  if (typeof value === 'string' && CANONICAL_AMOUNT.test(value) && value !== '-0.00') return value;
  return new MoneyDecimal(value).toDecimalPlaces(MONEY_DECIMAL_PLACES).toFixed(MONEY_DECIMAL_PLACES);
}

export function money(amount: Decimal.Value, currency: string): Money {
  return { amount: roundAmount(amount), currency };
}

export { MoneyDecimal as Decimal };
