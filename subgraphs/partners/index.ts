export { startPartnersSubgraph, type PartnersContext, type PartnersSubgraphConfig } from './server';
