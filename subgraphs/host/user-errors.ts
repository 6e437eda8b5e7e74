import { isUpstreamError, type UserErrorCode } from '../../runtime';

/**
 * Mutations answer a payload with `userErrors` for anything the user can fix or must know (bad
 * input, someone else's record, a status that forbids the change), and GraphQL errors only for
 * what they cannot: a missing role, a legacy system down. The codes are the schema's
 * `UserErrorCode`, shared by every subgraph with mutations and defined in runtime/error-codes.ts.
 */
export interface UserError {
  field: string | null;
  message: string;
  code: UserErrorCode;
}

export function userError(code: UserErrorCode, message: string, field: string | null = null): UserError {
  return { code, message, field };
}

/**
 * A legacy system's refusal of a write (400 or 404) as a user error: the adapters never pass legacy
 * bodies on, so the message says what was refused, not why. Anything else is not the user's to
 * fix and is rethrown as the coded GraphQL error it is.
 */
export function refusalAsUserError(error: unknown, what: string, field: string | null = null): UserError {
  if (isUpstreamError(error) && (error.code === 'BAD_USER_INPUT' || error.code === 'NOT_FOUND')) {
    return userError(error.code, `The ${error.upstream.system.toUpperCase()} refused ${what}`, field);
  }
  throw error;
}
