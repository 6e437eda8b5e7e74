export { startIncentivesSubgraph, type IncentivesContext, type IncentivesSubgraphConfig } from './server';
