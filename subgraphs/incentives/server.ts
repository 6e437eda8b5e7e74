import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createCpqAdapter, type CpqConfig } from '../../adapters/cpq';
import { createIncentivesAdapter, type IncentivesConfig } from '../../adapters/incentives';
import { createPrmAdapter, type PrmConfig } from '../../adapters/prm';
import { businessDay } from '../../domain';
import { startSubgraph, type RunningSubgraph } from '../host';
import type { IncentivesContext } from './context';
import { resolvers } from './resolvers';

/**
 * The incentives subgraph: commission programs, the ledger, and what a quote will earn
 * (Quote.incentiveEstimate) and a partner has earned (Partner.incentives). Partner tiers and quotas
 * come from the PRM; the families of products in the incentive system's batch queue from the CPQ catalog.
 */
export interface IncentivesSubgraphConfig {
  port: number;
  identitySecret: string;
  incentives: IncentivesConfig;
  prm: PrmConfig;
  cpq: CpqConfig;
}

const typeDefs = parse(readFileSync(path.join(__dirname, '../../schema/incentives.graphql'), 'utf8'));

export async function startIncentivesSubgraph(config: IncentivesSubgraphConfig): Promise<RunningSubgraph> {
  const incentives = createIncentivesAdapter(config.incentives);
  const prm = createPrmAdapter(config.prm);
  const cpq = createCpqAdapter(config.cpq);
  const running = await startSubgraph<IncentivesContext>(
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
      caches: [config.incentives.cache, config.prm.cache, config.cpq.cache],
    },
  );
  return {
    ...running,
    close: async () => {
      await running.close();
      [incentives, prm, cpq].forEach((adapter) => adapter.http.close());
    },
  };
}
