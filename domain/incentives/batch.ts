import type { ProductFamily } from '../partner-program';
import { bookedBeforeInQuarter, closesBefore, isPostable, quarterOf } from './ledger';
import { calculateCommission } from './rules';
import type {
  Accrual,
  CommissionEstimate,
  CommissionPartner,
  Deal,
  DealLine,
  IncentiveProgram,
  IncentiveTransaction,
} from './types';

/**
 * The nightly batch, simulated: which pending transactions it will post and in what order. A deal's
 * accelerator counts the deals posted ahead of it, so an estimate must leave out exactly the
 * transactions the batch rejects; whether it rejects one is the rules' answer (a base rate for every
 * line's family at the tier, a cap in its currency), which needs the lines' product families.
 */

export interface BatchInput {
  partner: CommissionPartner;
  programs: readonly IncentiveProgram[];
  /** The partner's posted accruals. */
  ledger: readonly Accrual[];
  /** Transactions waiting for the batch (the partner's). */
  pending: readonly IncentiveTransaction[];
  /** Product families by SKU, for the pending transactions' lines (they carry SKUs only). */
  familyOf(sku: string): ProductFamily | undefined;
}

export interface BatchPosting {
  transaction: IncentiveTransaction;
  estimate: CommissionEstimate;
}

/**
 * What the next batch posts of `pending`, in its order (close date, then quote id), each priced
 * against the ledger as the postings ahead of it leave it. A transaction the batch would reject
 * (unknown product, no base rate for a family at the tier, no program or cap, its quote already
 * posted) is left out and so counts toward no later deal.
 */
export function nextBatch(input: BatchInput): BatchPosting[] {
  const { partner, programs, ledger } = input;
  const queue = input.pending
    .filter((transaction) => isPostable(transaction, partner, programs, ledger))
    .sort((a, b) => (closesBefore(a, b) ? -1 : closesBefore(b, a) ? 1 : 0));
  const postedAhead: IncentiveTransaction[] = [];
  const postings: BatchPosting[] = [];
  for (const transaction of queue) {
    // The ledger holds one accrual per quote: a second transaction for it is rejected.
    if (postedAhead.some((ahead) => ahead.quoteId === transaction.quoteId)) continue;
    const lines = transaction.lines.map((line) => ({
      sku: line.sku,
      family: input.familyOf(line.sku),
      netTotal: line.netTotal.amount,
    }));
    const known = lines.filter((line): line is DealLine => line.family !== undefined);
    if (known.length !== lines.length) continue;
    const deal: Deal = { ...transaction, lines: known };
    const bookedBefore = bookedBeforeInQuarter({ deal, partner, programs, ledger, pending: postedAhead });
    const estimate = calculateCommission(programs, deal, partner, bookedBefore);
    if (estimate.ineligibleReason !== null) continue;
    postedAhead.push(transaction);
    postings.push({ transaction, estimate });
  }
  return postings;
}

export interface DealEstimateInput extends BatchInput {
  deal: Deal;
}

/** The commission the ledger will post for a deal, given the ledger and the batch queue as they are. */
export function estimateDeal(input: DealEstimateInput): CommissionEstimate {
  const { deal } = input;
  const quarter = quarterOf(deal.closeDate);
  // Only deals closing before this one count toward its quota, and the batch posts in close order,
  // so the ones closing after it change nothing and are left out of the simulation.
  const ahead = input.ledger.some((accrual) => accrual.quoteId === deal.quoteId)
    ? []
    : nextBatch({
        ...input,
        pending: input.pending.filter(
          (transaction) =>
            transaction.partnerId === deal.partnerId &&
            transaction.quoteId !== deal.quoteId &&
            quarterOf(transaction.closeDate) === quarter &&
            closesBefore(transaction, deal),
        ),
      }).map((posting) => posting.transaction);
  const bookedBefore = bookedBeforeInQuarter({ ...input, pending: ahead });
  return calculateCommission(input.programs, deal, input.partner, bookedBefore);
}
