import { badUserInput } from './errors';
import { userError, type UserError } from './user-errors';

/**
 * The formats of the ids and codes clients pass in, as the legacy systems issue them; every
 * subgraph checks an argument against its format before the argument reaches a legacy call. A value
 * of the wrong shape is the caller's mistake, answered BAD_USER_INPUT naming the argument: sent on,
 * a 20 KB id makes a legacy system refuse the request (431) and, before the adapters stopped counting
 * such refusals, opened a breaker every partner shares; a comma or quote in an id would change a
 * batch read or a query. A well-formed id that names nothing is still looked up: NOT_FOUND or null.
 *
 * This is the one place to change when the adapters point at the real systems.
 */
interface IdentifierFormat {
  pattern: RegExp;
  /** What the value should look like, for the message; never the value itself, which may be huge. */
  expected: string;
}

/** Salesforce record ids: 15 case-sensitive letters and digits, or 18 with the checksum suffix. */
const SALESFORCE_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;

const IDENTIFIER_FORMATS = {
  partnerId: { pattern: /^P-\d{5,9}$/, expected: 'a partner id such as P-00001' },
  quoteId: { pattern: SALESFORCE_ID, expected: 'a quote id: 15 or 18 letters and digits' },
  quoteLineId: { pattern: SALESFORCE_ID, expected: 'a quote line id: 15 or 18 letters and digits' },
  customerAccountId: {
    pattern: SALESFORCE_ID,
    expected: 'a customer account id: 15 or 18 letters and digits, such as 001000000000003AAA',
  },
  dealRegistrationId: {
    pattern: /^DR-\d{6,9}$/,
    expected: 'a deal registration id such as DR-000042',
  },
  sku: {
    pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/,
    expected: 'a SKU such as NET-0001: up to 40 letters, digits, dots, dashes and underscores',
  },
  quarter: { pattern: /^\d{4}-Q[1-4]$/, expected: 'a calendar quarter such as 2026-Q4' },
  cursor: {
    pattern: /^[A-Za-z0-9_-]{1,32}$/,
    expected: 'a cursor returned by this field',
  },
} satisfies Record<string, IdentifierFormat>;

export type IdentifierKind = keyof typeof IDENTIFIER_FORMATS;

/** Why `value` is not an identifier of this kind, or undefined when it is. */
export function identifierProblem(kind: IdentifierKind, value: string, field: string): string | undefined {
  const format: IdentifierFormat = IDENTIFIER_FORMATS[kind];
  return format.pattern.test(value) ? undefined : `\`${field}\` must be ${format.expected}`;
}

/** For queries: throws BAD_USER_INPUT naming `field` when the value is malformed. */
export function assertIdentifier(kind: IdentifierKind, value: string, field: string): void {
  const problem = identifierProblem(kind, value, field);
  if (problem) throw badUserInput(problem, field);
}

/** For mutations answering `userErrors`: the BAD_USER_INPUT user error, or undefined. */
export function identifierUserError(
  kind: IdentifierKind,
  value: string,
  field: string,
): UserError | undefined {
  const problem = identifierProblem(kind, value, field);
  return problem ? userError('BAD_USER_INPUT', problem, field) : undefined;
}
