import { GraphQLError, GraphQLScalarType, parseValue as parseValueNode } from 'graphql';
import { CurrencyScalar, DateScalar, DecimalScalar } from './scalars';

/**
 * Each scalar three ways: a variable's JSON value (parseValue), an inline literal (parseLiteral)
 * and a resolver's value on the way out (serialize). Inputs are refused with BAD_USER_INPUT,
 * outputs with INTERNAL; nothing of the wrong shape gets through either way.
 */
function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions.code;
  }
  throw new Error('expected the value to be refused');
}

const literal = (scalar: GraphQLScalarType, source: string) => scalar.parseLiteral(parseValueNode(source));

const CASES: Array<{ scalar: GraphQLScalarType; good: string[]; bad: unknown[]; badLiterals: string[] }> = [
  {
    scalar: DecimalScalar,
    good: ['0', '12.50', '-3', '0.1', '100', '1234567890.123456789', '9'.repeat(40)],
    bad: [
      0.30000000000000004,
      12.5,
      1,
      '1e3',
      '1E-2',
      'NaN',
      'Infinity',
      '-Infinity',
      '',
      ' 1',
      '1 ',
      '+1',
      '.5',
      '5.',
      '007',
      '1,5',
      '0x10',
      '--1',
      '9'.repeat(41),
      '1.' + '0'.repeat(40),
      { amount: '1.00' },
      ['1'],
      null,
      true,
    ],
    badLiterals: ['12.5', '1', 'true', '{ amount: "1" }', '["1"]', '"1e3"', '"abc"'],
  },
  {
    scalar: CurrencyScalar,
    good: ['EUR', 'USD', 'GBP', 'JPY', 'CHF'],
    bad: ['eur', 'EURO', 'EU', 'XYZ', 'XDR', '', ' EUR', 840, { code: 'EUR' }, null],
    badLiterals: ['EUR', '840', '"eur"', '"ABC"'],
  },
  {
    scalar: DateScalar,
    good: ['2026-12-31', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-04-30'],
    bad: [
      '2026-02-30',
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '0000-01-01',
      '2026-1-5',
      '20261231',
      '2026-12-31T00:00:00Z',
      ' 2026-12-31',
      '',
      1767139200000,
      { year: 2026 },
      null,
    ],
    badLiterals: ['20261231', 'true', '"2026-02-30"', '"31/12/2026"'],
  },
];

describe.each(CASES)('$scalar.name', ({ scalar, good, bad, badLiterals }) => {
  it.each(good)('takes and gives %p unchanged', (value) => {
    expect(scalar.parseValue(value)).toBe(value);
    expect(literal(scalar, JSON.stringify(value))).toBe(value);
    expect(scalar.serialize(value)).toBe(value);
  });

  it.each(bad.map((value) => [value]))('refuses the variable value %p with BAD_USER_INPUT', (value) => {
    expect(codeOf(() => scalar.parseValue(value))).toBe('BAD_USER_INPUT');
  });

  it.each(badLiterals)('refuses the literal %s with BAD_USER_INPUT', (source) => {
    expect(codeOf(() => literal(scalar, source))).toBe('BAD_USER_INPUT');
  });

  it.each(bad.map((value) => [value]))('refuses to serialize %p, with INTERNAL', (value) => {
    expect(codeOf(() => scalar.serialize(value))).toBe('INTERNAL');
  });
});

describe('messages', () => {
  it('say what was expected and what was given, without echoing a huge value', () => {
    const huge = '1'.repeat(20_000) + 'x';
    const error = (() => {
      try {
        DecimalScalar.parseValue(huge);
      } catch (caught) {
        return caught as GraphQLError;
      }
      throw new Error('expected a refusal');
    })();
    expect(error.message).toBe(
      'Decimal must be a decimal number in a string, e.g. "12.50" (no exponent, at most 40 digits), got a 20001-character string',
    );
  });

  it('name the JSON type of a number given for a Decimal', () => {
    expect(() => DecimalScalar.parseValue(0.1 + 0.2)).toThrow(/got the number 0.30000000000000004/);
  });
});

describe('Date against the calendar', () => {
  it('takes exactly the days that exist, every day of 1896 to 2104 (leap years, centuries)', () => {
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    const disagreements: string[] = [];
    for (let year = 1896; year <= 2104; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        for (let day = 1; day <= 31; day += 1) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const exists = new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
          const taken = isTaken(() => DateScalar.parseValue(text));
          if (taken !== exists) disagreements.push(text);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

function isTaken(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}
