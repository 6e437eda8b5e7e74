import autocannon from 'autocannon';
import type { Judgement, Outcome } from './scenarios';

/**
 * One bounded load run with autocannon against a loopback URL: a fixed number of connections, each
 * sending the next request as soon as the previous answer arrives, for a fixed time. A connection
 * goes through `requests` in order and starts over, carrying a context from one to the next (the
 * quote a session is building). Every answer is judged (see scenarios.ts), and every response time
 * is kept so the percentiles are exact.
 */
export type RequestContext = Record<string, unknown>;

export interface LoadRequest {
  body(context: RequestContext): string;
  judge(status: number, body: string, context: RequestContext): Judgement;
}

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  requests: LoadRequest[];
  connections: number;
  durationSeconds: number;
}

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export interface LoadResult {
  /** Answers received (any status). */
  responses: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: Latency;
  outcomes: Record<Outcome, number>;
  /** Connection errors and timeouts: requests that got no answer at all. */
  transportErrors: number;
  /** (failed answers + transport errors) / (answers + transport errors). */
  errorRate: number;
  /** First error code per answer that had errors, counted. */
  errorCodes: Record<string, number>;
}

/** Longer than one sequential status-quo dashboard (about 11 s); a slower answer is a failure. */
const REQUEST_TIMEOUT_SECONDS = 30;

function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1' && hostname !== 'localhost' && hostname !== '[::1]') {
    throw new Error(`the bench only sends load to the loopback, not to ${hostname}`);
  }
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (value: number) => Math.round(value * 10) / 10;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  assertLoopback(options.url);
  const latencies: number[] = [];
  const outcomes: Record<Outcome, number> = { complete: 0, partial: 0, failed: 0 };
  const errorCodes: Record<string, number> = {};

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: REQUEST_TIMEOUT_SECONDS,
        requests: options.requests.map((request) => ({
          method: 'POST' as const,
          headers: options.headers,
          setupRequest: (raw: autocannon.Request, context: object) => ({
            ...raw,
            body: request.body(context as RequestContext),
          }),
          onResponse: (status: number, body: string, context: object) => {
            const { outcome, errorCode } = request.judge(status, body, context as RequestContext);
            outcomes[outcome] += 1;
            if (errorCode) errorCodes[errorCode] = (errorCodes[errorCode] ?? 0) + 1;
          },
        })),
      },
      (error: Error | null, finished: autocannon.Result) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });

  const sorted = Float64Array.from(latencies).sort();
  const responses = latencies.length;
  // autocannon's errors include its timeouts.
  const transportErrors = result.errors;
  const attempts = responses + transportErrors;
  return {
    responses,
    durationSeconds: result.duration,
    requestsPerSecond: round(responses / result.duration),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      mean: round(responses === 0 ? NaN : latencies.reduce((sum, value) => sum + value, 0) / responses),
      max: round(sorted[sorted.length - 1] ?? NaN),
    },
    outcomes,
    transportErrors,
    errorRate:
      attempts === 0 ? 1 : Math.round(((outcomes.failed + transportErrors) / attempts) * 10_000) / 10_000,
    errorCodes,
  };
}
