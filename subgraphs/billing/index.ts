export { startBillingSubgraph, type BillingContext, type BillingSubgraphConfig } from './server';
