export { startGateway, type GatewayConfig } from './server';
export { applyApolloTelemetryPolicy } from './telemetry';
