export { startPartnersSubgraph, type PartnersSubgraphConfig } from './partners';
export { startQuotingSubgraph, type QuotingSubgraphConfig } from './quoting';
export type { RunningSubgraph } from './host';
