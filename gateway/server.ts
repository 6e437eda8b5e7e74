import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { listen, type RunningServer } from '../runtime';
import { createRequestVerifier, type AuthConfig } from './auth';
import type { GatewayContext } from './context';
import { IdentityForwardingDataSource } from './identity-forwarding';
import { applyApolloTelemetryPolicy } from './telemetry';

export interface GatewayConfig {
  port: number;
  host?: string;
  supergraphPath: string;
  /** Routing URL per subgraph name; overrides the supergraph's, so ports can move without recomposing. */
  subgraphUrls: Record<string, string>;
  apolloTelemetry: boolean;
  auth: AuthConfig;
  /** HMAC secret shared with the subgraphs for the forwarded identity. */
  identitySecret: string;
}

/** The partner-facing gateway: Apollo Gateway over the checked-in supergraph, served at /graphql. */
export async function startGateway(config: GatewayConfig): Promise<RunningServer> {
  applyApolloTelemetryPolicy(config.apolloTelemetry);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name, url }) =>
      new IdentityForwardingDataSource(config.subgraphUrls[name] ?? url ?? '', config.identitySecret),
  });
  const verifyRequest = createRequestVerifier(config.auth);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await server.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => ({ viewer: await verifyRequest(req.headers.authorization) }),
    }),
  );
  const running = await listen(app, config.port, config.host);
  return {
    ...running,
    close: async () => {
      await running.close();
      await server.stop();
    },
  };
}
