import { Counter, Gauge, Histogram, type Registry, register } from 'prom-client';
import type { BreakerState } from '../../runtime';

/**
 * The legacy client's Prometheus metrics: per system and operation, the traffic and error figures
 * that say how healthy a legacy system is and how much the graph still depends on it.
 *
 * prom-client refuses a second metric of the same name in one registry, and every client (tests
 * create many) shares its registry; so each registry gets its metrics once, on first use.
 */
export interface LegacyMetrics {
  /** One per `request()`, after retries; `outcome` is `ok` or the error code. */
  calls: Counter<'system' | 'operation' | 'outcome'>;
  /** Time of one `request()`, queueing, retries and backoff included. */
  duration: Histogram<'system' | 'operation' | 'outcome'>;
  /** Attempts repeated, by reason (`rate_limited`, `unavailable`, `connection`). */
  retries: Counter<'system' | 'operation' | 'reason'>;
  /** 0 closed, 1 half-open, 2 open; set from the breaker's own events. */
  breakerState: Gauge<'system' | 'operation'>;
  /** Reference-data cache: `hit`, `miss`, `stale` (served stale after a failure), `error` (store failed). */
  cache: Counter<'system' | 'operation' | 'result'>;
  /** Calls refused by the bulkhead without reaching the system. */
  bulkheadRejections: Counter<'system'>;
}

export const BREAKER_STATE_VALUES: Record<BreakerState, number> = { closed: 0, halfOpen: 1, open: 2 };

const metricsByRegistry = new WeakMap<Registry, LegacyMetrics>();

export function legacyMetrics(registry: Registry = register): LegacyMetrics {
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
        labelNames: ['system', 'operation', 'outcome'],
        registers,
      }),
    duration:
      existing('legacy_call_duration_seconds') ??
      new Histogram({
        name: 'legacy_call_duration_seconds',
        help: 'Duration of calls to legacy systems, retries and backoff included.',
        labelNames: ['system', 'operation', 'outcome'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers,
      }),
    retries:
      existing('legacy_retries_total') ??
      new Counter({
        name: 'legacy_retries_total',
        help: 'Attempts at a legacy call repeated after a 429, a 503 or a connection error.',
        labelNames: ['system', 'operation', 'reason'],
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
        labelNames: ['system'],
        registers,
      }),
  };
}
