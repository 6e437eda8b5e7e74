export {
  CALL_PRIORITIES,
  DEFAULT_ALLOWANCE_POLICY,
  readSforceLimitInfo,
  type AllowancePolicy,
  type AllowanceSnapshot,
  type CallPriority,
  type ShedReason,
} from './allowance';
export { clientCredentialsAuth, staticHeaderAuth, type LegacyAuth } from './auth';
export { DEFAULT_BULKHEAD_OPTIONS, type BulkheadOptions } from './bulkhead';
// The store a client keeps reference data in (LegacyClientOptions.cache) is the process's one
// key-value store, which the gateway's APQ uses too: it lives in runtime/.
export {
  createMemoryCache,
  createRedisCache,
  type KeyValueCache,
  type MemoryCacheOptions,
  type RedisCache,
  type RedisCacheOptions,
} from '../../runtime';
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
export { chunks, mapByKey, settlePerKey } from './batch';
