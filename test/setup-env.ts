// Belt and braces: the gateway already defaults Apollo's usage exporter off, but no test may
// ever reach the internet, whatever a test passes as configuration.
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
