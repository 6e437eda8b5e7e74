import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import {
  BAD_REQUEST,
  createIdentitySigner,
  installScalars,
  listen,
  PAYLOAD_TOO_LARGE,
  signUsage,
  type PartnerUsage,
  type RedisStatus,
  type RunningServer,
} from '../runtime';
import { createRequestVerifier, type AuthConfig } from './auth';
import { createBudgets, type BudgetsConfig } from './budgets';
import { clientErrorFormatter } from './client-errors';
import type { GatewayContext } from './context';
import { healthRouter } from './health';
import { createExplorerRouter, type ExplorerDevTokens } from './explorer';
import { limitProtections, type LimitsConfig } from './limits';
import { requestLoggingPlugin } from './logging';
import { createGatewayMetrics } from './metrics';
import { partnerTierSource, type PartnerTier } from './partner-tiers';
import { persistedQueryHashCheck, safelistMiddleware } from './persisted-queries';
import { SubgraphDataSource, type SubgraphResilienceOptions } from './subgraph-data-source';
import { createSubgraphFetcher } from './subgraph-fetcher';
import { supergraphFromFile } from './supergraph-source';
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
  production: boolean;
  limits: LimitsConfig;
  /** Per-partner and per-user budgets (budgets.ts); none when absent. */
  budgets?: BudgetsConfig & { tierTtlMs: number; fallbackTier: PartnerTier };
  subgraphResilience: SubgraphResilienceOptions;
  /** Time budget of one client request; becomes the deadline passed to subgraphs. */
  requestTimeoutMs: number;
  bodyLimitBytes: number;
  persistedQueries:
    | { mode: 'apq'; cache?: KeyValueCache<string> }
    | { mode: 'safelist'; safelist: Map<string, string> }
    | { mode: 'off' };
  logger: Logger;
  drainTimeoutMs: number;
  supergraphPollIntervalMs?: number;
  /** The Redis connections this process relies on (APQ, reference data), for /readyz; none without REDIS_URL. */
  redis?: Array<() => RedisStatus>;
  /** Development tokens from the explorer page; never set in production (see explorer.ts). */
  explorerDevTokens?: ExplorerDevTokens;
  /**
   * The process's metrics registry, served at /metrics: in `npm start` it holds the legacy clients'
   * figures too. The gateway builds its own when run alone.
   */
  metricsRegistry?: Registry;
  /** Operation names the metrics label as themselves (the persisted-query manifest's); others are `other`. */
  metricsOperationNames?: ReadonlySet<string>;
}

