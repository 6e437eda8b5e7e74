import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import {
  createPrmAdapter,
  type PrmCommands,
  type PrmConfig,
  type PrmRequestLoaders,
} from '../../adapters/prm';
import type { Viewer } from '../../runtime';
import { startSubgraph, type RunningSubgraph } from '../host';
import { resolvers } from './resolvers';

/** The partners subgraph: Partner and its PRM data. */
export interface PartnersContext {
  viewer: Viewer;
  prm: PrmRequestLoaders;
  prmCommands: PrmCommands;
}

export interface PartnersSubgraphConfig {
  port: number;
  identitySecret: string;
  prm: PrmConfig;
}

const typeDefs = parse(readFileSync(path.join(__dirname, '../../schema/partners.graphql'), 'utf8'));

export async function startPartnersSubgraph(config: PartnersSubgraphConfig): Promise<RunningSubgraph> {
  const prm = createPrmAdapter(config.prm);
  const running = await startSubgraph<PartnersContext>(
    {
      name: 'partners',
      typeDefs,
      resolvers,
      createContext: (viewer, call) => ({
        viewer,
        prm: prm.createLoaders(call),
        prmCommands: prm.createCommands(call),
      }),
      legacyHealth: () => ({ prm: prm.http.breakerStates() }),
    },
    { port: config.port, identitySecret: config.identitySecret, caches: [config.prm.cache] },
  );
  return {
    ...running,
    close: async () => {
      await running.close();
      prm.http.close();
    },
  };
}
