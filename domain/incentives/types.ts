import type { Money } from '../money';
import type { ProductFamily } from '../partner-program';
import type { PartnerTier } from '../types';

/**
 * The contract of commission: the incentive system's programs, ledger and batch queue as the graph
 * sees them, and what an estimate answers. Kept apart from the rules so that a reader (and the
 * adapter that maps the system's XML onto these) meets the shapes before the arithmetic.
 */

export interface BaseRate {
  productFamily: ProductFamily;
  partnerTier: PartnerTier;
  ratePercent: string;
}

/** A time-boxed bonus on one product ("sales performance incentive fund"). */
export interface Spiff {
  id: string;
  name: string;
  sku: string;
  /** Inclusive ISO dates. */
  startDate: string;
  endDate: string;
  ratePercent: string;
}

export interface IncentiveProgram {
  id: string;
  name: string;
  status: 'ACTIVE' | 'CLOSED';
  /** Deals closing within these inclusive ISO dates fall under the program. */
  startDate: string;
  endDate: string;
  baseRates: BaseRate[];
  spiffs: Spiff[];
  accelerator: { quotaAttainmentPercent: string; multiplier: string };
  /** The most one deal earns, per currency. */
  dealCaps: Money[];
}

/** A commission posted to the ledger by the nightly batch. Posted accruals never change. */
export interface Accrual {
  id: string;
  transactionId: string;
  partnerId: string;
  quoteId: string;
  programId: string;
  closeDate: string;
  quarter: string;
  partnerTier: PartnerTier;
  dealAmount: Money;
  baseAmount: Money;
  spiffAmount: Money;
  acceleratorAmount: Money;
  capAdjustment: Money;
  amount: Money;
  postedAt: string;
}

/** A partner's ledger as the incentive system last posted it. */
export interface PartnerAccruals {
  partnerId: string;
  accruals: Accrual[];
  /** When the nightly batch last ran; null when the system does not know the partner yet. */
  lastBatchRunAt: string | null;
}

export type IncentiveTransactionStatus = 'PENDING' | 'REJECTED';

/** An accepted deal fed to the incentive system, waiting for (or rejected by) the nightly batch. */
export interface IncentiveTransaction {
  id: string;
  status: IncentiveTransactionStatus;
  rejectionReason: string | null;
  partnerId: string;
  quoteId: string;
  closeDate: string;
  currency: string;
  receivedAt: string;
  lines: Array<{ lineId: string; sku: string; quantity: number; netTotal: Money }>;
}

export interface DealLine {
  sku: string;
  family: ProductFamily;
  /** The line's net total in the deal currency, a decimal string. */
  netTotal: string;
}

/** A deal as commission sees it: whose, when, in what currency, and its lines. */
export interface Deal {
  partnerId: string;
  quoteId: string;
  closeDate: string;
  currency: string;
  lines: DealLine[];
}

/** What commission needs to know about the partner, from the PRM. */
export interface CommissionPartner {
  tier: PartnerTier;
  /** The currency the partner is paid in; the incentive system refuses deals in any other. */
  currency: string;
  annualQuota: Money;
}

export type IncentiveComponentKind = 'BASE' | 'SPIFF' | 'ACCELERATOR' | 'CAP';

export interface IncentiveComponent {
  kind: IncentiveComponentKind;
  description: string;
  amount: Money;
}

export interface CommissionEstimate {
  /** The program whose rules apply; null when none covers the close date. */
  program: IncentiveProgram | null;
  closeDate: string;
  quarter: string;
  dealAmount: Money;
  quarterlyQuota: Money;
  bookedBeforeInQuarter: Money;
  /** One component per rule that pays (BASE always), in the order applied; they add up to total. */
  components: IncentiveComponent[];
  total: Money;
  /** Why the incentive system would refuse the deal, or null when it would pay it. */
  ineligibleReason: string | null;
}
