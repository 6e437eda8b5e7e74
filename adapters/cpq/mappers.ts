import type { ZodType } from 'zod';
import {
  type Customer,
  money,
  type PartnerPrice,
  type PriceBook,
  type PriceBookEntry,
  type Product,
  type ProductFamily,
  type Quote,
  type QuoteCalculation,
  type QuoteLine,
  type QuoteOpportunity,
  type QuoteStatus,
} from '../../domain';
import { parseLegacyRecord } from '../http';
import {
  accountSchema,
  type CalculationRecord,
  calculationSchema,
  opportunitySchema,
  type Pricebook2Record,
  pricebook2Schema,
  type PricebookEntryRecord,
  pricebookEntrySchema,
  type Product2Record,
  product2Schema,
  type SbqqQuote,
  sbqqQuoteLineSchema,
  sbqqQuoteSchema,
} from './types';

const STATUSES: Record<SbqqQuote['SBQQ__Status__c'], QuoteStatus> = {
  Draft: 'DRAFT',
  'In Review': 'IN_REVIEW',
  Approved: 'APPROVED',
  Presented: 'PRESENTED',
  Accepted: 'ACCEPTED',
  Rejected: 'REJECTED',
};

function parseRecord<T>(schema: ZodType<T>, record: unknown, operation: string): T {
  return parseLegacyRecord(schema, record, { system: 'cpq', operation });
}

export function toQuote(record: unknown): Quote {
  const quote = parseRecord(sbqqQuoteSchema, record, 'mapQuote');
  return {
    id: quote.Id,
    number: quote.Name,
    partnerId: quote.SBQQ__Partner__c,
    status: STATUSES[quote.SBQQ__Status__c],
    currency: quote.CurrencyIsoCode,
    listTotal: money(quote.SBQQ__ListAmount__c, quote.CurrencyIsoCode),
    netTotal: money(quote.SBQQ__NetAmount__c, quote.CurrencyIsoCode),
    expiresOn: quote.SBQQ__ExpirationDate__c,
    createdAt: quote.CreatedDate,
    customerAccountId: quote.SBQQ__Account__c,
    dealRegistrationId: quote.Deal_Registration__c,
  };
}

export function toQuoteLine(record: unknown): QuoteLine {
  const line = parseRecord(sbqqQuoteLineSchema, record, 'mapQuoteLine');
  return {
    id: line.Id,
    quoteId: line.SBQQ__Quote__c,
    sku: line.SBQQ__ProductCode__c,
    productName: line.SBQQ__ProductName__c,
    quantity: line.SBQQ__Quantity__c,
    listPrice: money(line.SBQQ__ListPrice__c, line.CurrencyIsoCode),
    discountPercent: line.SBQQ__Discount__c,
    additionalDiscountPercent: line.SBQQ__AdditionalDiscount__c,
    netPrice: money(line.SBQQ__NetPrice__c, line.CurrencyIsoCode),
    netTotal: money(line.SBQQ__NetTotal__c, line.CurrencyIsoCode),
  };
}

/** A Product2 as the wire has it, validated: what the product cache keeps. */
export function toProduct2Record(record: unknown): Product2Record {
  return parseRecord(product2Schema, record, 'mapProduct');
}

/**
 * Product2.Family is a picklist the CPQ's admins may extend; a value the graph does not know is not
 * a malformed record (the product's other fields still serve), so it maps to no family.
 */
const FAMILIES: ReadonlyMap<string, ProductFamily> = new Map([
  ['Network', 'NETWORK'],
  ['Security', 'SECURITY'],
  ['Cloud', 'CLOUD'],
  ['Support', 'SUPPORT'],
]);

export function toProduct(record: unknown): Product {
  const product = toProduct2Record(record);
  return {
    sku: product.ProductCode,
    name: product.Name,
    family: FAMILIES.get(product.Family) ?? null,
    active: product.IsActive,
  };
}

/** The CPQ's name for a quote status, for writes. */
export const SBQQ_STATUSES: Record<QuoteStatus, SbqqQuote['SBQQ__Status__c']> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In Review',
  APPROVED: 'Approved',
  PRESENTED: 'Presented',
  ACCEPTED: 'Accepted',
  REJECTED: 'Rejected',
};

export function toCustomer(record: unknown): Customer {
  const account = parseRecord(accountSchema, record, 'mapAccount');
  return {
    id: account.Id,
    name: account.Name,
    partnerId: account.Partner__c,
    country: account.BillingCountry,
    currency: account.CurrencyIsoCode,
  };
}

/** A Pricebook2 as the wire has it, validated: what the price book cache keeps. */
export function toPricebook2Record(record: unknown): Pricebook2Record {
  return parseRecord(pricebook2Schema, record, 'mapPriceBook');
}

export function toPriceBook(record: unknown): PriceBook {
  const book = toPricebook2Record(record);
  return { id: book.Id, name: book.Name, region: book.Region__c, active: book.IsActive };
}

/** A PricebookEntry as the wire has it, validated: what the price book cache keeps. */
export function toPricebookEntryRecord(record: unknown): PricebookEntryRecord {
  return parseRecord(pricebookEntrySchema, record, 'mapPriceBookEntry');
}

export function toPriceBookEntry(record: unknown): PriceBookEntry {
  const entry = toPricebookEntryRecord(record);
  return {
    priceBookId: entry.Pricebook2Id,
    sku: entry.ProductCode,
    listPrice: money(entry.UnitPrice, entry.CurrencyIsoCode),
    active: entry.IsActive,
  };
}

export function toQuoteCalculation(record: unknown): QuoteCalculation {
  const calculation = parseRecord(calculationSchema, record, 'mapCalculation');
  const { currency } = calculation;
  return {
    quoteId: calculation.quoteId,
    partnerId: calculation.partnerId,
    currency,
    priceBookId: calculation.pricebookId,
    dealRegistrationId: calculation.dealRegistrationId,
    pricingDate: calculation.pricingDate,
    lines: calculation.lines.map((line) => ({
      sku: line.productCode,
      quantity: line.quantity,
      listPrice: money(line.listPrice, currency),
      volumeDiscountPercent: line.volumeDiscount,
      partnerDiscountPercent: line.partnerDiscount,
      dealRegistrationDiscountPercent: line.dealRegistrationDiscount,
      additionalDiscountPercent: line.additionalDiscount,
      totalDiscountPercent: line.totalDiscount,
      netPrice: money(line.netPrice, currency),
      netTotal: money(line.netTotal, currency),
      approvalRequired: line.approvalRequired,
    })),
    listTotal: money(calculation.listAmount, currency),
    netTotal: money(calculation.netAmount, currency),
    approvalLimitPercent: calculation.approvalLimitPercent,
    approvalRequired: calculation.approvalRequired,
    warnings: calculation.warnings,
  };
}

/** A partner's unit prices: the calculation of one unit of each product (validated by the cache). */
export function toPartnerPrices(lines: CalculationRecord['lines'], currency: string): PartnerPrice[] {
  return lines.map((line) => ({
    sku: line.productCode,
    listPrice: money(line.listPrice, currency),
    partnerPrice: money(line.netPrice, currency),
    partnerDiscountPercent: line.partnerDiscount,
  }));
}

export function toQuoteOpportunity(record: unknown): QuoteOpportunity {
  const opportunity = parseRecord(opportunitySchema, record, 'mapOpportunity');
  return { id: opportunity.Id, quoteId: opportunity.SBQQ__PrimaryQuote__c, closeDate: opportunity.CloseDate };
}
