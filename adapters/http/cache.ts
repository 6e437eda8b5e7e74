import { Redis } from 'ioredis';

/**
 * Where reference data is kept between requests: strings under keys, each with a time to live.
 * In memory for one process (the default), or in Redis so that several gateway and subgraph
 * replicas share what one of them fetched, and can serve it stale when the system is down.
 */
export interface KeyValueCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** For a shared store: whether it is reachable now (readiness reports it); absent in process memory. */
  status?(): RedisStatus;
}

export interface MemoryCacheOptions {
  /** Entries kept; the least recently used goes first. */
  maxEntries?: number;
}

export const DEFAULT_MEMORY_CACHE_ENTRIES = 10_000;

/** A bounded LRU: a Map keeps insertion order, and a read moves its entry to the end. */
export function createMemoryCache(options: MemoryCacheOptions = {}): KeyValueCache {
  const maxEntries = options.maxEntries ?? DEFAULT_MEMORY_CACHE_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(`maxEntries must be a positive integer, got ${String(maxEntries)}`);
  }
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= Date.now()) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    async set(key, value, ttlMs) {
      entries.delete(key);
      entries.set(key, { value, expiresAt: Date.now() + ttlMs });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
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
      await local.set(key, value, ttlMs);
      if (redisStatus(redis) === 'down') return;
      await redis.set(prefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
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
