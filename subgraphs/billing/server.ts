import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { BillingAdapter } from '../../adapters/billing';
import { startSubgraph, type RunningSubgraph, type SubgraphHostOptions } from '../host';
import type { BillingContext } from './context';
import { resolvers } from './resolvers';

/**
 * The billing subgraph: invoices, subscriptions and payouts from the billing system; contributes
 * Quote.subscription, Quote.invoices, Partner.invoices and Partner.payouts.
 */
/** The adapter is the process's one for its system (see scripts/stack.ts), closed by whoever built it. */
export interface BillingSubgraphConfig {
  port: number;
  identitySecret: string;
  billing: BillingAdapter;
  /** Served at /metrics when the subgraph has a process of its own. */
  metrics?: SubgraphHostOptions['metrics'];
}

const typeDefs = parse(readFileSync(path.join(__dirname, '../../schema/billing.graphql'), 'utf8'));

export function startBillingSubgraph(config: BillingSubgraphConfig): Promise<RunningSubgraph> {
  const { billing } = config;
  return startSubgraph<BillingContext>(
    {
      name: 'billing',
      typeDefs,
      resolvers,
      createContext: (viewer, call) => ({ viewer, billing: billing.createLoaders(call) }),
      legacyHealth: () => ({ billing: billing.http.breakerStates() }),
      legacyAllowance: () => [billing.http.allowance()],
    },
    { port: config.port, identitySecret: config.identitySecret, metrics: config.metrics },
  );
}
