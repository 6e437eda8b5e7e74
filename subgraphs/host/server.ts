import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express from 'express';
import { GraphQLError, type DocumentNode } from 'graphql';
import {
  DEADLINE_HEADER,
  IDENTITY_HEADER,
  listen,
  SCALARS,
  verifyIdentity,
  type KeyValueCache,
  type RunningServer,
  type Viewer,
} from '../../runtime';
import { formatSubgraphError } from './errors';

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
}

/** What the gateway says about the request's budget and identity, passed on to legacy calls. */
export interface RequestScope {
  /** Epoch ms; legacy calls and retries never run past it. */
  deadline?: number;
  requestId?: string;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

function requestScopeOf(
  deadlineHeader: string | undefined,
  requestIdHeader: string | undefined,
): RequestScope {
  const deadline = Number(deadlineHeader);
  return {
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
      resolvers: { ...SCALARS, ...definition.resolvers } as GraphQLResolverMap<unknown>,
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
      }),
  );
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
        return definition.createContext(
          identity.viewer,
          requestScopeOf(req.get(DEADLINE_HEADER), req.get('x-request-id')),
        );
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
