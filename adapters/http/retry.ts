/**
 * When a failed legacy call gets another attempt, and after how long. Only answers that mean
 * "not now" are retried: 429 and 503 (the system asked us to come back) and connection errors
 * (the request never reached it, or its answer never reached us). A timeout is not retried: the
 * system may still be working on it, and a second attempt would double the load on a slow system.
 */
export interface RetryOptions {
  /** Attempts after the first; 0 turns retries off. */
  maxRetries: number;
  /** Ceiling of the first backoff; it doubles with every retry. */
  baseDelayMs: number;
  /** Longest backoff, and the longest Retry-After honoured when the request has no deadline. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = { maxRetries: 2, baseDelayMs: 50, maxDelayMs: 1000 };

/** Why an attempt is worth repeating; the retries metric's `reason` label. */
export type RetryReason = 'rate_limited' | 'unavailable' | 'connection';

export function retryReasonForStatus(status: number): RetryReason | undefined {
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  return undefined;
}

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

/** By the error's code only: Node (and axios after it) gives "socket hang up" the code ECONNRESET. */
export function retryReasonForError(error: unknown): RetryReason | undefined {
  const { code } = (error ?? {}) as { code?: unknown };
  return typeof code === 'string' && CONNECTION_ERROR_CODES.has(code) ? 'connection' : undefined;
}

/** Reads are idempotent; a write may be repeated only when the system can recognise the repeat. */
export function mayRetry(method: string, idempotencyKey: string | undefined): boolean {
  return method === 'GET' || idempotencyKey !== undefined;
}

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * "Full jitter": a uniform delay between 0 and the exponential ceiling, so that callers failed by
 * the same outage do not come back in step and knock the system over again as it recovers.
 */
export function backoffDelayMs(
  retry: number,
  options: RetryOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

export interface RetryDecisionInput {
  /** Retries already made for this request (0 after the first attempt failed). */
  retry: number;
  /** The system's Retry-After, when it sent one. */
  retryAfterMs?: number;
  /** Time left before the caller's deadline; undefined when the request has none. */
  remainingMs?: number;
  options: RetryOptions;
  random?: () => number;
}

/**
 * The wait before the next attempt, or undefined to give up now with the last failure. A
 * Retry-After is honoured only when the wait and some time for the attempt fit before the
 * deadline (without a deadline: when it is no longer than maxDelayMs); otherwise the caller gets
 * the failure at once, with retryAfterMs, rather than a wait that would end in a timeout anyway.
 */
export function nextRetryDelayMs(input: RetryDecisionInput): number | undefined {
  const { retry, retryAfterMs, remainingMs, options } = input;
  if (retry >= options.maxRetries) return undefined;
  if (retryAfterMs !== undefined) {
    const fits = remainingMs === undefined ? retryAfterMs <= options.maxDelayMs : retryAfterMs < remainingMs;
    return fits ? retryAfterMs : undefined;
  }
  const delay = backoffDelayMs(retry, options, input.random);
  if (remainingMs !== undefined && delay >= remainingMs) return undefined;
  return delay;
}
