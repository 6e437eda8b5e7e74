import type {
  Accrual,
  CommissionEstimate,
  Freshness,
  IncentiveProgram,
  Page,
  QuarterSummary,
} from '../../domain';

/** What the incentives resolvers hand each other; codegen maps the schema's types to these. */

/**
 * A quote as the gateway hands it to this subgraph: its key, plus, for `incentiveEstimate`, the
 * quoting subgraph's fields named in `@requires` (see commission.ts, which validates them).
 */
export interface QuoteModel {
  id: string;
  [required: string]: unknown;
}

/** A product known by its key only; the quoting subgraph serves the rest. */
export interface ProductKey {
  sku: string;
}

export interface IncentiveProgramModel {
  program: IncentiveProgram;
  freshness: Freshness;
}

export interface IncentiveEstimateModel {
  estimate: CommissionEstimate;
  /** Of the program rules the estimate was computed with. */
  freshness: Freshness;
}

export type AccrualConnectionPage = Page<Accrual>;

/** One partner's quarter; the numbers are computed once, on first use, for all the fields asking. */
export interface PartnerIncentivesModel {
  partnerId: string;
  quarter: string;
  summary(): Promise<QuarterSummary>;
  accruals(): Promise<Accrual[]>;
}
