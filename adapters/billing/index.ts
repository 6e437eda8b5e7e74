export {
  createBillingAdapter,
  type BillingAdapter,
  type BillingConfig,
  type BillingRequestLoaders,
} from './client';
export {
  codeForRejection,
  toBillingAccount,
  toInvoice,
  toPayout,
  toSubscription,
  type RejectionCode,
} from './mappers';
