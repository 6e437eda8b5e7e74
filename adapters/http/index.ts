export { clientCredentialsAuth, staticHeaderAuth, type LegacyAuth } from './auth';
export {
  createLegacyHttpClient,
  DEFAULT_BREAKER_OPTIONS,
  type BreakerOptions,
  type LegacyClientOptions,
  type LegacyHttpClient,
  type LegacyRequest,
} from './client';
export {
  isUpstreamError,
  UpstreamError,
  type BreakerState,
  type UpstreamErrorCode,
  type UpstreamDetails,
} from './errors';
