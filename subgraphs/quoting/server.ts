import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { CpqAdapter, CpqCommands, CpqRequestLoaders } from '../../adapters/cpq';
import type { PrmAdapter, PrmRequestLoaders } from '../../adapters/prm';
import type { Viewer } from '../../runtime';
import { startSubgraph, type RunningSubgraph, type SubgraphHostOptions } from '../host';
import { resolvers } from './resolvers';

/**
 * The quoting subgraph: quotes, lines, products and price books from the CPQ; contributes
 * Partner.quotes, Partner.customers and Partner.catalog. It reads the partner's tier, region and
 * certifications from the PRM through the shared PRM adapter, since its writes depend on them.
 */
export interface QuotingContext {
  viewer: Viewer;
  cpq: CpqRequestLoaders;
  cpqCommands: CpqCommands;
  prm: PrmRequestLoaders;
  lineQuantity: QuantityBounds;
}

/** The quantities a quote line may have, inclusive. */
export interface QuantityBounds {
  min: number;
  max: number;
}

/** The adapters are the process's one per system (see scripts/stack.ts), closed by whoever built them. */
export interface QuotingSubgraphConfig {
  port: number;
  identitySecret: string;
  cpq: CpqAdapter;
  prm: PrmAdapter;
  lineQuantity: QuantityBounds;
  /** The reference-data caches of its adapters, for /healthz. */
  caches?: SubgraphHostOptions['caches'];
  /** Served at /metrics when the subgraph has a process of its own. */
  metrics?: SubgraphHostOptions['metrics'];
}

const typeDefs = parse(readFileSync(path.join(__dirname, '../../schema/quoting.graphql'), 'utf8'));

export function startQuotingSubgraph(config: QuotingSubgraphConfig): Promise<RunningSubgraph> {
  const { cpq, prm } = config;
  return startSubgraph<QuotingContext>(
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
    },
    {
      port: config.port,
      identitySecret: config.identitySecret,
      caches: config.caches,
      metrics: config.metrics,
    },
  );
}