export interface RunningGateway extends RunningServer {
  metricsRegistry: Registry;
  /** Resolves after the next supergraph reload attempt: true if the new one is serving. */
  nextSupergraphReload(): Promise<boolean>;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
/** The partner-facing gateway: Apollo Gateway over the supergraph file, served at /graphql. */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  applyApolloTelemetryPolicy(config.apolloTelemetry);
  const metricsRegistry = config.metricsRegistry ?? new Registry();
  const metrics = createGatewayMetrics(metricsRegistry, config.metricsOperationNames ?? new Set());
  const dataSources = new Map<string, SubgraphDataSource>();
  // One request's usage goes to each subgraph it fetches from: signed once.
  const signedUsage = new WeakMap<PartnerUsage, string>();
  const signUsageOnce = (usage: PartnerUsage) => {
    let header = signedUsage.get(usage);
    if (header === undefined) signedUsage.set(usage, (header = signUsage(usage, config.identitySecret)));
    return header;
  };
  // Shared by every subgraph and by the data sources a supergraph reload creates.
  const subgraphFetcher = createSubgraphFetcher({ timeoutMs: config.subgraphResilience.timeoutMs });
  const signIdentity = createIdentitySigner(config.identitySecret);
  const budgets =
    config.budgets &&
    createBudgets(
      config.budgets,
      partnerTierSource({
        url: config.subgraphUrls.partners ?? '',
        signIdentity,
        ttlMs: config.budgets.tierTtlMs,
        failureTtlMs: Math.min(config.budgets.tierTtlMs, 30_000),
        timeoutMs: config.subgraphResilience.timeoutMs,
        fallbackTier: config.budgets.fallbackTier,
      }),
      { registry: metricsRegistry, logger: config.logger },
    );
  const supergraph = supergraphFromFile(
    config.supergraphPath,
    config.logger,
    config.supergraphPollIntervalMs,
  );

  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.hook,
    buildService: ({ name, url }) => {
      const source = new SubgraphDataSource(name, config.subgraphUrls[name] ?? url ?? '', {
        resilience: config.subgraphResilience,
        fetcher: subgraphFetcher.fetch,
        signIdentity,
        signUsage: budgets && signUsageOnce,
        metrics,
      });
      source.onBreakerChange((state) => {
        metrics.setBreakerState(name, state);
        config.logger.warn({ subgraph: name, breaker: state }, 'subgraph breaker changed state');
      });
      dataSources.set(name, source);
      return source;
    },
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => installScalars(apiSchema));

  const verifyRequest = createRequestVerifier(config.auth);
  const limits = limitProtections(config.limits);
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POSTs that no client revalidates: hashing each one for an ETag is waste.
  app.set('etag', false);
  const running = await listen(app, config.port, config.host, { drainTimeoutMs: config.drainTimeoutMs });

  const server = new ApolloServer<GatewayContext>({
    // The process's own SIGTERM/SIGINT handler stops everything in order; Apollo's would race it.
    stopOnTerminationSignals: false,
    gateway,
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    csrfPrevention: true,
    formatError: clientErrorFormatter({ hideSuggestions: config.production }),
    validationRules: limits.validationRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    persistedQueries:
      config.persistedQueries.mode === 'apq' ? { cache: config.persistedQueries.cache } : false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: running.httpServer }),
      ...limits.plugins,
      ...(budgets ? [budgets.plugin] : []),
      metrics.plugin,
      requestLoggingPlugin(config.logger),
    ],
  });
  await server.start();
  // The first requests would otherwise find Redis still connecting and go uncounted.
  await budgets?.ready(2000);

  app.use(
    healthRouter({
      supergraphLoaded: () => gateway.schema !== undefined,
      subgraphs: () =>
        [...dataSources.values()].map((source) => ({
          name: source.subgraph,
          url: source.url ?? '',
          breaker: source.breakerState,
        })),
      probeTimeoutMs: 1000,
      redis: config.redis,
    }),
  );
  app.get('/metrics', async (_req, res) => {
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
  const graphqlMiddleware = [
    express.json({ limit: config.bodyLimitBytes }),
    ...(config.persistedQueries.mode === 'safelist'
      ? [safelistMiddleware(config.persistedQueries.safelist)]
      : []),
    ...(config.persistedQueries.mode === 'apq' ? [persistedQueryHashCheck()] : []),
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        const clientRequestId = req.get('x-request-id');
        const requestId =
          clientRequestId && REQUEST_ID_PATTERN.test(clientRequestId) ? clientRequestId : randomUUID();
        res.setHeader('x-request-id', requestId);
        return {
          viewer: await verifyRequest(req.headers.authorization),
          requestId,
          deadline: Date.now() + config.requestTimeoutMs,
          traceparent: req.get('traceparent'),
        };
      },
    }),
  ];
  // The explorer needs introspection for its docs, which production refuses.
  if (!config.production) app.use(createExplorerRouter({ devTokens: config.explorerDevTokens }));
  app.use('/graphql', ...graphqlMiddleware);
  const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
    const status = (error as { status?: number }).status;
    if (status === 413) {
      res.status(413).json({
        errors: [
          {
            message: `Request body larger than ${config.bodyLimitBytes} bytes`,
            extensions: { code: PAYLOAD_TOO_LARGE },
          },
        ],
      });
    } else if (status === 415) {
      // Express's own answer would be an HTML page with the stack trace outside production.
      res.status(415).json({
        errors: [
          {
            message: 'Request body in a charset or content encoding the gateway cannot read: send UTF-8 JSON',
            extensions: { code: BAD_REQUEST },
          },
        ],
      });
    } else if (status === 400) {
      res.status(400).json({
        errors: [{ message: 'Request body is not valid JSON', extensions: { code: BAD_REQUEST } }],
      });
    } else {
      next(error);
    }
  };
  app.use(bodyErrors);

  return {
    ...running,
    metricsRegistry,
    nextSupergraphReload: () => supergraph.nextReload(),
    close: async () => {
      await server.stop();
      await running.close();
      subgraphFetcher.destroy();
    },
  };
}
