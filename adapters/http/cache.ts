import { Redis } from 'ioredis';

/**
 * Where reference data is kept between requests: strings under keys, each with a time to live.
 * In memory for one process (the default), or in Redis so that several gateway and subgraph
 * replicas share what one of them fetched, and can serve it stale when the system is down.
 */
export interface KeyValueCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
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

export interface RedisCacheOptions {
  /** A connected ioredis client (its owner closes it) or a `redis://` URL (the cache owns the connection). */
  redis: Redis | string;
  /** Prefixed to every key, so deployments and tests sharing a Redis do not see each other's entries. */
  keyPrefix?: string;
  /** For a URL: how long one Redis command may take before the lookup counts as a miss. */
  commandTimeoutMs?: number;
}

export const DEFAULT_REDIS_KEY_PREFIX = 'partner-graph:';

export interface RedisCache extends KeyValueCache {
  /** Quits the connection if the cache opened it; a client passed in is left to its owner. */
  close(): Promise<void>;
}

export function createRedisCache(options: RedisCacheOptions): RedisCache {
  const ownsConnection = typeof options.redis === 'string';
  const redis =
    typeof options.redis === 'string'
      ? new Redis(options.redis, {
          // A cache that waits on a sick Redis would make every lookup as slow as the legacy call it
          // saves: fail the command quickly and let the caller treat it as a miss.
          commandTimeout: options.commandTimeoutMs ?? 250,
          maxRetriesPerRequest: 1,
        })
      : options.redis;
  // Failures surface on each command (and are counted there); without a listener ioredis prints them.
  if (ownsConnection) redis.on('error', () => undefined);
  const prefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
  return {
    async get(key) {
      return (await redis.get(prefix + key)) ?? undefined;
    },
    async set(key, value, ttlMs) {
      await redis.set(prefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    async close() {
      if (ownsConnection) await redis.quit();
    },
  };
}
