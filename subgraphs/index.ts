export { startPartnersSubgraph, type PartnersSubgraphConfig } from './partners';
export { startQuotingSubgraph, type QuotingSubgraphConfig } from './quoting';
export { startBillingSubgraph, type BillingSubgraphConfig } from './billing';
export { startIncentivesSubgraph, type IncentivesSubgraphConfig } from './incentives';
export type { RunningSubgraph } from './host';
