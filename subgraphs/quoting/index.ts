export { startQuotingSubgraph, type QuotingContext, type QuotingSubgraphConfig } from './server';
