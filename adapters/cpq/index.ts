export {
  createCpqAdapter,
  soqlString,
  type CpqAdapter,
  type CpqConfig,
  type CpqRequestLoaders,
} from './client';
export { toProduct, toQuote, toQuoteLine } from './mappers';
