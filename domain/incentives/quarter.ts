import type DecimalJs from 'decimal.js';
import { Decimal, money, roundAmount, type Money } from '../money';
import { nextBatch, type BatchInput } from './batch';
import { quarterOf, quarterlyQuotaOf } from './ledger';
import type { Accrual } from './types';

/**
 * A partner's quarter as the next batch will leave it: the posted accruals plus what ./batch.ts
 * says the batch posts of the quarter's pending transactions.
 */

const HUNDRED = new Decimal(100);

export interface QuarterSummaryInput extends BatchInput {
  partnerId: string;
  quarter: string;
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
  const postings = nextBatch({
    ...input,
    pending: input.pending.filter(
      (transaction) =>
        transaction.partnerId === input.partnerId && quarterOf(transaction.closeDate) === quarter,
    ),
  });
  const pendingCommission = sumOf(postings.map((posting) => posting.estimate.total));
  const pendingBooked = sumOf(postings.map((posting) => posting.estimate.dealAmount));

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
