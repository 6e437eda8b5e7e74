export {
  createIdentitySigner,
  IDENTITY_HEADER,
  IDENTITY_MAX_AGE_MS,
  ROLES,
  signIdentity,
  verifyIdentity,
  viewerSchema,
  type IdentityProblem,
  type IdentitySigner,
  type Role,
  type Viewer,
} from './identity';
export { signDevToken, type DevTokenClaims } from './dev-token';
export { DEADLINE_HEADER } from './deadline';
export { signUsage, USAGE_HEADER, verifyUsage, type PartnerUsage } from './usage';
export {
  connectRedis,
  createMemoryCache,
  createRedisCache,
  redisStatus,
  type KeyValueCache,
  type MemoryCacheOptions,
  type RedisCache,
  type RedisCacheOptions,
  type RedisConnectionOptions,
  type RedisStatus,
} from './key-value-cache';
export {
  BadResponseError,
  isUpstreamConflict,
  isUpstreamError,
  UpstreamError,
  type BreakerState,
  type ShedReason,
  type UpstreamDetails,
  type UpstreamErrorCode,
  type WriteOutcome,
} from './upstream-error';
export { listen, type ListenOptions, type RunningServer } from './listen';
export { installScalars, SCALARS } from './scalars';
export { createLogger, type Logger } from './logger';
export {
  BAD_REQUEST,
  GATEWAY_PASSED_THROUGH_CODES,
  INTERNAL,
  PAYLOAD_TOO_LARGE,
  PERSISTED_QUERY_NOT_IN_SAFELIST,
  QUERY_LIMIT_EXCEEDED,
  RATE_LIMITED,
  SUBGRAPH_PASSED_THROUGH_CODES,
  USER_ERROR_CODES,
  type QueryLimit,
  type SubgraphPassedThroughCode,
  type UserErrorCode,
} from './error-codes';
