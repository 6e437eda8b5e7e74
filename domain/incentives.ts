import type DecimalJs from 'decimal.js';
import { Decimal, money, roundAmount, type Money } from './money';
import type { ProductFamily } from './partner-program';
import type { PartnerTier } from './types';

/**
 * Commission: what a partner earns on a deal under the incentive system's program rules. The
 * incentive system posts an accrual to its ledger only when its nightly batch runs; this module
 * computes the same amount beforehand, so a partner sees it before closing. "The same" means to
 * the cent, so the rules below are the system's documented ones, applied in its order:
 *
 * 1. Base. Each line earns its net total times the program's base rate for the line's product
 *    family at the partner's tier; base = round(sum of netTotal x rate / 100).
 * 2. SPIFF. A line whose product has a SPIFF whose window (inclusive) holds the close date earns
 *    netTotal x SPIFF rate / 100 on top; several matching SPIFFs do not stack, the highest rate
 *    applies; spiff = round(sum over such lines).
 * 3. Accelerator. threshold = quarterly quota x attainment percent / 100. The part of the deal above
 *    the threshold, counting what the partner booked in the same calendar quarter before it, earns
 *    the base again times (multiplier - 1), on the exact (unrounded) base:
 *    accelerator = round(exactBase x aboveThreshold / dealAmount x (multiplier - 1)).
 * 4. Cap. When base + spiff + accelerator (each rounded) exceeds the program's per-deal cap in the
 *    deal's currency, capAdjustment = cap - that sum, so the total is the cap.
 *
 * Rounding is domain/money.ts's: exact intermediate arithmetic, each component rounded once to
 * 2 places half up, the total the sum of the rounded components.
 *
 * "Booked before in the quarter" is the sum of the deal amounts of the partner's deals of the same
 * quarter that the ledger holds when the deal is posted and that close before it (same close date:
 * lower quote id first). The batch posts in that order, so a deal not yet posted counts every
 * posted accrual closing before it plus every pending transaction closing before it.
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

const HUNDRED = new Decimal(100);

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
 * Whether the nightly batch will post a pending transaction rather than reject it, as far as it can
 * be told without its product catalog: the partner's currency, a program covering its close date,
 * and no accrual for the quote yet.
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
  /** Transactions waiting for the batch (any partner's; others are ignored). */
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

function percent(value: DecimalJs.Value): string {
  return new Decimal(value).toFixed(2);
}

function describeBase(program: IncentiveProgram, tier: PartnerTier, rates: Map<ProductFamily, DecimalJs>) {
  const parts = [...rates].map(([family, rate]) => `${family} ${percent(rate)}%`).join(', ');
  return `Base rate of ${program.name} at tier ${tier}: ${parts} of the line net totals`;
}

class Ineligible extends Error {}

/**
 * The commission on a deal, or the reason the incentive system would refuse it. `bookedBefore` is
 * the quarter's deal amount ahead of it (see bookedBeforeInQuarter).
 */
export function calculateCommission(
  programs: readonly IncentiveProgram[],
  deal: Deal,
  partner: CommissionPartner,
  bookedBefore: DecimalJs.Value,
): CommissionEstimate {
  const dealAmount = deal.lines.reduce((sum, line) => sum.plus(line.netTotal), new Decimal(0));
  const program = programCovering(programs, deal.closeDate);
  const quarterlyQuota = quarterlyQuotaOf(partner);
  const estimate = {
    program,
    closeDate: deal.closeDate,
    quarter: quarterOf(deal.closeDate),
    dealAmount: money(dealAmount, deal.currency),
    quarterlyQuota,
    bookedBeforeInQuarter: money(bookedBefore, partner.currency),
  };
  const nothing = (reason: string): CommissionEstimate => ({
    ...estimate,
    components: [],
    total: money(0, deal.currency),
    ineligibleReason: reason,
  });
  if (deal.currency !== partner.currency) {
    return nothing(`the partner is paid in ${partner.currency}, the deal is in ${deal.currency}`);
  }
  if (!program) return nothing(`no incentive program covers the close date ${deal.closeDate}`);
  try {
    const components = applyRules(program, deal, partner, dealAmount, new Decimal(bookedBefore));
    const total = components.reduce((sum, component) => sum.plus(component.amount.amount), new Decimal(0));
    return { ...estimate, components, total: money(total, deal.currency), ineligibleReason: null };
  } catch (error) {
    if (error instanceof Ineligible) return nothing(error.message);
    throw error;
  }
}

