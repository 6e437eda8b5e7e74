import Decimal from 'decimal.js';

/**
 * The commission calculation of the incentive system: one pure function from a program and a deal
 * to an accrual's amounts. The nightly batch posts what this returns, and an estimate computed
 * anywhere else must follow it to the cent, so every rule is stated here once.
 *
 * Rounding: the graph's rule (domain/money.ts): exact arithmetic with 40 significant digits, and
 * each amount shown rounded to 2 places, half away from zero (ROUND_HALF_UP). Each component below
 * is rounded once, from exact inputs; the total is the sum of the rounded components.
 *
 * Rules, applied in this order to a deal (an accepted quote's lines, in the quote's currency):
 *
 * 1. Base. Each line earns its net total times the program's base rate for the line's product
 *    family and the partner's tier. base = round(sum of netTotal x rate / 100).
 * 2. SPIFF. A line whose product has a SPIFF whose window contains the deal's close date
 *    (start and end inclusive) earns netTotal x SPIFF rate / 100 on top. SPIFFs do not stack: when
 *    several match one line, the highest rate applies. spiff = round(sum over such lines).
 * 3. Accelerator. The partner's quarterly quota times the accelerator's attainment percent is the
 *    threshold. The part of this deal that lies above the threshold, counting the deal amounts
 *    already booked in the same calendar quarter before it (`bookedBeforeInQuarter`), earns the base
 *    again times (multiplier - 1): accelerator = round(exactBase x aboveThreshold / dealAmount x
 *    (multiplier - 1)). The accelerator applies to the base only, never to SPIFFs.
 * 4. Cap. A deal earns at most the program's per-deal cap in its currency: when
 *    base + spiff + accelerator exceeds it, capAdjustment = cap - that sum (negative) and the amount
 *    is the cap; otherwise capAdjustment is 0.00.
 *
 * amount = base + spiff + accelerator + capAdjustment, never negative.
 */

export type ProductFamily = 'Network' | 'Security' | 'Cloud' | 'Support';
export type IncentiveTier = 'Registered' | 'Silver' | 'Gold' | 'Platinum';

export interface BaseRate {
  productFamily: ProductFamily;
  partnerTier: IncentiveTier;
  ratePercent: string;
}

export interface Spiff {
  id: string;
  name: string;
  productCode: string;
  /** Inclusive ISO dates. */
  startDate: string;
  endDate: string;
  ratePercent: string;
}

export interface IncentiveProgram {
  id: string;
  name: string;
  status: 'Active' | 'Closed';
  /** Deals closing within these inclusive ISO dates fall under the program. */
  startDate: string;
  endDate: string;
  baseRates: BaseRate[];
  spiffs: Spiff[];
  accelerator: { quotaAttainmentPercent: string; multiplier: string };
  dealCaps: Array<{ currency: string; amount: string }>;
}

export interface DealLine {
  productCode: string;
  productFamily: ProductFamily;
  /** The line's net total in the deal currency, a decimal string. */
  netTotal: string;
}

export interface Deal {
  partnerTier: IncentiveTier;
  /** ISO date the deal closed (the quote was accepted). */
  closeDate: string;
  currency: string;
  /** The partner's quota for one quarter, in the deal currency. */
  quarterlyQuota: string;
  /** Deal amounts already booked for the partner this quarter, before this deal. */
  bookedBeforeInQuarter: string;
  lines: DealLine[];
}

export interface CommissionBreakdown {
  dealAmount: string;
  baseAmount: string;
  spiffAmount: string;
  acceleratorAmount: string;
  capAdjustment: string;
  amount: string;
}

export class RuleError extends Error {}

const RulesDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Amount = InstanceType<typeof RulesDecimal>;
const HUNDRED = new RulesDecimal(100);

function rounded(value: Amount): Amount {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

function shown(value: Amount): string {
  return rounded(value).toFixed(2);
}

/** `2026-Q3` for any date in July to September 2026. */
export function quarterOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** The program a deal closing on `closeDate` falls under: the first whose window contains the date. */
export function programFor(programs: IncentiveProgram[], closeDate: string): IncentiveProgram | undefined {
  return programs.find((program) => program.startDate <= closeDate && closeDate <= program.endDate);
}

function baseRateOf(program: IncentiveProgram, family: ProductFamily, tier: IncentiveTier): Amount {
  const rate = program.baseRates.find((r) => r.productFamily === family && r.partnerTier === tier);
  if (!rate) throw new RuleError(`program ${program.id} has no base rate for ${family} at tier ${tier}`);
  return new RulesDecimal(rate.ratePercent);
}

function spiffRateOf(program: IncentiveProgram, productCode: string, closeDate: string): Amount {
  return program.spiffs
    .filter((s) => s.productCode === productCode && s.startDate <= closeDate && closeDate <= s.endDate)
    .reduce((highest, s) => RulesDecimal.max(highest, s.ratePercent), new RulesDecimal(0));
}

export function calculateCommission(program: IncentiveProgram, deal: Deal): CommissionBreakdown {
  const cap = program.dealCaps.find((c) => c.currency === deal.currency);
  if (!cap) throw new RuleError(`program ${program.id} has no deal cap in ${deal.currency}`);

  let dealAmount = new RulesDecimal(0);
  let exactBase = new RulesDecimal(0);
  let exactSpiff = new RulesDecimal(0);
  for (const line of deal.lines) {
    const netTotal = new RulesDecimal(line.netTotal);
    dealAmount = dealAmount.plus(netTotal);
    exactBase = exactBase.plus(netTotal.times(baseRateOf(program, line.productFamily, deal.partnerTier)));
    exactSpiff = exactSpiff.plus(netTotal.times(spiffRateOf(program, line.productCode, deal.closeDate)));
  }
  exactBase = exactBase.div(HUNDRED);
  exactSpiff = exactSpiff.div(HUNDRED);

  const threshold = new RulesDecimal(deal.quarterlyQuota)
    .times(program.accelerator.quotaAttainmentPercent)
    .div(HUNDRED);
  const bookedBefore = new RulesDecimal(deal.bookedBeforeInQuarter);
  const aboveThreshold = RulesDecimal.max(
    0,
    bookedBefore.plus(dealAmount).minus(RulesDecimal.max(bookedBefore, threshold)),
  );
  const exactAccelerator = dealAmount.isZero()
    ? new RulesDecimal(0)
    : exactBase
        .times(aboveThreshold)
        .div(dealAmount)
        .times(new RulesDecimal(program.accelerator.multiplier).minus(1));

  const base = rounded(exactBase);
  const spiff = rounded(exactSpiff);
  const accelerator = rounded(exactAccelerator);
  const uncapped = base.plus(spiff).plus(accelerator);
  const capAmount = new RulesDecimal(cap.amount);
  const capAdjustment = uncapped.greaterThan(capAmount) ? capAmount.minus(uncapped) : new RulesDecimal(0);
  return {
    dealAmount: shown(dealAmount),
    baseAmount: shown(base),
    spiffAmount: shown(spiff),
    acceleratorAmount: shown(accelerator),
    capAdjustment: shown(capAdjustment),
    amount: shown(uncapped.plus(capAdjustment)),
  };
}
