export { createRequestVerifier, type AuthConfig } from './auth';
export type { GatewayContext } from './context';
export { startGateway, type GatewayConfig } from './server';
export { applyApolloTelemetryPolicy } from './telemetry';
