import type DecimalJs from 'decimal.js';
import { Decimal, money, roundAmount } from '../money';
import type { ProductFamily } from '../partner-program';
import type { PartnerTier } from '../types';
import { programCovering, quarterOf, quarterlyQuotaOf } from './ledger';
import type {
  CommissionEstimate,
  CommissionPartner,
  Deal,
  IncentiveComponent,
  IncentiveProgram,
  Spiff,
} from './types';

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
 * 2 places half up, the total the sum of the rounded components. What the ledger holds ahead of
 * the deal (the accelerator's input) is ./ledger.ts's job.
 */

const HUNDRED = new Decimal(100);

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
