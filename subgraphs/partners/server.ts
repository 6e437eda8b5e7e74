import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createCpqAdapter, type CpqConfig, type CpqRequestLoaders } from '../../adapters/cpq';
import {
  createPrmAdapter,
  type PrmCommands,
  type PrmConfig,
  type PrmRequestLoaders,
} from '../../adapters/prm';
import type { PartnerUsage, Viewer } from '../../runtime';
import { startSubgraph, type RunningSubgraph } from '../host';
import { resolvers } from './resolvers';

/**
 * The partners subgraph: Partner and its PRM data. It reads the partner's customers from the CPQ,
 * which owns them, since a deal registration must name one of them.
 */
export interface PartnersContext {
  viewer: Viewer;
  prm: PrmRequestLoaders;
  prmCommands: PrmCommands;
  cpq: Pick<CpqRequestLoaders, 'customerById'>;
  /** The viewer's partner's budget usage, as the gateway forwarded it. */
  usage?: PartnerUsage;
}

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
