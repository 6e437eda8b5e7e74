export {
  connectionOf,
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  pageOf,
  pageRequest,
  type PageRequest,
} from './connection';
export { badUserInput, formatSubgraphError } from './errors';
export { idempotencyKeyProblem, reusedKeyUserError, scopedIdempotencyKey } from './idempotency';
export {
  assertIdentifier,
  identifierProblem,
  identifierUserError,
  type IdentifierKind,
} from './input-validation';
export {
  startSubgraph,
  type RunningSubgraph,
  type SubgraphDefinition,
  type SubgraphHostOptions,
} from './server';
export {
  assertCanReadPartner,
  assertCanWrite,
  canReadEveryPartner,
  canReadPartner,
  canWrite,
  canWriteForPartner,
  forbiddenPartnerData,
} from './tenancy';
export { refusalAsUserError, userError, type UserError } from './user-errors';
