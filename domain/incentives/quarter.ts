import type DecimalJs from 'decimal.js';
import { Decimal, money, roundAmount, type Money } from '../money';
import type { ProductFamily } from '../partner-program';
import { closesBefore, isPostable, quarterOf, quarterlyQuotaOf } from './ledger';
import { estimateDeal } from './rules';
import type { Accrual, CommissionPartner, DealLine, IncentiveProgram, IncentiveTransaction } from './types';

/**
 * A partner's quarter as the next batch will leave it: the posted accruals plus the pending
 * transactions run through the rules in batch order. Kept apart from the rules because it
 * simulates the batch (order, rejections) rather than pricing one deal.
 */

const HUNDRED = new Decimal(100);

export interface QuarterSummaryInput {
  partnerId: string;
  quarter: string;
  partner: CommissionPartner;
  programs: readonly IncentiveProgram[];
  ledger: readonly Accrual[];
  pending: readonly IncentiveTransaction[];
  /** Product families by SKU, for the pending transactions' lines (they carry SKUs only). */
  familyOf(sku: string): ProductFamily | undefined;
}

export interface QuarterSummary {
  /** The quarter's posted accruals, in posting order. */
  accruals: Accrual[];
  earned: Money;
  /** The commission the next batch will post for the quarter's pending transactions. */
  pending: Money;
  projected: Money;
  /** Deal amounts of the quarter, posted and pending. */
  booked: Money;
  quarterlyQuota: Money;
  /** booked / quarterlyQuota x 100, 2 places. */
  quotaAttainmentPercent: string;
}

function sumOf(amounts: Money[]): DecimalJs {
  return amounts.reduce((sum, amount) => sum.plus(amount.amount), new Decimal(0));
}

/**
 * A partner's quarter: what the ledger posted, and what the next batch will post for the pending
 * transactions, each estimated in batch order so that each counts the ones ahead of it. A pending
 * transaction the batch would reject (unknown product, no program ...) counts for nothing.
 */
export function summarizeQuarter(input: QuarterSummaryInput): QuarterSummary {
  const { partner, quarter } = input;
  const currency = partner.currency;
  const accruals = input.ledger.filter((accrual) => accrual.quarter === quarter);
  const queue = input.pending
    .filter(
      (transaction) =>
        transaction.partnerId === input.partnerId &&
        quarterOf(transaction.closeDate) === quarter &&
        isPostable(transaction, partner, input.programs, input.ledger),
    )
    .sort((a, b) => (closesBefore(a, b) ? -1 : closesBefore(b, a) ? 1 : 0));

  let pendingCommission = new Decimal(0);
  let pendingBooked = new Decimal(0);
  const postedAhead: IncentiveTransaction[] = [];
  for (const transaction of queue) {
    const lines = transaction.lines.map((line) => ({
      sku: line.sku,
      family: input.familyOf(line.sku),
      netTotal: line.netTotal.amount,
    }));
    const known = lines.filter((line): line is DealLine => line.family !== undefined);
    // The batch rejects a deal with a product it does not know.
    if (known.length !== lines.length) continue;
    const estimate = estimateDeal({
      deal: { ...transaction, lines: known },
      partner,
      programs: input.programs,
      ledger: input.ledger,
      pending: postedAhead,
    });
    if (estimate.ineligibleReason !== null) continue;
    pendingCommission = pendingCommission.plus(estimate.total.amount);
    pendingBooked = pendingBooked.plus(estimate.dealAmount.amount);
    postedAhead.push(transaction);
  }

  const earned = sumOf(accruals.map((accrual) => accrual.amount));
  const booked = sumOf(accruals.map((accrual) => accrual.dealAmount)).plus(pendingBooked);
  const quarterlyQuota = quarterlyQuotaOf(partner);
  const quota = new Decimal(quarterlyQuota.amount);
  return {
    accruals,
    earned: money(earned, currency),
    pending: money(pendingCommission, currency),
    projected: money(earned.plus(pendingCommission), currency),
    booked: money(booked, currency),
    quarterlyQuota,
    quotaAttainmentPercent: quota.isZero() ? '0.00' : roundAmount(booked.div(quota).times(HUNDRED)),
  };
}
