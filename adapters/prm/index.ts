export { createPrmAdapter, type PrmAdapter, type PrmConfig, type PrmRequestLoaders } from './client';
export { toPartner } from './mappers';
