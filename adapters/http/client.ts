import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import axios, { type AxiosInstance, type AxiosRequestConfig, type AxiosResponse, isAxiosError } from 'axios';
import CircuitBreaker from 'opossum';
import { Registry } from 'prom-client';
import type { ZodType } from 'zod';
import {
  type AllowancePolicy,
  type AllowanceSnapshot,
  type CallPriority,
  createAllowance,
  type ReadAllowance,
} from './allowance';
import { TokenRequestError, type LegacyAuth } from './auth';
import {
  BulkheadRejection,
  type BulkheadOptions,
  createBulkhead,
  DEFAULT_BULKHEAD_OPTIONS,
} from './bulkhead';
import {
  type BreakerState,
  createMemoryCache,
  type KeyValueCache,
  type UpstreamDetails,
  UpstreamError,
  type UpstreamErrorCode,
  type WriteOutcome,
} from '../../runtime';
import { legacyHealth, type LegacyHealthRegistry } from './health';
import { BREAKER_STATE_VALUES, legacyMetrics } from './metrics';
import {
  type CachedBatchOptions,
  type CachedValue,
  type CachePolicy,
  loadThroughCache,
} from './reference-cache';
import {
  DEFAULT_RETRY_OPTIONS,
  mayRetry,
  nextRetryDelayMs,
  parseRetryAfterMs,
  type RetryOptions,
  type RetryReason,
  retryReasonForError,
  retryReasonForStatus,
} from './retry';

/**
 * The one resilient HTTP client every adapter uses. Per system: one keep-alive connection pool, a
 * timeout, a bulkhead and a reference-data cache; per operation (e.g. `cpq.queryQuotes`): one
 * opossum breaker. A call is
 *
 *   deadline check -> bulkhead slot -> breaker -> (auth headers -> axios) -> classify -> parse -> validate
 *
 * repeated with jittered backoff when the answer means "not now" and the request may be repeated
 * (see retry.ts), and every way it can fail ends as an UpstreamError with a stable code. Each
 * attempt goes through the breaker, so a failing system opens it and the retries stop there.
 * Only system failures (timeouts, connection errors, 5xx, malformed bodies, refused credentials)
 * count against the breaker; refusals of one request (400, 404, 409, 413, 414, 431 ...) and rate
 * limits do not.
 */
export interface BreakerOptions {
  /** Failure percentage over the rolling window that opens the breaker. */
  errorThresholdPercentage: number;
  /** Calls in the window before the percentage is considered. */
  volumeThreshold: number;
  /** How long the breaker stays open before a half-open probe. */
  resetTimeoutMs: number;
  /** Rolling window for the percentage. */
  rollingCountTimeoutMs: number;
}

/**
 * A system's own way of saying what went wrong, for answers its status alone does not tell: e.g.
 * the CPQ's API limit is a 403 whose body says REQUEST_LIMIT_EXCEEDED. Called with every answer;
 * undefined leaves the status to decide. A classified answer is final: it is not retried. The body
 * is for deciding only; it must never end up in an error message.
 */
export type ClassifyAnswer = (status: number, bodyText: string) => UpstreamErrorCode | undefined;

export interface LegacyClientOptions {
  system: string;
  baseUrl: string;
  /** Longest single attempt; a request's deadline may shorten it. */
  timeoutMs: number;
  breaker: BreakerOptions;
  /** Builds the system's authorization from the client's own connection pool. */
  auth?: (http: AxiosInstance) => LegacyAuth;
  retry?: Partial<RetryOptions>;
  bulkhead?: Partial<BulkheadOptions>;
  classify?: ClassifyAnswer;
  /** Reference-data cache; defaults to a bounded in-memory one for this client. */
  cache?: KeyValueCache;
  /**
   * Where the metrics go: the process's one registry, which the composition root builds and serves.
   * Without it the client keeps a registry of its own that nobody scrapes (tests, benches).
   */
  registry?: Registry;
  /** Where the breakers are listed for readiness; defaults to the process-wide `legacyHealth`. */
  health?: LegacyHealthRegistry;
  /** How the system reports its API allowance on an answer (allowance.ts); 429s are heard either way. */
  readAllowance?: ReadAllowance;
  /** When to shed calls as the allowance runs low; DEFAULT_ALLOWANCE_POLICY unless given. */
  allowancePolicy?: AllowancePolicy;
  /** Each operation's priority when the allowance runs low; an operation not named is `standard`. */
  priorities?: Readonly<Record<string, CallPriority>>;
}

