import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createBillingAdapter, type BillingConfig } from '../../adapters/billing';
import { startSubgraph, type RunningSubgraph } from '../host';
import type { BillingContext } from './context';
import { resolvers } from './resolvers';

/**
 * The billing subgraph: invoices, subscriptions and payouts from the billing system; contributes
 * Quote.subscription, Quote.invoices, Partner.invoices and Partner.payouts.
 */
export interface BillingSubgraphConfig {
  port: number;
  identitySecret: string;
  billing: BillingConfig;
}

const typeDefs = parse(readFileSync(path.join(__dirname, '../../schema/billing.graphql'), 'utf8'));

export async function startBillingSubgraph(config: BillingSubgraphConfig): Promise<RunningSubgraph> {
  const billing = createBillingAdapter(config.billing);
  const running = await startSubgraph<BillingContext>(
    {
      name: 'billing',
      typeDefs,
      resolvers,
      createContext: (viewer, call) => ({ viewer, billing: billing.createLoaders(call) }),
      legacyHealth: () => ({ billing: billing.http.breakerStates() }),
      legacyAllowance: () => [billing.http.allowance()],
    },
    { port: config.port, identitySecret: config.identitySecret },
  );
  return {
    ...running,
    close: async () => {
      await running.close();
      billing.http.close();
    },
  };
}
