export { startBillingSubgraph, type BillingSubgraphConfig } from './server';
export type { BillingContext } from './context';
