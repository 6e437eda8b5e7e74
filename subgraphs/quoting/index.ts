export { startQuotingSubgraph, type QuotingSubgraphConfig } from './server';
export type { QuotingContext } from './context';
