/**
 * Commission, split by job, contract first: the shapes (types), where a deal stands in the
 * ledger (ledger), the rules that price one deal (rules), the nightly batch simulated and the
 * estimate of a deal behind it (batch), and a partner's quarter (quarter).
 */
export * from './types';
export * from './ledger';
export * from './rules';
export * from './batch';
export * from './quarter';
