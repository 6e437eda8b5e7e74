import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/**
 * The one key-value store of the graph's processes: strings under keys, each with a time to live.
 * The adapters keep reference data in it (see adapters/http/reference-cache.ts) and the gateway its
 * APQ entries. In memory for one process (the default), or in Redis so that several gateway and
 * subgraph replicas share what one of them stored, and can serve reference data stale when its
 * system is down.
 */
export interface KeyValueCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** For a shared store: whether it is reachable now (readiness reports it); absent in process memory. */
  status?(): RedisStatus;
}

export interface MemoryCacheOptions {
  /** Entries kept; the least recently used goes first. */
  maxEntries?: number;
}

export const DEFAULT_MEMORY_CACHE_ENTRIES = 10_000;

export function createMemoryCache(options: MemoryCacheOptions = {}): KeyValueCache {
  const maxEntries = options.maxEntries ?? DEFAULT_MEMORY_CACHE_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(`maxEntries must be a positive integer, got ${String(maxEntries)}`);
  }
  // ttlResolution 0: lru-cache would otherwise reuse a clock reading until a timer clears it, and
  // with no turn of the event loop in between, an entry could outlive its time to live.
  const entries = new LRUCache<string, string>({ max: maxEntries, ttlResolution: 0 });
  return {
    get: async (key) => entries.get(key),
    async set(key, value, ttlMs) {
      // lru-cache takes whole milliseconds; a shorter time to live would mean "never expires".
      entries.set(key, value, { ttl: Math.max(1, Math.ceil(ttlMs)) });
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}

export interface RedisConnectionOptions {
  /** How long connecting may take before the attempt counts as failed (and is retried in the background). */
  connectTimeoutMs?: number;
  /** How long one command may take before it counts as failed. */
  commandTimeoutMs?: number;
}

export const DEFAULT_REDIS_CONNECT_TIMEOUT_MS = 1000;
export const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 250;

/**
 * A Redis connection for a cache, which must never be slower than the call it saves: a command
 * fails at once while the connection is down (no offline queue, no per-request retry) and the
 * connection keeps being retried in the background, so a Redis that comes back is used again.
 */
export function connectRedis(url: string, options: RedisConnectionOptions = {}): Redis {
  const redis = new Redis(url, {
    connectTimeout: options.connectTimeoutMs ?? DEFAULT_REDIS_CONNECT_TIMEOUT_MS,
    commandTimeout: options.commandTimeoutMs ?? DEFAULT_REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    // A socket still connecting when the cache closes is dropped, not left open for ioredis's 2 s.
    disconnectTimeout: 100,
  });
  // Failures surface on each command, or as the status readiness reports; without a listener ioredis prints them.
  redis.on('error', () => undefined);
  return redis;
}

export type RedisStatus = 'up' | 'down';

/** 'up' only when commands can be sent now; connecting or reconnecting counts as down. */
export function redisStatus(redis: Redis): RedisStatus {
  return redis.status === 'ready' ? 'up' : 'down';
}

export interface RedisCacheOptions extends RedisConnectionOptions {
  /** A connected ioredis client (its owner closes it) or a `redis://` URL (the cache owns the connection). */
  redis: Redis | string;
  /** Prefixed to every key, so deployments and tests sharing a Redis do not see each other's entries. */
  keyPrefix?: string;
  /** Entries of the in-process cache that answers while Redis is down. */
  fallbackEntries?: number;
}

export const DEFAULT_REDIS_KEY_PREFIX = 'partner-graph:';

export interface RedisCache extends KeyValueCache {
  /** Whether lookups go to Redis now, or to the in-process fallback. */
  status(): RedisStatus;
  /** Quits the connection if the cache opened it; a client passed in is left to its owner. */
  close(): Promise<void>;
}

/**
 * Redis shared by replicas, with an in-process LRU beside it: every entry is written to both, and
 * while Redis is down (or a command fails) lookups are answered from the LRU without waiting, so a
 * Redis outage costs sharing, not latency.
 */
export function createRedisCache(options: RedisCacheOptions): RedisCache {
  const ownsConnection = typeof options.redis === 'string';
  const redis = typeof options.redis === 'string' ? connectRedis(options.redis, options) : options.redis;
  const prefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
  const local = createMemoryCache({ maxEntries: options.fallbackEntries });
  return {
    async get(key) {
      if (redisStatus(redis) === 'down') return local.get(key);
      try {
        return (await redis.get(prefix + key)) ?? undefined;
      } catch {
        return local.get(key);
      }
    },
    async set(key, value, ttlMs) {
      // Sent before anything is awaited: a caller that does not wait for the write (Apollo's APQ
      // registration) has it on its way to the other replicas before it answers.
      const shared =
        redisStatus(redis) === 'up'
          ? redis.set(prefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)))
          : undefined;
      await local.set(key, value, ttlMs);
      await shared;
    },
    async delete(key) {
      await local.delete(key);
      if (redisStatus(redis) === 'up') await redis.del(prefix + key);
    },
    status: () => redisStatus(redis),
    async close() {
      if (!ownsConnection) return;
      // QUIT waits for an answer, which a Redis that is not ready may never give.
      if (redisStatus(redis) === 'down') redis.disconnect();
      else await redis.quit().catch(() => redis.disconnect());
    },
  };
}
