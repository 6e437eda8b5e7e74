import type { ZodType } from 'zod';
import { money, type Product, type Quote, type QuoteLine, type QuoteStatus } from '../../domain';
import { UpstreamError } from '../http';
import {
  product2Schema,
  type Product2Record,
  sbqqQuoteLineSchema,
  sbqqQuoteSchema,
  type SbqqQuote,
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
  const parsed = schema.safeParse(record);
  if (!parsed.success) {
    throw new UpstreamError('UPSTREAM_BAD_RESPONSE', 'cpq returned a malformed record', {
      system: 'cpq',
      operation,
      breaker: 'closed',
    });
  }
  return parsed.data;
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
    netPrice: money(line.SBQQ__NetPrice__c, line.CurrencyIsoCode),
    netTotal: money(line.SBQQ__NetTotal__c, line.CurrencyIsoCode),
  };
}

/** A Product2 as the wire has it, validated: what the product cache keeps. */
export function toProduct2Record(record: unknown): Product2Record {
  return parseRecord(product2Schema, record, 'mapProduct');
}

export function toProduct(record: unknown): Product {
  const product = toProduct2Record(record);
  return { sku: product.ProductCode, name: product.Name, family: product.Family, active: product.IsActive };
}
