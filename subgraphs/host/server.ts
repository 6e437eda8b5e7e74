import { ApolloServer, type ContextFunction } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express from 'express';
import type { DocumentNode } from 'graphql';
import { listen, type RunningServer } from '../../runtime';
import { formatSubgraphError } from './errors';

/**
 * How every subgraph is hosted: Apollo Server on express at `/graphql`, a fresh context (and so
 * fresh DataLoaders) per request, adapter errors formatted into coded GraphQL errors.
 */
export interface SubgraphDefinition<TContext extends object> {
  name: string;
  typeDefs: DocumentNode;
  /** The subgraph's generated `Resolvers` type, checked where it is written. */
  resolvers: object;
  createContext: ContextFunction<[ExpressContextFunctionArgument], TContext>;
}

export interface RunningSubgraph extends RunningServer {
  name: string;
}

export async function startSubgraph<TContext extends object>(
  definition: SubgraphDefinition<TContext>,
  port: number,
): Promise<RunningSubgraph> {
  const server = new ApolloServer<TContext>({
    schema: buildSubgraphSchema({
      typeDefs: definition.typeDefs,
      // Codegen's Resolvers type is stricter than Apollo's structural map and not assignable to it.
      resolvers: definition.resolvers as GraphQLResolverMap<unknown>,
    }),
    formatError: formatSubgraphError,
    includeStacktraceInErrorResponses: false,
    // Inline traces are only for Apollo's hosted usage reporting, which this project never sends to.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok', subgraph: definition.name }));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, { context: definition.createContext }),
  );
  const running = await listen(app, port);
  return {
    ...running,
    name: definition.name,
    close: async () => {
      await running.close();
      await server.stop();
    },
  };
}
