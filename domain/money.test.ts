import DecimalJs from 'decimal.js';
import { money, roundAmount } from './money';

/** The rule without any shortcut: decimal.js, 40 digits, half away from zero, 2 places. */
const Reference = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
const reference = (value: string) => new Reference(value).toDecimalPlaces(2).toFixed(2);

describe('roundAmount', () => {
  it.each([
    ['12.345', '12.35'],
    ['-12.345', '-12.35'],
    ['12.344', '12.34'],
    ['0.005', '0.01'],
    ['-0.004', '0.00'],
    ['-0.00', '0.00'],
    ['-0', '0.00'],
    ['007.50', '7.50'],
    ['12.5', '12.50'],
    ['100', '100.00'],
    ['1e3', '1000.00'],
    ['12.50', '12.50'],
    ['-3.10', '-3.10'],
  ])('rounds %s to %s', (value, expected) => {
    expect(roundAmount(value)).toBe(expected);
  });

  it('prints every amount exactly as decimal.js does, canonical or not', () => {
    // A seeded walk over shapes: signs, leading zeros, 0-4 places, up to 42 digits.
    let seed = 12345;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 5000; i += 1) {
      const digits = Array.from({ length: 1 + next(42) }, () => String(next(10))).join('');
      const places = Array.from({ length: next(5) }, () => String(next(10))).join('');
      const value = `${next(3) === 0 ? '-' : ''}${digits}${places ? `.${places}` : ''}`;
      expect({ value, rounded: roundAmount(value) }).toEqual({ value, rounded: reference(value) });
    }
  });

  it('rounds Decimal and number values too', () => {
    expect(roundAmount(new Reference('2.675'))).toBe('2.68');
    expect(roundAmount(2.5)).toBe('2.50');
    expect(money('9.999', 'EUR')).toEqual({ amount: '10.00', currency: 'EUR' });
  });
});
