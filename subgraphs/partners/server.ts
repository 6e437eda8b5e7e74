import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { CpqAdapter, CpqRequestLoaders } from '../../adapters/cpq';
import type { PrmAdapter, PrmCommands, PrmRequestLoaders } from '../../adapters/prm';
import type { Viewer } from '../../runtime';
import { startSubgraph, type RunningSubgraph, type SubgraphHostOptions } from '../host';
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
}

/** The adapters are the process's one per system (see scripts/stack.ts), closed by whoever built them. */
export interface PartnersSubgraphConfig {
  port: number;
  identitySecret: string;
  prm: PrmAdapter;
  cpq: CpqAdapter;
  /** The reference-data caches of its adapters, for /healthz. */
  caches?: SubgraphHostOptions['caches'];
  /** Served at /metrics when the subgraph has a process of its own. */
  metrics?: SubgraphHostOptions['metrics'];
}

const typeDefs = parse(readFileSync(path.join(__dirname, '../../schema/partners.graphql'), 'utf8'));

export function startPartnersSubgraph(config: PartnersSubgraphConfig): Promise<RunningSubgraph> {
  const { prm, cpq } = config;
  return startSubgraph<PartnersContext>(
    {
      name: 'partners',
      typeDefs,
      resolvers,
      createContext: (viewer, call) => ({
        viewer,
        prm: prm.createLoaders(call),
        prmCommands: prm.createCommands(call),
        cpq: cpq.createLoaders(call),
      }),
      legacyHealth: () => ({ prm: prm.http.breakerStates(), cpq: cpq.http.breakerStates() }),
    },
    {
      port: config.port,
      identitySecret: config.identitySecret,
      caches: config.caches,
      metrics: config.metrics,
    },
  );
}
