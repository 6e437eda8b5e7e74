import type DecimalJs from 'decimal.js';
import { Decimal, money, type Money } from '../money';
import type { Accrual, CommissionPartner, IncentiveProgram, IncentiveTransaction } from './types';

/**
 * Where a deal stands in the incentive system's ledger: its quarter, its program, and what the
 * ledger will hold ahead of it when the batch posts it. The accelerator rule needs that last sum,
 * and it depends on the batch's order, not on the rules, so it lives here.
 *
 * "Booked before in the quarter" is the sum of the deal amounts of the partner's deals of the same
 * quarter that the ledger holds when the deal is posted and that close before it (same close date:
 * lower quote id first). The batch posts in that order, so a deal not yet posted counts every
 * posted accrual closing before it plus every pending transaction closing before it.
 */

/** `2026-Q4` for any ISO date in October to December 2026. */
export function quarterOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-Q${Math.ceil(Number(isoDate.slice(5, 7)) / 3)}`;
}

/** The program a deal closing on `closeDate` falls under: the first, in the system's order, covering it. */
export function programCovering(
  programs: readonly IncentiveProgram[],
  closeDate: string,
): IncentiveProgram | null {
  return programs.find((program) => program.startDate <= closeDate && closeDate <= program.endDate) ?? null;
}

export function quarterlyQuotaOf(partner: CommissionPartner): Money {
  return money(new Decimal(partner.annualQuota.amount).div(4), partner.annualQuota.currency);
}

interface DealKey {
  closeDate: string;
  quoteId: string;
}

/** The ledger's order: by close date, then quote id. */
export function closesBefore(a: DealKey, b: DealKey): boolean {
  return a.closeDate < b.closeDate || (a.closeDate === b.closeDate && a.quoteId < b.quoteId);
}

function dealAmountOf(transaction: IncentiveTransaction): DecimalJs {
  return transaction.lines.reduce((sum, line) => sum.plus(line.netTotal.amount), new Decimal(0));
}

/**
 * Whether the nightly batch may post a pending transaction, as far as it can be told without the
 * product catalog or the rules: the partner's currency, a program covering its close date, and no
 * accrual for the quote yet. nextBatch (./batch.ts) applies the rest.
 */
export function isPostable(
  transaction: IncentiveTransaction,
  partner: CommissionPartner,
  programs: readonly IncentiveProgram[],
  ledger: readonly Accrual[],
): boolean {
  return (
    transaction.status === 'PENDING' &&
    transaction.currency === partner.currency &&
    programCovering(programs, transaction.closeDate) !== null &&
    !ledger.some((accrual) => accrual.quoteId === transaction.quoteId)
  );
}

export interface BookedBeforeInput {
  deal: DealKey & { partnerId: string };
  partner: CommissionPartner;
  programs: readonly IncentiveProgram[];
  /** Posted accruals (the partner's; others are ignored). */
  ledger: readonly Accrual[];
  /**
   * Transactions the batch posts ahead of the deal (nextBatch's answer: one it rejects must not
   * count); any partner's, others are ignored.
   */
  pending: readonly IncentiveTransaction[];
}

/**
 * Deal amounts the ledger will hold for the partner's quarter, closing before the deal, when the
 * deal is posted. A posted deal counts only what was posted before it (or in its batch, ahead of
 * it); a deal not yet posted also counts the pending transactions the batch will post ahead of it.
 */
export function bookedBeforeInQuarter(input: BookedBeforeInput): DecimalJs {
  const { deal, ledger } = input;
  const quarter = quarterOf(deal.closeDate);
  const own = ledger.find((accrual) => accrual.quoteId === deal.quoteId);
  const counted = (key: DealKey) => quarterOf(key.closeDate) === quarter && closesBefore(key, deal);
  const posted = ledger
    .filter(
      (accrual) =>
        accrual.partnerId === deal.partnerId &&
        counted(accrual) &&
        (!own || accrual.postedAt <= own.postedAt),
    )
    .reduce((sum, accrual) => sum.plus(accrual.dealAmount.amount), new Decimal(0));
  if (own) return posted;
  return input.pending
    .filter(
      (transaction) =>
        transaction.partnerId === deal.partnerId &&
        transaction.quoteId !== deal.quoteId &&
        counted(transaction) &&
        isPostable(transaction, input.partner, input.programs, ledger),
    )
    .reduce((sum, transaction) => sum.plus(dealAmountOf(transaction)), posted);
}
