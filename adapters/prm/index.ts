export {
  createPrmAdapter,
  type PrmAdapter,
  type PrmCommands,
  type PrmConfig,
  type PrmRequestLoaders,
} from './client';
export { toCertification, toContact, toDealRegistration, toPartner } from './mappers';
