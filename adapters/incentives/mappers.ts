import type { ZodType } from 'zod';
import {
  type Accrual,
  type IncentiveProgram,
  type IncentiveTransaction,
  money,
  type PartnerTier,
  type ProductFamily,
} from '../../domain';
import { parseLegacyRecord } from '../http';
import {
  accrualRecordSchema,
  type IncentiveTierName,
  type ProductFamilyName,
  programRecordSchema,
  type ProgramRecord,
  transactionRecordSchema,
} from './types';

const TIERS: Record<IncentiveTierName, PartnerTier> = {
  Registered: 'REGISTERED',
  Silver: 'SILVER',
  Gold: 'GOLD',
  Platinum: 'PLATINUM',
};

const FAMILIES: Record<ProductFamilyName, ProductFamily> = {
  Network: 'NETWORK',
  Security: 'SECURITY',
  Cloud: 'CLOUD',
  Support: 'SUPPORT',
};

function parseRecord<T>(schema: ZodType<T>, record: unknown, what: string, operation: string): T {
  return parseLegacyRecord(schema, record, { system: 'incentives', operation, what });
}

/** The items of an XML list, which is '' when empty. */
function itemsOf<K extends string, T>(list: '' | { [P in K]: T[] }, item: K): T[] {
  return list === '' ? [] : list[item];
}

/** A program as the wire has it, validated: what the program cache keeps. */
export function toProgramRecord(record: unknown): ProgramRecord {
  return parseRecord(programRecordSchema, record, 'program', 'mapProgram');
}

export function toIncentiveProgram(record: unknown): IncentiveProgram {
  const program = toProgramRecord(record);
  return {
    id: program.Id,
    name: program.Name,
    status: program.Status === 'Active' ? 'ACTIVE' : 'CLOSED',
    startDate: program.StartDate,
    endDate: program.EndDate,
    baseRates: itemsOf(program.BaseRates, 'BaseRate').map((rate) => ({
      productFamily: FAMILIES[rate.ProductFamily],
      partnerTier: TIERS[rate.PartnerTier],
      ratePercent: rate.RatePercent,
    })),
    spiffs: itemsOf(program.Spiffs, 'Spiff').map((spiff) => ({
      id: spiff.Id,
      name: spiff.Name,
      sku: spiff.ProductCode,
      startDate: spiff.StartDate,
      endDate: spiff.EndDate,
      ratePercent: spiff.RatePercent,
    })),
    accelerator: {
      quotaAttainmentPercent: program.Accelerator.QuotaAttainmentPercent,
      multiplier: program.Accelerator.Multiplier,
    },
    dealCaps: itemsOf(program.DealCaps, 'DealCap').map((cap) => money(cap.Amount, cap.Currency)),
  };
}

export function toAccrual(record: unknown): Accrual {
  const accrual = parseRecord(accrualRecordSchema, record, 'accrual', 'mapAccrual');
  const amount = (value: string) => money(value, accrual.Currency);
  return {
    id: accrual.Id,
    transactionId: accrual.TransactionId,
    partnerId: accrual.PartnerId,
    quoteId: accrual.QuoteId,
    programId: accrual.ProgramId,
    closeDate: accrual.CloseDate,
    quarter: accrual.Quarter,
    partnerTier: TIERS[accrual.PartnerTier],
    dealAmount: amount(accrual.DealAmount),
    baseAmount: amount(accrual.BaseAmount),
    spiffAmount: amount(accrual.SpiffAmount),
    acceleratorAmount: amount(accrual.AcceleratorAmount),
    capAdjustment: amount(accrual.CapAdjustment),
    amount: amount(accrual.Amount),
    postedAt: accrual.PostedAt,
  };
}

export function toIncentiveTransaction(record: unknown): IncentiveTransaction {
  const transaction = parseRecord(transactionRecordSchema, record, 'transaction', 'mapTransaction');
  return {
    id: transaction.Id,
    status: transaction.Status === 'Pending' ? 'PENDING' : 'REJECTED',
    rejectionReason: transaction.RejectionReason ?? null,
    partnerId: transaction.PartnerId,
    quoteId: transaction.QuoteId,
    closeDate: transaction.CloseDate,
    currency: transaction.Currency,
    receivedAt: transaction.ReceivedAt,
    lines: itemsOf(transaction.Lines, 'Line').map((line) => ({
      lineId: line.LineId,
      sku: line.ProductCode,
      quantity: Number(line.Quantity),
      netTotal: money(line.NetTotal, transaction.Currency),
    })),
  };
}
