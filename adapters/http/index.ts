export { clientCredentialsAuth, staticHeaderAuth, type LegacyAuth } from './auth';
export { DEFAULT_BULKHEAD_OPTIONS, type BulkheadOptions } from './bulkhead';
export {
  createMemoryCache,
  connectRedis,
  createRedisCache,
  DEFAULT_REDIS_KEY_PREFIX,
  redisStatus,
  type KeyValueCache,
  type MemoryCacheOptions,
  type RedisCache,
  type RedisCacheOptions,
  type RedisConnectionOptions,
  type RedisStatus,
} from './cache';
export {
  createLegacyHttpClient,
  DEFAULT_BREAKER_OPTIONS,
  type BreakerOptions,
  type ClassifyAnswer,
  type LegacyCallContext,
  type LegacyClientOptions,
  type LegacyHttpClient,
  type LegacyRequest,
  type LegacyResilienceOptions,
} from './client';
export {
  isUpstreamError,
  UpstreamError,
  type BreakerState,
  type UpstreamErrorCode,
  type UpstreamDetails,
  type WriteOutcome,
} from '../../runtime';
export {
  createLegacyHealthRegistry,
  legacyHealth,
  type BreakerHealth,
  type BreakerSource,
  type LegacyHealthRegistry,
} from './health';
export { legacyMetrics, type LegacyMetrics } from './metrics';
export type { CachedBatchOptions, CachedValue, CachePolicy } from './reference-cache';
export { DEFAULT_RETRY_OPTIONS, type RetryOptions } from './retry';
export { malformedRecord, parseLegacyRecord } from './records';
export { mapByKey, settlePerKey } from './batch';
