export {
  ALL_PROGRAMS,
  classifyIncentivesAnswer,
  createIncentivesAdapter,
  DEFAULT_PROGRAM_CACHE,
  parseIncentivesXml,
  type IncentivesAdapter,
  type IncentivesConfig,
  type IncentivesRequestLoaders,
} from './client';
export { toAccrual, toIncentiveProgram, toIncentiveTransaction, toProgramRecord } from './mappers';