/** The options an adapter passes through to its client unchanged. */
export type LegacyResilienceOptions = Pick<
  LegacyClientOptions,
  'retry' | 'bulkhead' | 'cache' | 'registry' | 'health' | 'allowancePolicy'
>;

export const DEFAULT_BREAKER_OPTIONS: BreakerOptions = {
  errorThresholdPercentage: 50,
  volumeThreshold: 5,
  resetTimeoutMs: 10_000,
  rollingCountTimeoutMs: 10_000,
};

export interface LegacyRequest<T> {
  /** Operation name, the breaker's and the metrics' key, e.g. `getAccount`. */
  operation: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  params?: Record<string, string | number>;
  body?: unknown;
  /** Validates the parsed body; a mismatch is UPSTREAM_BAD_RESPONSE. */
  schema: ZodType<T>;
  /** Turns the body text into a value for `schema`; JSON unless the system speaks something else. */
  parse?: (text: string) => unknown;
  /** Further request headers, e.g. a conditional write's `If-Match`. */
  headers?: Record<string, string>;
  /** Sent as `Idempotency-Key`; lets a write be retried, since the system can recognise the repeat. */
  idempotencyKey?: string;
  /** Epoch ms after which the caller no longer wants the answer: no attempt or backoff runs past it. */
  deadline?: number;
  /** Sent as `x-request-id`, to follow one GraphQL request into the legacy system's logs. */
  requestId?: string;
  /** The partner the call is made for: its share of a low API allowance (allowance.ts). */
  partnerId?: string;
  /** The subgraph the call is made for: one client serves them all, the metrics tell them apart. */
  subgraph?: string;
}

/** What a GraphQL request hands its loaders to pass on to every legacy call it causes. */
export type LegacyCallContext = Pick<
  LegacyRequest<unknown>,
  'deadline' | 'requestId' | 'partnerId' | 'subgraph'
>;

export interface LegacyHttpClient {
  readonly system: string;
  request<T>(request: LegacyRequest<T>): Promise<T>;
  /**
   * A reference-data read through the cache (see reference-cache.ts): fresh entries answer without
   * a call; on a system failure the last good value within staleTtlMs is served, marked stale.
   */
  cachedRequest<T>(request: LegacyRequest<T>, cache: { key: string } & CachePolicy): Promise<CachedValue<T>>;
  /** The same for a batch of keys fetched in one call, for DataLoaders: one result per key. */
  cachedBatch<T>(
    keys: readonly string[],
    options: CachedBatchOptions<T>,
  ): Promise<Array<CachedValue<T> | null | Error>>;
  /** Breaker state per operation, for readiness endpoints. */
  breakerStates(): Record<string, BreakerState>;
  /** What is left of the system's API allowance, as last heard, and what is being shed. */
  allowance(): AllowanceSnapshot;
  close(): void;
}

type Decode = (text: string) => unknown;

/** One attempt as the breaker sees it. */
interface Attempt {
  operation: string;
  config: AxiosRequestConfig;
  headers: Record<string, string>;
  decode: Decode;
}

function breakerState(breaker: CircuitBreaker): BreakerState {
  if (breaker.opened) return 'open';
  if (breaker.halfOpen) return 'halfOpen';
  return 'closed';
}

/**
 * Statuses that say something about the system or about us rather than about the one request: our
 * credentials were refused (401 after a fresh token, 403, 407) or the system gave up waiting (408).
 */
