import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { BreakerState } from '../../runtime';

/**
 * The legacy client's Prometheus metrics: per system and operation, the traffic and error figures
 * that say how healthy a legacy system is and how much the graph still depends on it.
 *
 * There is one registry per process, built where the process is composed and served on its
 * /metrics; prom-client's global registry is never used, since nothing serves it. prom-client
 * refuses a second metric of the same name in one registry, and every client of the process shares
 * it; so each registry gets its metrics once, on first use.
 *
 * One client per system serves every subgraph of the process: breaker and cache figures are the
 * system's, while calls, retries and bulkhead refusals carry the `subgraph` they were made for
 * (absent for calls made outside a GraphQL request).
 */
export interface LegacyMetrics {
  /** One per `request()`, after retries; `outcome` is `ok` or the error code. */
  calls: Counter<'system' | 'operation' | 'outcome' | 'subgraph'>;
  /** Time of one `request()`, queueing, retries and backoff included. */
  duration: Histogram<'system' | 'operation' | 'outcome' | 'subgraph'>;
  /** Attempts repeated, by reason (`rate_limited`, `unavailable`, `connection`). */
  retries: Counter<'system' | 'operation' | 'reason' | 'subgraph'>;
  /** 0 closed, 1 half-open, 2 open; set from the breaker's own events. */
  breakerState: Gauge<'system' | 'operation'>;
  /** Reference-data cache: `hit`, `miss`, `stale` (served stale after a failure), `error` (store failed). */
  cache: Counter<'system' | 'operation' | 'result'>;
  /** Calls refused by the bulkhead without reaching the system. */
  bulkheadRejections: Counter<'system' | 'subgraph'>;
  /** The system's API allowance as it last reported it (allowance.ts). */
  allowanceMax: Gauge<'system'>;
  allowanceRemaining: Gauge<'system'>;
  /** Calls shed to save the allowance, never sent, by priority and reason. */
  shedCalls: Counter<'system' | 'operation' | 'priority' | 'reason'>;
}

export const BREAKER_STATE_VALUES: Record<BreakerState, number> = { closed: 0, halfOpen: 1, open: 2 };

const metricsByRegistry = new WeakMap<Registry, LegacyMetrics>();

export function legacyMetrics(registry: Registry): LegacyMetrics {
  let metrics = metricsByRegistry.get(registry);
  if (!metrics) {
    metrics = createMetrics(registry);
    metricsByRegistry.set(registry, metrics);
  }
  return metrics;
}

function createMetrics(registry: Registry): LegacyMetrics {
  // A second copy of this module (jest's module registry, a bundler) may have registered them.
  const existing = <M>(name: string): M | undefined => registry.getSingleMetric(name) as M | undefined;
  const registers = [registry];
  return {
    calls:
      existing('legacy_calls_total') ??
      new Counter({
        name: 'legacy_calls_total',
        help: 'Calls to legacy systems, after retries, by outcome (ok or error code).',
        labelNames: ['system', 'operation', 'outcome', 'subgraph'],
        registers,
      }),
    duration:
      existing('legacy_call_duration_seconds') ??
      new Histogram({
        name: 'legacy_call_duration_seconds',
        help: 'Duration of calls to legacy systems, retries and backoff included.',
        labelNames: ['system', 'operation', 'outcome', 'subgraph'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers,
      }),
    retries:
      existing('legacy_retries_total') ??
      new Counter({
        name: 'legacy_retries_total',
        help: 'Attempts at a legacy call repeated after a 429, a 503 or a connection error.',
        labelNames: ['system', 'operation', 'reason', 'subgraph'],
        registers,
      }),
    breakerState:
      existing('legacy_breaker_state') ??
      new Gauge({
        name: 'legacy_breaker_state',
        help: 'Legacy circuit breaker state: 0 closed, 1 half-open, 2 open.',
        labelNames: ['system', 'operation'],
        registers,
      }),
    cache:
      existing('legacy_cache_total') ??
      new Counter({
        name: 'legacy_cache_total',
        help: 'Reference-data cache lookups (hit, miss), stale values served, and cache store errors.',
        labelNames: ['system', 'operation', 'result'],
        registers,
      }),
    bulkheadRejections:
      existing('legacy_bulkhead_rejections_total') ??
      new Counter({
        name: 'legacy_bulkhead_rejections_total',
        help: 'Legacy calls refused because the system already had its maximum of calls in flight and queued.',
        labelNames: ['system', 'subgraph'],
        registers,
      }),
    allowanceMax:
      existing('legacy_api_allowance_max') ??
      new Gauge({
        name: 'legacy_api_allowance_max',
        help: "A legacy system's API request limit for its current window, as it last reported it.",
        labelNames: ['system'],
        registers,
      }),
    allowanceRemaining:
      existing('legacy_api_allowance_remaining') ??
      new Gauge({
        name: 'legacy_api_allowance_remaining',
        help: "What is left of a legacy system's API request limit in its current window, as it last reported it.",
        labelNames: ['system'],
        registers,
      }),
    shedCalls:
      existing('legacy_shed_calls_total') ??
      new Counter({
        name: 'legacy_shed_calls_total',
        help: 'Legacy calls shed (never sent) to save the API allowance, by priority and reason (allowance-low, throttled, partner-share).',
        labelNames: ['system', 'operation', 'priority', 'reason'],
        registers,
      }),
  };
}
