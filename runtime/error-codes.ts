/**
 * Every `extensions.code` a client can see, defined once: the subgraphs' formatter, the gateway's
 * formatter and the limit refusals take their codes from here, and the SDL enum `UserErrorCode`
 * and the adapters' UpstreamErrorCode (upstream-error.ts) are checked against this module
 * (runtime/error-codes.test.ts), so a code added in one place and forgotten in another fails the checks instead of reaching
 * clients as INTERNAL.
 */

/** A legacy system (or the subgraph in front of it) failed; `extensions.upstream` says which. */
const UPSTREAM_ERROR_CODES = [
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_BAD_RESPONSE',
] as const;

/** The client's own request is at fault or not allowed: theirs to fix. */
const CLIENT_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
] as const;

/** A request that is not a GraphQL request (Apollo Server's code, and the gateway's HTTP layer's). */
export const BAD_REQUEST = 'BAD_REQUEST';

/** Apollo Server's own codes for a request it could not parse, validate or resolve. */
const REQUEST_ERROR_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST,
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
] as const;

/** A query over one of the gateway's limits; `extensions.limit` names which (QueryLimit). */
export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';
export type QueryLimit = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost';

/**
 * Apollo Gateway's codes for what it found wrong while joining subgraph answers (INVALID_GRAPHQL:
 * e.g. a null for a non-null field) or for a subgraph error that came without a code
 * (DOWNSTREAM_SERVICE_ERROR); both keep `extensions.serviceName`.
 */
const GATEWAY_EXECUTION_ERROR_CODES = ['INVALID_GRAPHQL', 'DOWNSTREAM_SERVICE_ERROR'] as const;

/**
 * A partner or user over its request or query-cost budget (gateway/budgets.ts): HTTP 429 with
 * Retry-After; `extensions.budget` names the budget that ran out.
 */
export const RATE_LIMITED = 'RATE_LIMITED';

/** Answered by the gateway's HTTP layer, before GraphQL runs. */
export const PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE';
export const PERSISTED_QUERY_NOT_IN_SAFELIST = 'PERSISTED_QUERY_NOT_IN_SAFELIST';

/** Anything else: a generic message, nothing of the cause. */
export const INTERNAL = 'INTERNAL';

/** What a subgraph may answer: every code an adapter throws must be one of these. */
export type SubgraphPassedThroughCode =
  | (typeof UPSTREAM_ERROR_CODES)[number]
  | (typeof CLIENT_ERROR_CODES)[number]
  | (typeof REQUEST_ERROR_CODES)[number];

/** Codes a subgraph answers as they are; anything else becomes INTERNAL. */
export const SUBGRAPH_PASSED_THROUGH_CODES: ReadonlySet<string> = new Set([
  ...UPSTREAM_ERROR_CODES,
  ...CLIENT_ERROR_CODES,
  ...REQUEST_ERROR_CODES,
]);

/** Codes the gateway answers as they are: every subgraph code, and the gateway's own. */
export const GATEWAY_PASSED_THROUGH_CODES: ReadonlySet<string> = new Set([
  ...SUBGRAPH_PASSED_THROUGH_CODES,
  QUERY_LIMIT_EXCEEDED,
  RATE_LIMITED,
  ...GATEWAY_EXECUTION_ERROR_CODES,
]);

/**
 * The codes of a mutation payload's `userErrors` (the SDL enum `UserErrorCode` of every subgraph
 * with mutations): what the user can fix or must know.
 */
export const USER_ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNKNOWN_SKU',
  'FORBIDDEN',
  'CONFLICT',
  'NOT_CERTIFIED',
  'NOT_EDITABLE',
  'DEAL_REGISTRATION_EXPIRED',
  'DEAL_REGISTRATION_INVALID',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];
