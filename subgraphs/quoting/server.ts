import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createCpqAdapter, type CpqConfig } from '../../adapters/cpq';
import { createPrmAdapter, type PrmConfig } from '../../adapters/prm';
import { startSubgraph, type RunningSubgraph } from '../host';
import type { QuotingContext, QuantityBounds } from './context';
import { resolvers } from './resolvers';

/**
 * The quoting subgraph: quotes, lines, products and price books from the CPQ; contributes
 * Partner.quotes, Partner.customers and Partner.catalog. It reads the partner's tier, region and
 * certifications from the PRM through the shared PRM adapter, since its writes depend on them.
 */
export interface QuotingSubgraphConfig {
  port: number;
  identitySecret: string;
  cpq: CpqConfig;
  prm: PrmConfig;
  lineQuantity: QuantityBounds;
}

const typeDefs = parse(readFileSync(path.join(__dirname, '../../schema/quoting.graphql'), 'utf8'));

export async function startQuotingSubgraph(config: QuotingSubgraphConfig): Promise<RunningSubgraph> {
  const cpq = createCpqAdapter(config.cpq);
  const prm = createPrmAdapter(config.prm);
  const running = await startSubgraph<QuotingContext>(
    {
      name: 'quoting',
      typeDefs,
      resolvers,
      createContext: (viewer, call) => ({
        viewer,
        cpq: cpq.createLoaders(call),
        cpqCommands: cpq.createCommands(call),
        prm: prm.createLoaders(call),
        lineQuantity: config.lineQuantity,
      }),
      legacyHealth: () => ({ cpq: cpq.http.breakerStates(), prm: prm.http.breakerStates() }),
      legacyAllowance: () => [cpq.http.allowance(), prm.http.allowance()],
    },
    {
      port: config.port,
      identitySecret: config.identitySecret,
      caches: [config.cpq.cache, config.prm.cache],
    },
  );
  return {
    ...running,
    close: async () => {
      await running.close();
      cpq.http.close();
      prm.http.close();
    },
  };
}
