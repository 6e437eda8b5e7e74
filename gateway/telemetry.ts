/**
 * @apollo/gateway starts a usage-data exporter in its constructor that probes cloud metadata
 * addresses and posts metrics to Apollo unless APOLLO_TELEMETRY_DISABLED is set. That is traffic
 * our users did not ask for, so it is off unless configuration opts in. The gateway reads only the
 * environment, so the policy has to be applied there, before the gateway is constructed.
 */
export function applyApolloTelemetryPolicy(optedIn: boolean): void {
  if (optedIn) {
    delete process.env.APOLLO_TELEMETRY_DISABLED;
  } else {
    process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  }
}
