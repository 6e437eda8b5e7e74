import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { CpqAdapter } from '../../adapters/cpq';
import type { IncentivesAdapter } from '../../adapters/incentives';
import type { PrmAdapter } from '../../adapters/prm';
import { businessDay } from '../../domain';
import { startSubgraph, type RunningSubgraph, type SubgraphHostOptions } from '../host';
import type { IncentivesContext } from './context';
import { resolvers } from './resolvers';

/**
 * The incentives subgraph: commission programs, the ledger, and what a quote will earn
 * (Quote.incentiveEstimate) and a partner has earned (Partner.incentives). Partner tiers and quotas
 * come from the PRM; the families of products in the incentive system's batch queue from the CPQ catalog.
 */
/** The adapters are the process's one per system (see scripts/stack.ts), closed by whoever built them. */
export interface IncentivesSubgraphConfig {
  port: number;
  identitySecret: string;
  incentives: IncentivesAdapter;
  prm: PrmAdapter;
  cpq: CpqAdapter;
  /** The reference-data caches of its adapters, for /healthz. */
  caches?: SubgraphHostOptions['caches'];
  /** Served at /metrics when the subgraph has a process of its own. */
  metrics?: SubgraphHostOptions['metrics'];
}

const typeDefs = parse(readFileSync(path.join(__dirname, '../../schema/incentives.graphql'), 'utf8'));

export function startIncentivesSubgraph(config: IncentivesSubgraphConfig): Promise<RunningSubgraph> {
  const { incentives, prm, cpq } = config;
  return startSubgraph<IncentivesContext>(
    {
      name: 'incentives',
      typeDefs,
      resolvers,
      createContext: (viewer, call) => ({
        viewer,
        incentives: incentives.createLoaders(call),
        prm: prm.createLoaders(call),
        cpq: cpq.createLoaders(call),
        today: businessDay(),
      }),
      legacyHealth: () => ({
        incentives: incentives.http.breakerStates(),
        prm: prm.http.breakerStates(),
        cpq: cpq.http.breakerStates(),
      }),
      legacyAllowance: () => [incentives.http.allowance(), prm.http.allowance(), cpq.http.allowance()],
    },
    {
      port: config.port,
      identitySecret: config.identitySecret,
      caches: config.caches,
      metrics: config.metrics,
    },
  );
}
