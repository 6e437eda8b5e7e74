import Decimal from 'decimal.js';
import {
  calculateCommission,
  programFor,
  quarterOf,
  RuleError,
  type CommissionBreakdown,
  type IncentiveProgram,
  type IncentiveTier,
  type ProductFamily,
} from './rules';

/**
 * The incentive system's ledger: accruals posted by the nightly batch from transactions (accepted
 * deals fed in by the CRM). Posted accruals never change; the only way in is `post()`, which the
 * seed generator and the stand-in's `POST /__batch/run` both use, so the seeded ledger and a batch
 * run agree on every amount.
 *
 * Quota attainment: a deal's `bookedBeforeInQuarter` is the sum of the deal amounts of the accruals
 * already in the ledger for the same partner and calendar quarter that closed before it (same close
 * date: lower quote id first). An estimate of a deal not yet posted uses the same sum.
 */

export interface IncentiveTransactionLine {
  lineId: string;
  productCode: string;
  quantity: number;
  netTotal: string;
}

/** An accepted deal waiting for the nightly batch. */
export interface IncentiveTransaction {
  id: string;
  partnerId: string;
  quoteId: string;
  closeDate: string;
  currency: string;
  lines: IncentiveTransactionLine[];
  receivedAt: string;
}

export interface Accrual extends CommissionBreakdown {
  id: string;
  transactionId: string;
  partnerId: string;
  quoteId: string;
  programId: string;
  closeDate: string;
  quarter: string;
  currency: string;
  partnerTier: IncentiveTier;
  status: 'Posted';
  postedAt: string;
}

/** What the ledger needs to know about partners and products, from the PRM and the catalog. */
export interface LedgerReferenceData {
  programs: IncentiveProgram[];
  partners: ReadonlyMap<string, { tier: IncentiveTier; annualQuota: string; currency: string }>;
  productFamilies: ReadonlyMap<string, ProductFamily>;
}

export type PostResult = { posted: Accrual } | { rejected: string };

function accrualId(sequence: number): string {
  return `ACR-${String(sequence).padStart(7, '0')}`;
}

export class IncentiveLedger {
  private readonly entries: Accrual[] = [];
  private readonly byPartner = new Map<string, Accrual[]>();
  private readonly byQuote = new Map<string, Accrual>();

  constructor(
    private readonly reference: LedgerReferenceData,
    accruals: Accrual[] = [],
  ) {
    for (const accrual of accruals) this.append(accrual);
  }

  all(): readonly Accrual[] {
    return this.entries;
  }

  forPartner(partnerId: string): readonly Accrual[] {
    return this.byPartner.get(partnerId) ?? [];
  }

  forQuote(quoteId: string): Accrual | undefined {
    return this.byQuote.get(quoteId);
  }

  bookedBefore(partnerId: string, closeDate: string, quoteId: string): string {
    const quarter = quarterOf(closeDate);
    return this.forPartner(partnerId)
      .filter(
        (a) =>
          a.quarter === quarter &&
          (a.closeDate < closeDate || (a.closeDate === closeDate && a.quoteId < quoteId)),
      )
      .reduce((sum, a) => sum.plus(a.dealAmount), new Decimal(0))
      .toFixed(2);
  }

  /**
   * Computes a transaction's accrual without posting it. `programOverride` is for the seed's
   * deliberate discrepancies only: an accrual computed under a stale program.
   */
  calculate(
    transaction: IncentiveTransaction,
    programOverride?: IncentiveProgram,
  ):
    | { breakdown: CommissionBreakdown; program: IncentiveProgram; tier: IncentiveTier }
    | { rejected: string } {
    const partner = this.reference.partners.get(transaction.partnerId);
    if (!partner) return { rejected: `unknown partner ${transaction.partnerId}` };
    if (partner.currency !== transaction.currency)
      return { rejected: `partner ${transaction.partnerId} is paid in ${partner.currency}` };
    if (this.byQuote.has(transaction.quoteId))
      return { rejected: `quote ${transaction.quoteId} already has an accrual` };
    const program = programOverride ?? programFor(this.reference.programs, transaction.closeDate);
    if (!program) return { rejected: `no program covers close date ${transaction.closeDate}` };
    const lines = [];
    for (const line of transaction.lines) {
      const productFamily = this.reference.productFamilies.get(line.productCode);
      if (!productFamily) return { rejected: `unknown product ${line.productCode}` };
      lines.push({ productCode: line.productCode, productFamily, netTotal: line.netTotal });
    }
    const tier = partner.tier;
    try {
      const breakdown = calculateCommission(program, {
        partnerTier: tier,
        closeDate: transaction.closeDate,
        currency: transaction.currency,
        quarterlyQuota: new Decimal(partner.annualQuota).div(4).toFixed(2),
        bookedBeforeInQuarter: this.bookedBefore(
          transaction.partnerId,
          transaction.closeDate,
          transaction.quoteId,
        ),
        lines,
      });
      return { breakdown, program, tier };
    } catch (error) {
      if (error instanceof RuleError) return { rejected: error.message };
      throw error;
    }
  }

  post(transaction: IncentiveTransaction, postedAt: string, programOverride?: IncentiveProgram): PostResult {
    const calculated = this.calculate(transaction, programOverride);
    if ('rejected' in calculated) return calculated;
    const accrual: Accrual = {
      id: accrualId(this.entries.length + 1),
      transactionId: transaction.id,
      partnerId: transaction.partnerId,
      quoteId: transaction.quoteId,
      programId: calculated.program.id,
      closeDate: transaction.closeDate,
      quarter: quarterOf(transaction.closeDate),
      currency: transaction.currency,
      partnerTier: calculated.tier,
      ...calculated.breakdown,
      status: 'Posted',
      postedAt,
    };
    this.append(accrual);
    return { posted: accrual };
  }

  private append(accrual: Accrual): void {
    this.entries.push(accrual);
    const partnerEntries = this.byPartner.get(accrual.partnerId);
    if (partnerEntries) partnerEntries.push(accrual);
    else this.byPartner.set(accrual.partnerId, [accrual]);
    this.byQuote.set(accrual.quoteId, accrual);
  }
}
