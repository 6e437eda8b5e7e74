import http from 'node:http';
import axios, { type AxiosError, type AxiosInstance, type AxiosRequestConfig, isAxiosError } from 'axios';
import CircuitBreaker from 'opossum';
import type { ZodType } from 'zod';
import type { LegacyAuth } from './auth';
import { type BreakerState, UpstreamError, type UpstreamErrorCode } from './errors';

/**
 * The one resilient HTTP client every adapter uses. Per system: one keep-alive connection pool and
 * a timeout; per operation (e.g. `cpq.queryQuotes`): one opossum breaker. A call is
 * breaker -> (auth headers -> axios) -> parse -> validate, and every way it can fail ends as an
 * UpstreamError with a stable code. Only system failures (timeouts, connection errors, 5xx,
 * malformed bodies) count against the breaker; business answers (404, 400, 409) do not.
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

export interface LegacyClientOptions {
  system: string;
  baseUrl: string;
  timeoutMs: number;
  breaker: BreakerOptions;
  /** Builds the system's authorization from the client's own connection pool. */
  auth?: (http: AxiosInstance) => LegacyAuth;
}

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
}

export interface LegacyHttpClient {
  readonly system: string;
  request<T>(request: LegacyRequest<T>): Promise<T>;
  /** Breaker state per operation, for readiness endpoints. */
  breakerStates(): Record<string, BreakerState>;
  close(): void;
}

type Decode = (text: string) => unknown;

function breakerState(breaker: CircuitBreaker): BreakerState {
  if (breaker.opened) return 'open';
  if (breaker.halfOpen) return 'halfOpen';
  return 'closed';
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function codeForStatus(status: number): UpstreamErrorCode {
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'UPSTREAM_RATE_LIMITED';
  if (status === 400 || status === 422) return 'BAD_USER_INPUT';
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

export function createLegacyHttpClient(options: LegacyClientOptions): LegacyHttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
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
  const breakers = new Map<string, CircuitBreaker<[AxiosRequestConfig, Decode], unknown>>();

  function fail(
    code: UpstreamErrorCode,
    operation: string,
    extra: { retryAfterMs?: number } = {},
  ): UpstreamError {
    const breaker = breakers.get(operation);
    return new UpstreamError(code, `${options.system} ${MESSAGES[code]} (${operation})`, {
      system: options.system,
      operation,
      breaker: breaker ? breakerState(breaker) : 'closed',
      ...extra,
    });
  }

  /** One call as the breaker sees it: a malformed body is a failure of the system, like a 503. */
  async function send(operation: string, config: AxiosRequestConfig, decode: Decode): Promise<unknown> {
    const headers = { ...(await auth?.headers()) };
    let response = await axiosInstance.request<string>({ ...config, headers });
    if (response.status === 401 && auth) {
      auth.invalidate(headers);
      response = await axiosInstance.request<string>({ ...config, headers: { ...(await auth.headers()) } });
    }
    if (response.status >= 400) {
      const retryAfter = retryAfterMs(response.headers['retry-after'] as string | undefined);
      throw fail(
        codeForStatus(response.status),
        operation,
        retryAfter === undefined ? {} : { retryAfterMs: retryAfter },
      );
    }
    try {
      return decode(response.data);
    } catch {
      throw fail('UPSTREAM_BAD_RESPONSE', operation);
    }
  }

  function breakerFor(operation: string): CircuitBreaker<[AxiosRequestConfig, Decode], unknown> {
    let breaker = breakers.get(operation);
    if (!breaker) {
      breaker = new CircuitBreaker(
        (config: AxiosRequestConfig, decode: Decode) => send(operation, config, decode),
        {
          name: `${options.system}.${operation}`,
          // axios enforces the timeout and aborts the socket; a second timer here would leave it open.
          timeout: false,
          errorThresholdPercentage: options.breaker.errorThresholdPercentage,
          volumeThreshold: options.breaker.volumeThreshold,
          resetTimeout: options.breaker.resetTimeoutMs,
          rollingCountTimeout: options.breaker.rollingCountTimeoutMs,
          errorFilter: (error: unknown) => error instanceof UpstreamError && !error.isSystemFailure,
        },
      );
      breakers.set(operation, breaker);
    }
    return breaker;
  }

  function toUpstreamError(operation: string, error: unknown): UpstreamError {
    if (error instanceof UpstreamError) return error;
    // An open breaker (opossum's EOPENBREAKER) and anything unrecognised fall through to UNAVAILABLE.
    const code = (error as { code?: string } | undefined)?.code;
    if (isAxiosError(error)) {
      const axiosError = error as AxiosError;
      if (axiosError.code === 'ECONNABORTED' || axiosError.code === 'ETIMEDOUT')
        return fail('UPSTREAM_TIMEOUT', operation);
      return fail('UPSTREAM_UNAVAILABLE', operation);
    }
    if (code === 'BAD_TOKEN_RESPONSE') return fail('UPSTREAM_BAD_RESPONSE', operation);
    return fail('UPSTREAM_UNAVAILABLE', operation);
  }

  return {
    system: options.system,
    async request<T>(request: LegacyRequest<T>): Promise<T> {
      const config: AxiosRequestConfig = {
        method: request.method ?? 'GET',
        url: request.path,
        params: request.params,
        data: request.body,
      };
      const parse = request.parse ?? JSON.parse;
      const decode: Decode = (text) => {
        const validated = request.schema.safeParse(parse(text));
        if (!validated.success) throw validated.error;
        return validated.data;
      };
      try {
        return (await breakerFor(request.operation).fire(config, decode)) as T;
      } catch (error) {
        throw toUpstreamError(request.operation, error);
      }
    },
    breakerStates: () =>
      Object.fromEntries([...breakers].map(([operation, breaker]) => [operation, breakerState(breaker)])),
    close() {
      breakers.forEach((breaker) => breaker.shutdown());
      agent.destroy();
    },
  };
}
