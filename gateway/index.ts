export { createRequestVerifier, type AuthConfig } from './auth';
export { DEFAULT_TIER_BUDGETS, type BudgetLimits, type BudgetsConfig } from './budgets';
export type { GatewayContext } from './context';
export { PARTNER_TIERS, type PartnerTier } from './partner-tiers';
export { DEFAULT_LIMITS, type LimitsConfig } from './limits';
export { loadSafelist, RedisKeyValueCache, sha256 } from './persisted-queries';
export { startGateway, type GatewayConfig, type RunningGateway } from './server';
export type { SubgraphResilienceOptions } from './subgraph-data-source';
export { applyApolloTelemetryPolicy } from './telemetry';
