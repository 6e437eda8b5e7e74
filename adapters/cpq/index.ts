export {
  classifyCpqAnswer,
  createCpqAdapter,
  DEFAULT_PRODUCT_CACHE,
  soqlString,
  type CpqAdapter,
  type CpqConfig,
  type CpqRequestLoaders,
} from './client';
export { toProduct, toProduct2Record, toQuote, toQuoteLine } from './mappers';
