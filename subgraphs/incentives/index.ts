export { startIncentivesSubgraph, type IncentivesSubgraphConfig } from './server';
export type { IncentivesContext } from './context';
