export { startPartnersSubgraph, type PartnersSubgraphConfig } from './server';
export type { PartnersContext } from './context';
