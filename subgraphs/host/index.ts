export { connectionOf, decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageOf } from './connection';
export { badUserInput, formatSubgraphError } from './errors';
export { idempotencyKeyProblem, scopedIdempotencyKey } from './idempotency';
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
export { refusalAsUserError, userError, type UserError, type UserErrorCode } from './user-errors';
