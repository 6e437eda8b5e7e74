import type { Accrual, IncentiveProgram, IncentiveTransaction, PartnerTier, ProductFamily } from '../domain';
import type {
  Accrual as LedgerAccrual,
  IncentiveTransaction as LedgerTransaction,
} from '../legacy/incentives/ledger';
import type { IncentiveProgram as LedgerProgram } from '../legacy/incentives/rules';

/**
 * The incentive system's records (legacy/incentives) in domain terms, as adapters/incentives maps
 * its wire onto them: for tests that hold the estimate against the ledger's own figures without
 * going over HTTP. The system's tier and family names are the domain's, capitalised.
 */

export const domainTier = (tier: string) => tier.toUpperCase() as PartnerTier;
export const domainFamily = (family: string) => family.toUpperCase() as ProductFamily;

export function domainProgram(p: LedgerProgram): IncentiveProgram {
  return {
    id: p.id,
    name: p.name,
    status: p.status === 'Active' ? 'ACTIVE' : 'CLOSED',
    startDate: p.startDate,
    endDate: p.endDate,
    baseRates: p.baseRates.map((r) => ({
      productFamily: domainFamily(r.productFamily),
      partnerTier: domainTier(r.partnerTier),
      ratePercent: r.ratePercent,
    })),
    spiffs: p.spiffs.map(({ productCode, ...spiff }) => ({ ...spiff, sku: productCode })),
    accelerator: p.accelerator,
    dealCaps: p.dealCaps.map((cap) => ({ amount: cap.amount, currency: cap.currency })),
  };
}

export function domainAccrual(a: LedgerAccrual): Accrual {
  const m = (amount: string) => ({ amount, currency: a.currency });
  return {
    id: a.id,
    transactionId: a.transactionId,
    partnerId: a.partnerId,
    quoteId: a.quoteId,
    programId: a.programId,
    closeDate: a.closeDate,
    quarter: a.quarter,
    partnerTier: domainTier(a.partnerTier),
    dealAmount: m(a.dealAmount),
    baseAmount: m(a.baseAmount),
    spiffAmount: m(a.spiffAmount),
    acceleratorAmount: m(a.acceleratorAmount),
    capAdjustment: m(a.capAdjustment),
    amount: m(a.amount),
    postedAt: a.postedAt,
  };
}

export function domainTransaction(t: LedgerTransaction): IncentiveTransaction {
  return {
    id: t.id,
    status: 'PENDING',
    rejectionReason: null,
    partnerId: t.partnerId,
    quoteId: t.quoteId,
    closeDate: t.closeDate,
    currency: t.currency,
    receivedAt: t.receivedAt,
    lines: t.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.productCode,
      quantity: l.quantity,
      netTotal: { amount: l.netTotal, currency: t.currency },
    })),
  };
}
