import { z } from 'zod';

/** CPQ records as the Salesforce REST API sends them (SBQQ managed-package field names). */
const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/);
const currencyCode = z.string().regex(/^[A-Z]{3}$/);

export const sbqqQuoteSchema = z.object({
  Id: z.string().min(15),
  Name: z.string().min(1),
  SBQQ__Partner__c: z.string().min(1),
  SBQQ__Status__c: z.enum(['Draft', 'In Review', 'Approved', 'Presented', 'Accepted', 'Rejected']),
  SBQQ__ListAmount__c: decimalString,
  SBQQ__NetAmount__c: decimalString,
  CurrencyIsoCode: currencyCode,
  SBQQ__ExpirationDate__c: z.string().nullable(),
  CreatedDate: z.string().min(1),
});
export type SbqqQuote = z.infer<typeof sbqqQuoteSchema>;

export const sbqqQuoteLineSchema = z.object({
  Id: z.string().min(15),
  SBQQ__Quote__c: z.string().min(15),
  SBQQ__ProductCode__c: z.string().min(1),
  SBQQ__ProductName__c: z.string().min(1),
  SBQQ__Quantity__c: z.number().positive(),
  SBQQ__ListPrice__c: decimalString,
  SBQQ__Discount__c: decimalString,
  SBQQ__NetPrice__c: decimalString,
  SBQQ__NetTotal__c: decimalString,
  CurrencyIsoCode: currencyCode,
});
export type SbqqQuoteLine = z.infer<typeof sbqqQuoteLineSchema>;

export const product2Schema = z.object({
  Id: z.string().min(15),
  Name: z.string().min(1),
  ProductCode: z.string().min(1),
  Family: z.string().min(1),
  IsActive: z.boolean(),
});
export type Product2Record = z.infer<typeof product2Schema>;

export const PRODUCT_FIELDS = Object.keys(product2Schema.shape);
export const QUOTE_FIELDS = Object.keys(sbqqQuoteSchema.shape);
export const QUOTE_LINE_FIELDS = Object.keys(sbqqQuoteLineSchema.shape);

/** Salesforce's query result; records are validated one by one by the mappers. */
export const queryResultSchema = z.object({
  totalSize: z.number().int().min(0),
  done: z.boolean(),
  records: z.array(z.unknown()),
  nextRecordsUrl: z.string().optional(),
});
export type QueryResult = z.infer<typeof queryResultSchema>;

/** composite/sobjects answers in request order, with null where a record does not exist. */
export const compositeResultSchema = z.array(z.unknown());

/** Salesforce's error answer: a list of `{ errorCode, message }`. */
export const sfErrorsSchema = z.array(z.object({ errorCode: z.string() }));
