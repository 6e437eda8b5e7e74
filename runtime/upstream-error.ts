/**
 * The graph's errors about legacy systems, which subgraphs format and the gateway passes on: the
 * coded errors every adapter throws, and the one a subgraph throws for legacy data it cannot use.
 * They live here, not in adapters/http, so that a subgraph can recognise and throw them without
 * reaching into the HTTP client. Codes are the graph's stable `extensions.code` values
 * (error-codes.ts); `upstream` says which legacy system and operation failed and, for a call, in
 * what state its breaker is. Messages are written for a partner's developer: they never carry a
 * legacy body or a credential.
 */
export type UpstreamErrorCode =
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_RATE_LIMITED'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT';

export type BreakerState = 'closed' | 'open' | 'halfOpen';

/** Why a call was shed, never sent, to save a system's API allowance (adapters/http/allowance.ts). */
export type ShedReason = 'allowance-low' | 'throttled' | 'partner-share';

export interface UpstreamDetails {
  system: string;
  operation: string;
  breaker: BreakerState;
  retryAfterMs?: number;
  /** Set when the call was refused locally because the system's bulkhead was full. */
  bulkhead?: 'full';
  /** Set when the call was shed, never sent, to save the system's API allowance. */
  shed?: ShedReason;
}

/**
 * What a failed write did to the legacy system, when the client cannot tell from the code:
 * `UNKNOWN` when the request was sent and no answer came (a timeout, a dropped connection), so it
 * may have been applied, and `NOT_APPLIED` when it was refused before it was sent (an open
 * breaker, a full bulkhead, a spent deadline). Either way a retry with the same idempotency key is
 * safe. Reads, and writes that got an answer, have none.
 */
export type WriteOutcome = 'UNKNOWN' | 'NOT_APPLIED';

/** Codes that say the legacy system is unhealthy, and so count against its breaker. */
const SYSTEM_FAILURE_CODES: ReadonlySet<UpstreamErrorCode> = new Set([
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_BAD_RESPONSE',
]);

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';

  constructor(
    readonly code: UpstreamErrorCode,
    message: string,
    readonly upstream: UpstreamDetails,
    readonly outcome?: WriteOutcome,
  ) {
    super(message);
  }

  withOutcome(outcome: WriteOutcome): UpstreamError {
    return new UpstreamError(this.code, this.message, this.upstream, outcome);
  }

  get isSystemFailure(): boolean {
    return SYSTEM_FAILURE_CODES.has(this.code);
  }
}

export function isUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError;
}

/** A legacy system refused a write because of the record's state (409, or 412 on a stale version). */
export function isUpstreamConflict(error: unknown): error is UpstreamError {
  return isUpstreamError(error) && error.code === 'CONFLICT';
}

/**
 * Legacy data that passed its adapter's checks but that the graph cannot use, found by a subgraph
 * after the call succeeded: a product of a family the graph does not know, a registration of a
 * partner the PRM does not have. The call went well, so this says nothing of the breaker.
 */
export class BadResponseError extends Error {
  override readonly name = 'BadResponseError';
  readonly code = 'UPSTREAM_BAD_RESPONSE';

  constructor(
    message: string,
    readonly upstream: { system: string; operation: string },
  ) {
    super(message);
  }
}
