import type { SeededRandom } from './random';

/**
 * Deliberate gaps between what a quote promised and what billing and incentives realized: finding
 * them is a product feature, so the seeded world has a few, and the dataset says which.
 *
 * DISCREPANCY_SHARE of the accepted quotes (rounded, at least one of each kind when there are three
 * or more accepted quotes already posted) carry one discrepancy, the kinds taken in turn:
 * - `invoice-amount-mismatch`: the invoice total differs from the quote's net amount (a line billed
 *   at list price without its discount, or one unit too many);
 * - `accrual-missing`: the accepted quote has no accrual in the ledger and none pending;
 * - `accrual-wrong-amount`: the accrual was computed under the previous year's program (should that
 *   ever give the same amount, the quote gets `accrual-missing` instead).
 * Only quotes the last batch run has already covered are picked, so a batch run never "fixes" one.
 */
export type DiscrepancyKind = 'invoice-amount-mismatch' | 'accrual-missing' | 'accrual-wrong-amount';

export interface Discrepancy {
  kind: DiscrepancyKind;
  system: 'billing' | 'incentives';
  quoteId: string;
  partnerId: string;
  currency: string;
  /** What the quote implies: its net amount (billing) or the rules' accrual amount (incentives). */
  expected: string;
  /** What the system holds: the invoice total or the accrual amount; null when nothing was recorded. */
  actual: string | null;
  /** The invoice or accrual id holding the wrong amount, when there is one. */
  recordId: string | null;
  detail: string;
}

export const DISCREPANCY_SHARE = 0.05;
const KINDS: DiscrepancyKind[] = ['invoice-amount-mismatch', 'accrual-missing', 'accrual-wrong-amount'];

export function planDiscrepancies(
  random: SeededRandom,
  acceptedCount: number,
  eligibleQuoteIds: string[],
): Map<string, DiscrepancyKind> {
  const wanted = Math.max(
    Math.round(acceptedCount * DISCREPANCY_SHARE),
    Math.min(KINDS.length, eligibleQuoteIds.length),
  );
  const picked = random.shuffle(eligibleQuoteIds).slice(0, wanted);
  return new Map(picked.map((quoteId, index) => [quoteId, KINDS[index % KINDS.length]!]));
}