const SYSTEM_SIDE_CLIENT_STATUSES: ReadonlySet<number> = new Set([401, 403, 407, 408]);

/**
 * What a legacy answer's status means to the caller. Any other 4xx is the system refusing this one
 * request (an id it has not got, a URL or headers too large, a body it cannot take): the caller's
 * input, not the system's health. It never counts against the breaker (see errors.ts), so that one
 * partner's malformed ids cannot open a breaker every partner shares.
 */
function codeForStatus(status: number): UpstreamErrorCode {
  if (status === 404 || status === 410) return 'NOT_FOUND';
  if (status === 409 || status === 412) return 'CONFLICT';
  if (status === 429) return 'UPSTREAM_RATE_LIMITED';
  if (status >= 400 && status < 500 && !SYSTEM_SIDE_CLIENT_STATUSES.has(status)) return 'BAD_USER_INPUT';
  return 'UPSTREAM_UNAVAILABLE';
}

const MESSAGES: Record<UpstreamErrorCode, string> = {
  UPSTREAM_UNAVAILABLE: 'is unavailable',
  UPSTREAM_TIMEOUT: 'did not answer in time',
  UPSTREAM_RATE_LIMITED: 'is rate limiting requests',
  UPSTREAM_BAD_RESPONSE: 'returned a malformed response',
  NOT_FOUND: 'has no such record',
  BAD_USER_INPUT: 'rejected the request as invalid',
  CONFLICT: 'reported a conflict',
};

/** Calls made outside any subgraph (scripts, tests) carry no `subgraph` label. */
function subgraphLabel(request: LegacyRequest<unknown>): { subgraph?: string } {
  return request.subgraph === undefined ? {} : { subgraph: request.subgraph };
}

function validCount(name: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) {
    throw new TypeError(`${name} must be an integer of at least ${minimum}, got ${String(value)}`);
  }
  return value;
}

function validRetryOptions(given: Partial<RetryOptions> = {}): RetryOptions {
  const retry = { ...DEFAULT_RETRY_OPTIONS, ...given };
  validCount('retry.maxRetries', retry.maxRetries, 0);
  validCount('retry.baseDelayMs', retry.baseDelayMs, 0);
  validCount('retry.maxDelayMs', retry.maxDelayMs, 0);
  return retry;
}

function validBulkheadOptions(given: Partial<BulkheadOptions> = {}): BulkheadOptions {
  const bulkhead = { ...DEFAULT_BULKHEAD_OPTIONS, ...given };
  validCount('bulkhead.maxConcurrent', bulkhead.maxConcurrent, 1);
  validCount('bulkhead.maxQueued', bulkhead.maxQueued, 0);
  validCount('bulkhead.queueTimeoutMs', bulkhead.queueTimeoutMs, 0);
  return bulkhead;
}

