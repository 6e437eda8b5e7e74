import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { CpqAdapter } from '../../adapters/cpq';
import type { PrmAdapter } from '../../adapters/prm';
import { startSubgraph, type RunningSubgraph, type SubgraphHostOptions } from '../host';
import type { QuotingContext, QuantityBounds } from './context';
import { resolvers } from './resolvers';

/**
 * The quoting subgraph: quotes, lines, products and price books from the CPQ; contributes
 * Partner.quotes, Partner.customers and Partner.catalog. It reads the partner's tier, region and
 * certifications from the PRM through the shared PRM adapter, since its writes depend on them.
 */
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
      legacyAllowance: () => [cpq.http.allowance(), prm.http.allowance()],
    },
    {
      port: config.port,
      identitySecret: config.identitySecret,
      caches: config.caches,
      metrics: config.metrics,
    },
  );
}
