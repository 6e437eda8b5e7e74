import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import { GraphQLError, type DocumentNode } from 'graphql';
import type { Registry } from 'prom-client';
import {
  DEADLINE_HEADER,
  IDENTITY_HEADER,
  listen,
  SCALARS,
  USAGE_HEADER,
  verifyIdentity,
  type KeyValueCache,
  type PartnerUsage,
  type RunningServer,
  type Viewer,
  verifyUsage,
} from '../../runtime';
import { formatSubgraphError } from './errors';

/** What a subgraph's legacy clients say of each system's API allowance, for /healthz (the gateway's /readyz). */
export interface LegacyAllowanceReport {
  system: string;
  max: number | null;
  remaining: number | null;
  /** The call priorities being shed now. */
  shedding: readonly string[];
}

/**
 * The resolver map `buildSubgraphSchema` takes, derived from its public signature: the package
 * exports no name for it, and its `dist/` internals may move in any release.
 */
type SubgraphResolverMap = NonNullable<
  Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']
>;

/**
 * How every subgraph is hosted: Apollo Server on express at `/graphql`, a fresh context (and so
 * fresh DataLoaders) per request, adapter errors formatted into coded GraphQL errors. A request
 * without the gateway's signed identity is refused before any resolver runs, `_entities` included.
 */
export interface SubgraphDefinition<TContext extends object> {
  name: string;
  typeDefs: DocumentNode;
  /** The subgraph's generated `Resolvers` type, checked where it is written. */
  resolvers: object;
  createContext(viewer: Viewer, call: RequestScope): TContext;
  /** Breaker states of the legacy systems behind this subgraph, for the gateway's /readyz. */
  legacyHealth(): Record<string, Record<string, string>>;
  /** What is left of each legacy system's API allowance as this subgraph's clients last heard. */
  legacyAllowance(): LegacyAllowanceReport[];
}

/** What the gateway says about the request's budget and identity, passed on to legacy calls. */
export interface RequestScope {
  /** Epoch ms; legacy calls and retries never run past it. */
  deadline?: number;
  requestId?: string;
  /** The viewer's partner: legacy calls count against its share of a low API allowance. */
  partnerId?: string;
  /** The partner's budget usage as the gateway counted it (runtime/usage.ts), when it sent one. */
  usage?: PartnerUsage;
  /** The subgraph's name: the process's one client per legacy system labels its metrics with it. */
  subgraph: string;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

function requestScopeOf(
  subgraph: string,
  deadlineHeader: string | undefined,
  requestIdHeader: string | undefined,
): RequestScope {
  const deadline = Number(deadlineHeader);
  return {
    subgraph,
    ...(deadlineHeader && Number.isFinite(deadline) ? { deadline } : {}),
    ...(requestIdHeader && REQUEST_ID_PATTERN.test(requestIdHeader) ? { requestId: requestIdHeader } : {}),
  };
}

export interface SubgraphHostOptions {
  port: number;
  /** HMAC secret shared with the gateway; see runtime/identity.ts. */
  identitySecret: string;
  /** The reference-data caches of its adapters: /healthz says whether a shared one (Redis) is down. */
  caches?: ReadonlyArray<KeyValueCache | undefined>;
  /**
   * The process's metrics registry, served at /metrics when the subgraph runs in a process of its
   * own. Where the gateway shares the process it serves the registry, and the subgraph does not.
   */
  metrics?: Registry;
}

export interface RunningSubgraph extends RunningServer {
  name: string;
}

function sharedCacheStatus(caches: SubgraphHostOptions['caches']): { redis?: 'up' | 'down' } {
  const statuses = (caches ?? []).flatMap((cache) => (cache?.status ? [cache.status()] : []));
  if (statuses.length === 0) return {};
  return { redis: statuses.every((status) => status === 'up') ? 'up' : 'down' };
}

export async function startSubgraph<TContext extends object>(
  definition: SubgraphDefinition<TContext>,
  options: SubgraphHostOptions,
): Promise<RunningSubgraph> {
  const server = new ApolloServer<TContext>({
    // The process's own SIGTERM/SIGINT handler stops everything in order; Apollo's would race it.
    stopOnTerminationSignals: false,
    schema: buildSubgraphSchema({
      typeDefs: definition.typeDefs,
      // Codegen's Resolvers type is stricter than Apollo's structural map and not assignable to it.
      // The custom scalars come first: every subgraph that declares one gets the one implementation.
      resolvers: { ...SCALARS, ...definition.resolvers } as SubgraphResolverMap,
    }),
    formatError: formatSubgraphError,
    includeStacktraceInErrorResponses: false,
    // Inline traces are only for Apollo's hosted usage reporting, which this project never sends to;
    // no schema declares @cacheControl hints, so computing a cache policy per field is wasted work.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await server.start();
  const app = express();
  app.disable('x-powered-by');
  // Only the gateway calls a subgraph, with POSTs it never revalidates: hashing every answer for an ETag is waste.
  app.set('etag', false);
  app.get(
    '/healthz',
    (_req, res) =>
      void res.json({
        status: 'ok',
        subgraph: definition.name,
        legacy: definition.legacyHealth(),
        ...sharedCacheStatus(options.caches),
        allowance: definition.legacyAllowance(),
      }),
  );
  const { metrics } = options;
  if (metrics) {
    app.get(
      '/metrics',
      async (_req, res) => void res.type(metrics.contentType).send(await metrics.metrics()),
    );
  }
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const identity = verifyIdentity(req.get(IDENTITY_HEADER), options.identitySecret);
        if ('problem' in identity) {
          throw new GraphQLError('Unauthenticated: requests must come through the gateway', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
        return definition.createContext(identity.viewer, {
          ...requestScopeOf(definition.name, req.get(DEADLINE_HEADER), req.get('x-request-id')),
          partnerId: identity.viewer.partnerId,
          usage: verifyUsage(req.get(USAGE_HEADER), options.identitySecret, identity.viewer.partnerId),
        });
      },
    }),
  );
  const running = await listen(app, options.port);
  return {
    ...running,
    name: definition.name,
    close: async () => {
      await running.close();
      await server.stop();
    },
  };
}
