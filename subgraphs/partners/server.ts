import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createCpqAdapter, type CpqConfig } from '../../adapters/cpq';
import { createPrmAdapter, type PrmConfig } from '../../adapters/prm';
import { startSubgraph, type RunningSubgraph } from '../host';
import type { PartnersContext } from './context';
import { resolvers } from './resolvers';

/**
 * The partners subgraph: Partner and its PRM data. It reads the partner's customers from the CPQ,
 * which owns them, since a deal registration must name one of them.
 */
export interface PartnersSubgraphConfig {
  port: number;
  identitySecret: string;
  prm: PrmConfig;
  cpq: CpqConfig;
}

const typeDefs = parse(readFileSync(path.join(__dirname, '../../schema/partners.graphql'), 'utf8'));

export async function startPartnersSubgraph(config: PartnersSubgraphConfig): Promise<RunningSubgraph> {
  const prm = createPrmAdapter(config.prm);
  const cpq = createCpqAdapter(config.cpq);
  const running = await startSubgraph<PartnersContext>(
    {
      name: 'partners',
      typeDefs,
      resolvers,
      createContext: (viewer, call) => ({
        viewer,
        prm: prm.createLoaders(call),
        prmCommands: prm.createCommands(call),
        cpq: cpq.createLoaders(call),
        usage: call.usage,
      }),
      legacyHealth: () => ({ prm: prm.http.breakerStates(), cpq: cpq.http.breakerStates() }),
      legacyAllowance: () => [prm.http.allowance(), cpq.http.allowance()],
    },
    { port: config.port, identitySecret: config.identitySecret, caches: [config.prm.cache] },
  );
  return {
    ...running,
    close: async () => {
      await running.close();
      prm.http.close();
      cpq.http.close();
    },
  };
}