function applyRules(
  program: IncentiveProgram,
  deal: Deal,
  partner: CommissionPartner,
  dealAmount: DecimalJs,
  bookedBefore: DecimalJs,
): IncentiveComponent[] {
  const cap = program.dealCaps.find((dealCap) => dealCap.currency === deal.currency);
  if (!cap) throw new Ineligible(`${program.name} has no deal cap in ${deal.currency}`);

  const baseRates = new Map<ProductFamily, DecimalJs>();
  const spiffsApplied = new Map<string, Spiff>();
  let exactBase = new Decimal(0);
  let exactSpiff = new Decimal(0);
  for (const line of deal.lines) {
    const rate = program.baseRates.find(
      (baseRate) => baseRate.productFamily === line.family && baseRate.partnerTier === partner.tier,
    );
    if (!rate) throw new Ineligible(`${program.name} has no base rate for ${line.family} at ${partner.tier}`);
    baseRates.set(line.family, new Decimal(rate.ratePercent));
    exactBase = exactBase.plus(new Decimal(line.netTotal).times(rate.ratePercent));
    const spiff = program.spiffs
      .filter((s) => s.sku === line.sku && s.startDate <= deal.closeDate && deal.closeDate <= s.endDate)
      .reduce<Spiff | undefined>(
        (best, s) => (best && new Decimal(best.ratePercent).gte(s.ratePercent) ? best : s),
        undefined,
      );
    if (spiff) {
      spiffsApplied.set(spiff.id, spiff);
      exactSpiff = exactSpiff.plus(new Decimal(line.netTotal).times(spiff.ratePercent));
    }
  }
  exactBase = exactBase.div(HUNDRED);
  exactSpiff = exactSpiff.div(HUNDRED);

  const { quotaAttainmentPercent, multiplier } = program.accelerator;
  const threshold = new Decimal(quarterlyQuotaOf(partner).amount).times(quotaAttainmentPercent).div(HUNDRED);
  const aboveThreshold = Decimal.max(
    0,
    bookedBefore.plus(dealAmount).minus(Decimal.max(bookedBefore, threshold)),
  );
  const exactAccelerator = dealAmount.isZero()
    ? new Decimal(0)
    : exactBase.times(aboveThreshold).div(dealAmount).times(new Decimal(multiplier).minus(1));

  const base = new Decimal(roundAmount(exactBase));
  const spiff = new Decimal(roundAmount(exactSpiff));
  const accelerator = new Decimal(roundAmount(exactAccelerator));
  const uncapped = base.plus(spiff).plus(accelerator);
  const capAmount = new Decimal(cap.amount);
  const { currency } = deal;

  const components: IncentiveComponent[] = [
    {
      kind: 'BASE',
      description: describeBase(program, partner.tier, baseRates),
      amount: money(base, currency),
    },
  ];
  if (!spiff.isZero()) {
    const names = [...spiffsApplied.values()].map((s) => `${s.name} (${s.sku}, ${percent(s.ratePercent)}%)`);
    components.push({
      kind: 'SPIFF',
      description: `SPIFF: ${names.join(', ')}`,
      amount: money(spiff, currency),
    });
  }
  if (!accelerator.isZero()) {
    components.push({
      kind: 'ACCELERATOR',
      description:
        `Accelerator x${multiplier} on the base for the ${roundAmount(aboveThreshold)} ${currency} of this deal ` +
        `above ${quotaAttainmentPercent}% of the quarterly quota`,
      amount: money(accelerator, currency),
    });
  }
  if (uncapped.greaterThan(capAmount)) {
    components.push({
      kind: 'CAP',
      description: `Per-deal cap of ${roundAmount(capAmount)} ${currency}`,
      amount: money(capAmount.minus(uncapped), currency),
    });
  }
  return components;
}

export interface DealEstimateInput {
  deal: Deal;
  partner: CommissionPartner;
  programs: readonly IncentiveProgram[];
  ledger: readonly Accrual[];
  pending: readonly IncentiveTransaction[];
}

/** The commission the ledger will post for a deal, given the ledger and the batch queue as they are. */
export function estimateDeal(input: DealEstimateInput): CommissionEstimate {
  const bookedBefore = bookedBeforeInQuarter(input);
  return calculateCommission(input.programs, input.deal, input.partner, bookedBefore);
}

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
