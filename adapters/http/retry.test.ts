import {
  backoffDelayMs,
  mayRetry,
  nextRetryDelayMs,
  parseRetryAfterMs,
  retryReasonForError,
  type RetryOptions,
} from './retry';

/** The retry policy on its own, with the randomness pinned, so every branch is deterministic. */
const OPTIONS: RetryOptions = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelayMs', () => {
  it('stays between 0 and an exponential ceiling capped at maxDelayMs', () => {
    const highest = () => 0.999_999;
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffDelayMs(retry, OPTIONS, highest))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelayMs(3, OPTIONS, () => 0)).toBe(0);
  });
});

describe('nextRetryDelayMs', () => {
  it('gives up once maxRetries retries were made', () => {
    expect(nextRetryDelayMs({ retry: 3, options: OPTIONS, random: () => 0.5 })).toBeUndefined();
    expect(nextRetryDelayMs({ retry: 2, options: OPTIONS, random: () => 0.5 })).toBe(200);
  });

  it('never waits a backoff that would reach the deadline', () => {
    expect(
      nextRetryDelayMs({ retry: 2, remainingMs: 300, options: OPTIONS, random: () => 0.9 }),
    ).toBeUndefined();
    expect(nextRetryDelayMs({ retry: 2, remainingMs: 300, options: OPTIONS, random: () => 0.5 })).toBe(200);
  });

  it('waits exactly Retry-After when it fits before the deadline, and gives up when it does not', () => {
    expect(nextRetryDelayMs({ retry: 0, retryAfterMs: 1000, remainingMs: 1500, options: OPTIONS })).toBe(
      1000,
    );
    expect(
      nextRetryDelayMs({ retry: 0, retryAfterMs: 1000, remainingMs: 1000, options: OPTIONS }),
    ).toBeUndefined();
  });

  it('without a deadline, honours a Retry-After up to maxDelayMs', () => {
    expect(nextRetryDelayMs({ retry: 0, retryAfterMs: 1000, options: OPTIONS })).toBe(1000);
    expect(nextRetryDelayMs({ retry: 0, retryAfterMs: 1001, options: OPTIONS })).toBeUndefined();
  });
});

describe('parseRetryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-15T10:00:00Z');
    expect(parseRetryAfterMs('2', now)).toBe(2000);
    expect(parseRetryAfterMs('Thu, 15 Jan 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('what may be retried', () => {
  it('retries reads, and writes only with an idempotency key', () => {
    expect(mayRetry('GET', undefined)).toBe(true);
    expect(mayRetry('POST', undefined)).toBe(false);
    expect(mayRetry('POST', 'key-1')).toBe(true);
    expect(mayRetry('PATCH', undefined)).toBe(false);
  });

  it('treats refused and reset connections as worth another attempt, not timeouts', () => {
    expect(retryReasonForError({ code: 'ECONNREFUSED' })).toBe('connection');
    expect(retryReasonForError({ code: 'ECONNRESET' })).toBe('connection');
    expect(retryReasonForError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(
      'connection',
    );
    // An error is known by its code, never by its message.
    expect(retryReasonForError(new Error('socket hang up'))).toBeUndefined();
    expect(retryReasonForError({ code: 'ECONNABORTED' })).toBeUndefined();
  });
});
