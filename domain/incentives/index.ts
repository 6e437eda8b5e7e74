/**
 * Commission, split by job: the contract (types), where a deal stands in the ledger (ledger), the
 * rules that price one deal (rules), and the simulation of a partner's quarter (quarter).
 */
export * from './types';
export * from './ledger';
export * from './rules';
export * from './batch';
export * from './quarter';
