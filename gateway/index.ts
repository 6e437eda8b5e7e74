export { createRequestVerifier, type AuthConfig } from './auth';
export type { GatewayContext } from './context';
export type { ExplorerDevTokens } from './explorer';
export { DEFAULT_LIMITS, type LimitsConfig } from './limits';
export { APQ_TTL_SECONDS, apqStore, loadSafelist, sha256 } from './persisted-queries';
export { startGateway, type GatewayConfig, type RunningGateway } from './server';
export type { SubgraphResilienceOptions } from './subgraph-data-source';
export { applyApolloTelemetryPolicy } from './telemetry';
