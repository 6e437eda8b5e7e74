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
  SBQQ__Account__c: z.string().min(15),
  Deal_Registration__c: z.string().min(1).nullable(),
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
  SBQQ__AdditionalDiscount__c: decimalString,
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

/** An end customer (a Salesforce Account of type Customer), owned by one partner. */
export const accountSchema = z.object({
  Id: z.string().min(15),
  Name: z.string().min(1),
  Partner__c: z.string().min(1),
  BillingCountry: z.string().length(2),
  CurrencyIsoCode: currencyCode,
});
export type AccountRecord = z.infer<typeof accountSchema>;

export const pricebook2Schema = z.object({
  Id: z.string().min(15),
  Name: z.string().min(1),
  IsActive: z.boolean(),
  Region__c: z.string().min(1).nullable(),
});
export type Pricebook2Record = z.infer<typeof pricebook2Schema>;

export const pricebookEntrySchema = z.object({
  Id: z.string().min(15),
  Pricebook2Id: z.string().min(15),
  ProductCode: z.string().min(1),
  CurrencyIsoCode: currencyCode,
  UnitPrice: decimalString,
  IsActive: z.boolean(),
});
export type PricebookEntryRecord = z.infer<typeof pricebookEntrySchema>;

/** The Opportunity a quote is the primary quote of; CloseDate is when it closed or is expected to. */
export const opportunitySchema = z.object({
  Id: z.string().min(15),
  SBQQ__PrimaryQuote__c: z.string().min(15),
  CloseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type OpportunityRecord = z.infer<typeof opportunitySchema>;

export const PRODUCT_FIELDS = Object.keys(product2Schema.shape);
export const OPPORTUNITY_FIELDS = Object.keys(opportunitySchema.shape);
export const ACCOUNT_FIELDS = Object.keys(accountSchema.shape);
export const PRICEBOOK_FIELDS = Object.keys(pricebook2Schema.shape);
export const PRICEBOOK_ENTRY_FIELDS = Object.keys(pricebookEntrySchema.shape);
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

/** What `POST sobjects/{type}` answers, and an upsert (201 created, 200 found): the record's id. */
export const createResultSchema = z.object({ id: z.string().min(15), success: z.literal(true) });

/** PATCH and DELETE answer 204 with no body. */
export const noContentSchema = z.literal('');

const percentString = z.string().regex(/^\d{1,3}(\.\d+)?$/);

/** The answer of `POST /services/apexrest/quote/calculate`. */
export const calculationSchema = z.object({
  quoteId: z.string().nullable(),
  partnerId: z.string().min(1),
  currency: currencyCode,
  pricebookId: z.string().min(1),
  dealRegistrationId: z.string().nullable(),
  pricingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  lines: z.array(
    z.object({
      productCode: z.string().min(1),
      quantity: z.number().int().positive(),
      listPrice: decimalString,
      volumeDiscount: percentString,
      partnerDiscount: percentString,
      dealRegistrationDiscount: percentString,
      additionalDiscount: percentString,
      totalDiscount: percentString,
      netPrice: decimalString,
      netTotal: decimalString,
      approvalRequired: z.boolean(),
    }),
  ),
  listAmount: decimalString,
  netAmount: decimalString,
  approvalLimitPercent: percentString,
  approvalRequired: z.boolean(),
  warnings: z.array(z.string()),
  /** With `save`: the saved quote's version, for a write conditional on exactly this state. */
  savedQuote: z.object({ lastModifiedDate: z.string(), etag: z.string().min(1) }).optional(),
});
export type CalculationRecord = z.infer<typeof calculationSchema>;