export function createLegacyHttpClient(options: LegacyClientOptions): LegacyHttpClient {
  const { system } = options;
  const retryOptions = validRetryOptions(options.retry);
  const bulkheadOptions = validBulkheadOptions(options.bulkhead);
  const bulkhead = createBulkhead(bulkheadOptions);
  const metrics = legacyMetrics(options.registry ?? new Registry());
  const cache = options.cache ?? createMemoryCache();
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(64, bulkheadOptions.maxConcurrent) });
  const axiosInstance = axios.create({
    baseURL: options.baseUrl,
    timeout: options.timeoutMs,
    httpAgent: agent,
    responseType: 'text',
    // The body is parsed and validated below, where a malformed one becomes a coded error.
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
  });
  const auth = options.auth?.(axiosInstance);
  const allowance = createAllowance(system, options.readAllowance, options.allowancePolicy);
  const breakers = new Map<string, CircuitBreaker<[Attempt], unknown>>();
  /** Failures worth another attempt, and why; kept beside the error so it never reaches a client. */
  const retryReasons = new WeakMap<UpstreamError, RetryReason>();
  /** Failures without an answer, and whether the request had left; a write's error carries it. */
  const outcomes = new WeakMap<UpstreamError, WriteOutcome>();

  function withOutcome(error: UpstreamError, outcome: WriteOutcome): UpstreamError {
    outcomes.set(error, outcome);
    return error;
  }

  function fail(
    code: UpstreamErrorCode,
    operation: string,
    extra: Pick<UpstreamDetails, 'retryAfterMs' | 'bulkhead' | 'shed'> = {},
    message = `${system} ${MESSAGES[code]} (${operation})`,
  ): UpstreamError {
    const breaker = breakers.get(operation);
    return new UpstreamError(code, message, {
      system,
      operation,
      breaker: breaker ? breakerState(breaker) : 'closed',
      ...extra,
    });
  }

  function retryable(error: UpstreamError, reason: RetryReason | undefined): UpstreamError {
    if (reason) retryReasons.set(error, reason);
    return error;
  }

  /** An answer as the caller sees it: a malformed body is a failure of the system, like a 503. */
  function answer(operation: string, response: AxiosResponse<string>, decode: Decode): unknown {
    const body = typeof response.data === 'string' ? response.data : '';
    const classified = options.classify?.(response.status, body);
    const retryAfter = parseRetryAfterMs(response.headers['retry-after'] as string | undefined);
    const extra = retryAfter === undefined ? {} : { retryAfterMs: retryAfter };
    // Only answers that report the allowance move its gauges: most systems never do.
    const reading = allowance.observe(response.headers);
    if (reading) {
      metrics.allowanceMax.set({ system }, reading.max);
      metrics.allowanceRemaining.set({ system }, reading.remaining);
    }
    if (response.status === 429) allowance.throttled(retryAfter);
    else if (response.status < 400) allowance.answered();
    if (classified) throw fail(classified, operation, extra);
    if (response.status >= 400) {
      throw retryable(
        fail(codeForStatus(response.status), operation, extra),
        retryReasonForStatus(response.status),
      );
    }
    try {
      return decode(body);
    } catch {
      throw fail('UPSTREAM_BAD_RESPONSE', operation);
    }
  }

  async function send(attempt: Attempt): Promise<unknown> {
    const { operation, config } = attempt;
    try {
      const authorization = { ...(await auth?.headers()) };
      let response = await axiosInstance.request<string>({
        ...config,
        headers: { ...attempt.headers, ...authorization },
      });
      if (response.status === 401 && auth) {
        auth.invalidate(authorization);
        response = await axiosInstance.request<string>({
          ...config,
          headers: { ...attempt.headers, ...(await auth.headers()) },
        });
      }
      return answer(operation, response, attempt.decode);
    } catch (error) {
      const failure = toUpstreamError(operation, error);
      if (error instanceof UpstreamError) throw failure;
      // No answer: a request that reached the wire may have been applied; a refused connect or a
      // token that could not be had never sent it.
      const sent = isAxiosError(error) && error.code !== 'ECONNREFUSED';
      throw withOutcome(failure, sent ? 'UNKNOWN' : 'NOT_APPLIED');
    }
  }

  function breakerFor(operation: string): CircuitBreaker<[Attempt], unknown> {
    let breaker = breakers.get(operation);
    if (!breaker) {
      breaker = new CircuitBreaker(send, {
        name: `${system}.${operation}`,
        // axios enforces the timeout and aborts the socket; a second timer here would leave it open.
        timeout: false,
        errorThresholdPercentage: options.breaker.errorThresholdPercentage,
        volumeThreshold: options.breaker.volumeThreshold,
        resetTimeout: options.breaker.resetTimeoutMs,
        rollingCountTimeout: options.breaker.rollingCountTimeoutMs,
        errorFilter: (error: unknown) => error instanceof UpstreamError && !error.isSystemFailure,
      });
      const labels = { system, operation };
      metrics.breakerState.set(labels, BREAKER_STATE_VALUES.closed);
      breaker.on('open', () => metrics.breakerState.set(labels, BREAKER_STATE_VALUES.open));
      breaker.on('halfOpen', () => metrics.breakerState.set(labels, BREAKER_STATE_VALUES.halfOpen));
      breaker.on('close', () => metrics.breakerState.set(labels, BREAKER_STATE_VALUES.closed));
      breakers.set(operation, breaker);
    }
    return breaker;
  }

  function toUpstreamError(operation: string, error: unknown): UpstreamError {
    if (error instanceof UpstreamError) return error;
    if (isAxiosError(error)) {
      if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT')
        return fail('UPSTREAM_TIMEOUT', operation);
      return retryable(fail('UPSTREAM_UNAVAILABLE', operation), retryReasonForError(error));
    }
    // An open breaker (opossum's EOPENBREAKER) and anything unrecognised fall through to UNAVAILABLE.
    const code = (error as { code?: string } | undefined)?.code;
    if (code === 'EOPENBREAKER') return withOutcome(fail('UPSTREAM_UNAVAILABLE', operation), 'NOT_APPLIED');
    if (code === 'BAD_TOKEN_RESPONSE') return fail('UPSTREAM_BAD_RESPONSE', operation);
    if (error instanceof TokenRequestError && error.status === 429) {
      const retryAfter = parseRetryAfterMs(error.retryAfter);
      return fail(
        'UPSTREAM_RATE_LIMITED',
        operation,
        retryAfter === undefined ? {} : { retryAfterMs: retryAfter },
      );
    }
    return fail('UPSTREAM_UNAVAILABLE', operation);
  }

  function remainingMs(deadline: number | undefined): number | undefined {
    return deadline === undefined ? undefined : deadline - Date.now();
  }

  /** One attempt: an open breaker fails at once, without queueing for a bulkhead slot. */
  async function attemptOnce(request: LegacyRequest<unknown>, base: Attempt): Promise<unknown> {
    const { operation } = request;
    const breaker = breakerFor(operation);
    const fire = () => {
      // Measured again once a slot is free: time spent queueing is time the attempt no longer has.
      const remaining = remainingMs(request.deadline);
      if (remaining !== undefined && remaining <= 0) {
        throw withOutcome(fail('UPSTREAM_TIMEOUT', operation), 'NOT_APPLIED');
      }
      // axios' timeout runs from the start of the request to the end of the body (with maxRedirects 0).
      const config: AxiosRequestConfig =
        remaining === undefined
          ? base.config
          : { ...base.config, timeout: Math.min(options.timeoutMs, remaining) };
      return breaker.fire({ ...base, config });
    };
    if (breaker.opened) return fire();
    const remaining = remainingMs(request.deadline);
    const waitMs = Math.min(bulkheadOptions.queueTimeoutMs, remaining ?? Infinity);
    try {
      return await bulkhead.run(fire, waitMs);
    } catch (error) {
      if (!(error instanceof BulkheadRejection)) throw error;
      if (error.reason === 'queue-timeout' && waitMs < bulkheadOptions.queueTimeoutMs) {
        throw withOutcome(fail('UPSTREAM_TIMEOUT', operation), 'NOT_APPLIED');
      }
      metrics.bulkheadRejections.inc({ system, ...subgraphLabel(request) });
      throw withOutcome(fail('UPSTREAM_UNAVAILABLE', operation, { bulkhead: 'full' }), 'NOT_APPLIED');
    }
  }

  async function execute<T>(request: LegacyRequest<T>): Promise<T> {
    const { operation } = request;
    const priority = options.priorities?.[operation] ?? 'standard';
    const shed = allowance.admit(priority, request.partnerId);
    if (shed) {
      metrics.shedCalls.inc({ system, operation, priority, reason: shed.reason });
      const extra = {
        shed: shed.reason,
        ...(shed.retryAfterMs === undefined ? {} : { retryAfterMs: shed.retryAfterMs }),
      };
      throw withOutcome(fail('UPSTREAM_RATE_LIMITED', operation, extra, shed.message), 'NOT_APPLIED');
    }
    const method = request.method ?? 'GET';
    const parse = request.parse ?? JSON.parse;
    const headers: Record<string, string> = { ...request.headers };
    if (request.idempotencyKey !== undefined) headers['Idempotency-Key'] = request.idempotencyKey;
    if (request.requestId !== undefined) headers['x-request-id'] = request.requestId;
    const attempt = {
      operation,
      headers,
      config: { method, url: request.path, params: request.params, data: request.body },
      decode: (text: string) => {
        const validated = request.schema.safeParse(parse(text));
        if (!validated.success) throw validated.error;
        return validated.data;
      },
    };
    // Reads are idempotent; a write may be repeated only when the system can recognise the repeat.
    const repeatable = mayRetry(method, request.idempotencyKey);
    // Once an attempt may have been applied, so may the request, whatever the later attempts say.
    let appliedMaybe = false;
    for (let retry = 0; ; retry += 1) {
      const remaining = remainingMs(request.deadline);
      if (remaining !== undefined && remaining <= 0) {
        throw withOutcome(fail('UPSTREAM_TIMEOUT', operation), appliedMaybe ? 'UNKNOWN' : 'NOT_APPLIED');
      }
      try {
        return (await attemptOnce(request, attempt)) as T;
      } catch (error) {
        const failure = toUpstreamError(operation, error);
        if (outcomes.get(failure) === 'UNKNOWN') appliedMaybe = true;
        else if (appliedMaybe && outcomes.has(failure)) outcomes.set(failure, 'UNKNOWN');
        const reason = repeatable ? retryReasons.get(failure) : undefined;
        const delay =
          reason &&
          nextRetryDelayMs({
            retry,
            retryAfterMs: failure.upstream.retryAfterMs,
            remainingMs: remainingMs(request.deadline),
            options: retryOptions,
          });
        if (!reason || delay === undefined) throw failure;
        metrics.retries.inc({ system, operation, reason, ...subgraphLabel(request) });
        await sleep(delay);
      }
    }
  }

  async function request<T>(legacyRequest: LegacyRequest<T>): Promise<T> {
    const started = performance.now();
    let outcome = 'ok';
    try {
      return await execute(legacyRequest);
    } catch (error) {
      const failure = toUpstreamError(legacyRequest.operation, error);
      outcome = failure.code;
      const writeOutcome = outcomes.get(failure);
      // Only a write leaves the client wondering whether it happened.
      throw (legacyRequest.method ?? 'GET') !== 'GET' && writeOutcome
        ? failure.withOutcome(writeOutcome)
        : failure;
    } finally {
      const labels = { system, operation: legacyRequest.operation, outcome, ...subgraphLabel(legacyRequest) };
      metrics.calls.inc(labels);
      metrics.duration.observe(labels, (performance.now() - started) / 1000);
    }
  }

  function cachedBatch<T>(keys: readonly string[], batch: CachedBatchOptions<T>) {
    return loadThroughCache({ system, store: cache, metrics }, keys, batch);
  }

  const client: LegacyHttpClient = {
    system,
    request,
    async cachedRequest(legacyRequest, { key, ...policy }) {
      const [result] = await cachedBatch([key], {
        ...policy,
        operation: legacyRequest.operation,
        namespace: legacyRequest.operation,
        schema: legacyRequest.schema,
        load: async () => new Map([[key, await request(legacyRequest)]]),
      });
      if (result instanceof Error) throw result;
      // load always answers its one key, so there is a value here.
      return result!;
    },
    cachedBatch,
    breakerStates: () =>
      Object.fromEntries([...breakers].map(([operation, breaker]) => [operation, breakerState(breaker)])),
    allowance: () => allowance.snapshot(),
    close() {
      removeFromHealth();
      breakers.forEach((breaker) => breaker.shutdown());
      agent.destroy();
    },
  };
  const removeFromHealth = (options.health ?? legacyHealth).add(client);
  return client;
}
