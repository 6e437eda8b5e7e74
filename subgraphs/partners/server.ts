import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { CpqAdapter } from '../../adapters/cpq';
import type { PrmAdapter } from '../../adapters/prm';
import { startSubgraph, type RunningSubgraph, type SubgraphHostOptions } from '../host';
import type { PartnersContext } from './context';
import { resolvers } from './resolvers';

/**
 * The partners subgraph: Partner and its PRM data. It reads the partner's customers from the CPQ,
 * which owns them, since a deal registration must name one of them.
 */
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
        usage: call.usage,
      }),
      legacyHealth: () => ({ prm: prm.http.breakerStates(), cpq: cpq.http.breakerStates() }),
      legacyAllowance: () => [prm.http.allowance(), cpq.http.allowance()],
    },
    {
      port: config.port,
      identitySecret: config.identitySecret,
      caches: config.caches,
      metrics: config.metrics,
    },
  );
}
