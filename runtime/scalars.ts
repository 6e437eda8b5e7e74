import {
  GraphQLError,
  GraphQLScalarType,
  type GraphQLSchema,
  isScalarType,
  Kind,
  type ValueNode,
} from 'graphql';
import { INTERNAL } from './error-codes';

/**
 * The graph's custom scalars, one implementation for the gateway and every subgraph (the subgraph
 * host adds them to each schema that declares them; the gateway installs them on its API schema, so
 * that a malformed value is refused before any subgraph is asked). Strict both ways: a client's value of the wrong shape is refused with
 * BAD_USER_INPUT before any resolver runs, and a resolver's value of the wrong shape is refused
 * with INTERNAL instead of being sent: a client must be able to trust every value it gets.
 *
 * - `Decimal`: a string only, in plain decimal notation: an optional minus, digits without leading
 *   zeros, optionally a point and digits (`"12.50"`, `"-3"`, `"0.1"`). JSON numbers and GraphQL
 *   Int/Float literals are refused: a float cannot hold 0.1 exactly, and accepting 12.5 but not
 *   12.50 would hide the scale. No exponent, NaN or Infinity; at most 40 digits.
 * - `Currency`: an ISO 4217 code from CURRENCY_CODES, upper case.
 * - `Date`: a calendar date `YYYY-MM-DD` that exists (no 2026-02-30), years 0001 to 9999.
 */

const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const MAX_DECIMAL_DIGITS = 40;

/**
 * ISO 4217 codes of the currencies in circulation (ICU's list, without the IMF's accounting units
 * XDR and XSU). Whether a partner may use one is its price book's business, not the scalar's.
 */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN ' +
    'BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
    'GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF ' +
    'KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR ' +
    'MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG ' +
    'SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD ' +
    'UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL'
  ).split(' '),
);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Describes a refused value without echoing it whole: it may be megabytes long. */
function shown(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 40 ? `a ${value.length}-character string` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return value === null ? 'null' : `a JSON ${Array.isArray(value) ? 'array' : typeof value}`;
}

function literalShown(ast: ValueNode): string {
  if (ast.kind === Kind.STRING) return shown(ast.value);
  if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return `the number ${ast.value}`;
  return `a ${ast.kind.toLowerCase().replace('value', '')} literal`;
}

interface ScalarRule {
  name: string;
  /** What a valid value looks like, for messages. */
  expected: string;
  isValid(value: string): boolean;
}

function refusedInput(rule: ScalarRule, given: string): GraphQLError {
  return new GraphQLError(`${rule.name} must be ${rule.expected}, got ${given}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

function strictStringScalar(rule: ScalarRule): GraphQLScalarType<string, string> {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !rule.isValid(value)) throw refusedInput(rule, shown(value));
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name: rule.name,
    serialize(value) {
      if (typeof value !== 'string' || !rule.isValid(value)) {
        throw new GraphQLError(`A resolver produced ${shown(value)}, which is not a valid ${rule.name}`, {
          extensions: { code: INTERNAL },
        });
      }
      return value;
    },
    parseValue: parse,
    parseLiteral(ast) {
      if (ast.kind !== Kind.STRING) throw refusedInput(rule, literalShown(ast));
      return parse(ast.value);
    },
  });
}

function isCanonicalDecimal(value: string): boolean {
  return DECIMAL.test(value) && value.replace(/[-.]/g, '').length <= MAX_DECIMAL_DIGITS;
}

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export const DecimalScalar = strictStringScalar({
  name: 'Decimal',
  expected: `a decimal number in a string, e.g. "12.50" (no exponent, at most ${MAX_DECIMAL_DIGITS} digits)`,
  isValid: isCanonicalDecimal,
});

export const CurrencyScalar = strictStringScalar({
  name: 'Currency',
  expected: 'an ISO 4217 currency code in capitals, e.g. "EUR"',
  isValid: (value) => CURRENCY_CODES.has(value),
});

export const DateScalar = strictStringScalar({
  name: 'Date',
  expected: 'a calendar date YYYY-MM-DD, e.g. "2026-12-31"',
  isValid: isCalendarDate,
});

/** Every custom scalar by its schema name, for the subgraph host to add to each subgraph's resolvers. */
export const SCALARS: Readonly<Record<string, GraphQLScalarType>> = {
  Decimal: DecimalScalar,
  Currency: CurrencyScalar,
  Date: DateScalar,
};

/**
 * Gives a schema built from SDL alone (the gateway's, from the supergraph) the scalars' behaviour.
 * Without it the gateway takes any value for them and sends it on: the subgraph then refuses the
 * whole request with HTTP 400, which the gateway takes for a failing subgraph, counting it against
 * the subgraph's breaker, so that one client's bad literal could open it for everyone.
 */
export function installScalars(schema: GraphQLSchema): void {
  for (const [name, scalar] of Object.entries(SCALARS)) {
    const type = schema.getType(name);
    if (!isScalarType(type)) continue;
    type.serialize = scalar.serialize;
    type.parseValue = scalar.parseValue;
    type.parseLiteral = scalar.parseLiteral;
  }
}
