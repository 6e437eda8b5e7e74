import type { ZodType } from 'zod';
import type { Freshness } from '../../domain';
import { isUpstreamError } from '../../runtime';
import type { KeyValueCache } from '../../runtime';
import type { LegacyMetrics } from './metrics';

/**
 * Read-through caching of reference data (products, price books, program rules) with stale
 * serving: a fresh entry answers without a legacy call; a missing or aged one is fetched and
 * stored; and when the fetch fails because the system is unhealthy (unavailable, timing out,
 * answering garbage, or its breaker open), the last good value is served, marked stale with its
 * age, for up to `staleTtlMs` after it was fetched.
 *
 * Only for data that may be minutes old without harm. Quotes, invoices, payouts and anything a
 * partner acts on are transactional: they always come from the system, or fail.
 */
export interface CachePolicy {
  /** How long a value is fresh, served without asking the system. */
  ttlMs: number;
  /** How long after it was fetched a value may still be served stale, when the system fails. */
  staleTtlMs: number;
}

export interface CachedValue<T> {
  value: T;
  freshness: Freshness;
}

export interface CachedBatchOptions<T> extends CachePolicy {
  /** The operation the values belong to, for metrics, e.g. `queryProducts`. */
  operation: string;
  /** Keeps these entries apart from others of the same system, e.g. `product`. */
  namespace: string;
  /** Validates a value read back from the cache; one that fails counts as a miss. */
  schema: ZodType<T>;
  /** Fetches the keys that are not fresh, in one call; a key absent from the map has no record. */
  load(keys: readonly string[]): Promise<ReadonlyMap<string, T>>;
}

export interface ReferenceCacheContext {
  system: string;
  store: KeyValueCache;
  metrics: LegacyMetrics;
}

interface StoredEntry<T> {
  value: T;
  fetchedAt: number;
}

function validPolicy(policy: CachePolicy): CachePolicy {
  const { ttlMs, staleTtlMs } = policy;
  if (!Number.isInteger(ttlMs) || ttlMs < 1) {
    throw new TypeError(`ttlMs must be a positive integer of milliseconds, got ${String(ttlMs)}`);
  }
  if (!Number.isInteger(staleTtlMs) || staleTtlMs < ttlMs) {
    throw new TypeError(
      `staleTtlMs must be an integer no smaller than ttlMs (${ttlMs}), got ${String(staleTtlMs)}`,
    );
  }
  return policy;
}

function cachedValue<T>(entry: StoredEntry<T>, stale: boolean, now: number): CachedValue<T> {
  return {
    value: entry.value,
    freshness: {
      asOf: new Date(entry.fetchedAt).toISOString(),
      stale,
      ageMs: Math.max(0, now - entry.fetchedAt),
    },
  };
}

/** One result per key, in order: the value with its freshness, null for no record, or the Error. */
export async function loadThroughCache<T>(
  context: ReferenceCacheContext,
  keys: readonly string[],
  options: CachedBatchOptions<T>,
): Promise<Array<CachedValue<T> | null | Error>> {
  const { ttlMs, staleTtlMs } = validPolicy(options);
  const labels = { system: context.system, operation: options.operation };
  const storeKey = (key: string) => `${context.system}:${options.namespace}:${key}`;

  async function read(key: string): Promise<StoredEntry<T> | undefined> {
    let text: string | undefined;
    try {
      text = await context.store.get(storeKey(key));
    } catch {
      context.metrics.cache.inc({ ...labels, result: 'error' });
      return undefined;
    }
    if (text === undefined) return undefined;
    try {
      const { value, fetchedAt } = JSON.parse(text) as { value?: unknown; fetchedAt?: unknown };
      const parsed = options.schema.safeParse(value);
      if (!parsed.success || typeof fetchedAt !== 'number') return undefined;
      return { value: parsed.data, fetchedAt };
    } catch {
      return undefined;
    }
  }

  async function write(key: string, entry: StoredEntry<T>): Promise<void> {
    try {
      await context.store.set(storeKey(key), JSON.stringify(entry), staleTtlMs);
    } catch {
      context.metrics.cache.inc({ ...labels, result: 'error' });
    }
  }

  const unique = [...new Set(keys)];
  const stored = await Promise.all(unique.map(read));
  const results = new Map<string, CachedValue<T> | null | Error>();
  const missing: string[] = [];
  const fallbacks = new Map<string, StoredEntry<T>>();
  const readAt = Date.now();
  unique.forEach((key, index) => {
    const entry = stored[index];
    if (entry && readAt - entry.fetchedAt < ttlMs) {
      context.metrics.cache.inc({ ...labels, result: 'hit' });
      results.set(key, cachedValue(entry, false, readAt));
      return;
    }
    context.metrics.cache.inc({ ...labels, result: 'miss' });
    missing.push(key);
    if (entry) fallbacks.set(key, entry);
  });

  if (missing.length > 0) {
    try {
      const loaded = await options.load(missing);
      const fetchedAt = Date.now();
      await Promise.all(
        missing.map(async (key) => {
          if (!loaded.has(key)) {
            results.set(key, null);
            return;
          }
          const entry = { value: loaded.get(key) as T, fetchedAt };
          results.set(key, cachedValue(entry, false, fetchedAt));
          await write(key, entry);
        }),
      );
    } catch (error) {
      // Only a sick system earns stale data; a refusal (rate limit, bad input) is the answer.
      const servesStale = isUpstreamError(error) && error.isSystemFailure;
      const failedAt = Date.now();
      for (const key of missing) {
        const fallback = fallbacks.get(key);
        if (servesStale && fallback && failedAt - fallback.fetchedAt < staleTtlMs) {
          context.metrics.cache.inc({ ...labels, result: 'stale' });
          results.set(key, cachedValue(fallback, true, failedAt));
        } else {
          results.set(key, error instanceof Error ? error : new Error(String(error)));
        }
      }
    }
  }
  return keys.map((key) => results.get(key) ?? null);
}
