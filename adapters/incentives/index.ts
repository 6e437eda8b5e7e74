export {
  ALL_PROGRAMS,
  classifyIncentivesAnswer,
  createIncentivesAdapter,
  DEFAULT_PENDING_TTL_MS,
  DEFAULT_PROGRAM_CACHE,
  parseIncentivesXml,
  type IncentivesAdapter,
  type IncentivesConfig,
  type IncentivesRequestLoaders,
  type PendingQueue,
} from './client';
export { toAccrual, toIncentiveProgram, toIncentiveTransaction, toProgramRecord } from './mappers';
