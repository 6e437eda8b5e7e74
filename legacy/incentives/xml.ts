import type { Response } from 'express';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Accrual, IncentiveTransaction } from './ledger';
import type { IncentiveProgram } from './rules';

/**
 * The incentive system's wire format: XML documents with PascalCase elements, every value as text
 * (amounts as decimal strings), lists as a wrapper element holding repeated items, and errors as a
 * `<Fault><Code/><Message/></Fault>` body with an HTTP status.
 */

const builder = new XMLBuilder({ format: true, suppressEmptyNode: true });
const parser = new XMLParser({
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  isArray: (name) => name === 'Line',
});

export function sendXml(res: Response, status: number, document: Record<string, unknown>): void {
  res
    .status(status)
    .type('application/xml')
    .send(`<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(document) as string}`);
}

export function sendFault(res: Response, status: number, code: string, message: string): void {
  sendXml(res, status, { Fault: { Code: code, Message: message } });
}

/** The parsed document, or undefined for text that is not well-formed XML. */
export function parseXml(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '' || XMLValidator.validate(text) !== true) return undefined;
  return parser.parse(text) as Record<string, unknown>;
}

export interface Paging {
  page: number;
  pageSize: number;
  totalRecords: number;
}

export function pagingXml({ page, pageSize, totalRecords }: Paging): Record<string, number> {
  return {
    Page: page,
    PageSize: pageSize,
    TotalPages: Math.ceil(totalRecords / pageSize),
    TotalRecords: totalRecords,
  };
}

export function programXml(program: IncentiveProgram): Record<string, unknown> {
  return {
    Id: program.id,
    Name: program.name,
    Status: program.status,
    StartDate: program.startDate,
    EndDate: program.endDate,
    BaseRates: {
      BaseRate: program.baseRates.map((rate) => ({
        ProductFamily: rate.productFamily,
        PartnerTier: rate.partnerTier,
        RatePercent: rate.ratePercent,
      })),
    },
    Spiffs: {
      Spiff: program.spiffs.map((spiff) => ({
        Id: spiff.id,
        Name: spiff.name,
        ProductCode: spiff.productCode,
        StartDate: spiff.startDate,
        EndDate: spiff.endDate,
        RatePercent: spiff.ratePercent,
      })),
    },
    Accelerator: {
      QuotaAttainmentPercent: program.accelerator.quotaAttainmentPercent,
      Multiplier: program.accelerator.multiplier,
    },
    DealCaps: { DealCap: program.dealCaps.map((cap) => ({ Currency: cap.currency, Amount: cap.amount })) },
  };
}

export function accrualXml(accrual: Accrual): Record<string, unknown> {
  return {
    Id: accrual.id,
    TransactionId: accrual.transactionId,
    PartnerId: accrual.partnerId,
    QuoteId: accrual.quoteId,
    ProgramId: accrual.programId,
    CloseDate: accrual.closeDate,
    Quarter: accrual.quarter,
    Currency: accrual.currency,
    PartnerTier: accrual.partnerTier,
    DealAmount: accrual.dealAmount,
    BaseAmount: accrual.baseAmount,
    SpiffAmount: accrual.spiffAmount,
    AcceleratorAmount: accrual.acceleratorAmount,
    CapAdjustment: accrual.capAdjustment,
    Amount: accrual.amount,
    Status: accrual.status,
    PostedAt: accrual.postedAt,
  };
}

export function transactionXml(
  transaction: IncentiveTransaction,
  status: 'Pending' | 'Rejected',
  reason?: string,
): Record<string, unknown> {
  return {
    Id: transaction.id,
    Status: status,
    ...(reason ? { RejectionReason: reason } : {}),
    PartnerId: transaction.partnerId,
    QuoteId: transaction.quoteId,
    CloseDate: transaction.closeDate,
    Currency: transaction.currency,
    ReceivedAt: transaction.receivedAt,
    Lines: {
      Line: transaction.lines.map((line) => ({
        LineId: line.lineId,
        ProductCode: line.productCode,
        Quantity: line.quantity,
        NetTotal: line.netTotal,
      })),
    },
  };
}
