import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createCpqAdapter, type CpqConfig, type CpqRequestLoaders } from '../../adapters/cpq';
import type { Viewer } from '../../runtime';
import { startSubgraph, type RunningSubgraph } from '../host';
import { resolvers } from './resolvers';

/** The quoting subgraph: quotes, lines and products from the CPQ; contributes Partner.quotes. */
export interface QuotingContext {
  viewer: Viewer;
  cpq: CpqRequestLoaders;
}

export interface QuotingSubgraphConfig {
  port: number;
  identitySecret: string;
  cpq: CpqConfig;
}

const typeDefs = parse(readFileSync(path.join(__dirname, '../../schema/quoting.graphql'), 'utf8'));

export async function startQuotingSubgraph(config: QuotingSubgraphConfig): Promise<RunningSubgraph> {
  const cpq = createCpqAdapter(config.cpq);
  const running = await startSubgraph<QuotingContext>(
    {
      name: 'quoting',
      typeDefs,
      resolvers,
      createContext: (viewer, call) => ({ viewer, cpq: cpq.createLoaders(call) }),
      legacyHealth: () => ({ cpq: cpq.http.breakerStates() }),
    },
    { port: config.port, identitySecret: config.identitySecret },
  );
  return {
    ...running,
    close: async () => {
      await running.close();
      cpq.http.close();
    },
  };
}
