import { z } from 'zod';

/**
 * The incentive system's XML documents as the client parses them (see client.ts): element names as
 * the wire has them (PascalCase), every value as text, a list as a wrapper element holding repeated
 * items, which is the empty string when the list is empty (`<Accruals/>`).
 */
const text = z.string().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const currencyCode = z.string().regex(/^[A-Z]{3}$/);
const wholeNumber = z.string().regex(/^\d+$/);
const tier = z.enum(['Registered', 'Silver', 'Gold', 'Platinum']);
const productFamily = z.enum(['Network', 'Security', 'Cloud', 'Support']);
export type IncentiveTierName = z.infer<typeof tier>;
export type ProductFamilyName = z.infer<typeof productFamily>;

/** `<Wrapper><Item/>...</Wrapper>`, or '' for an empty wrapper. */
function xmlList<K extends string, T extends z.ZodType>(item: K, schema: T) {
  return z.union([z.literal(''), z.object({ [item]: z.array(schema) } as { [P in K]: z.ZodArray<T> })]);
}

export const programRecordSchema = z.object({
  Id: text,
  Name: text,
  Status: z.enum(['Active', 'Closed']),
  StartDate: isoDate,
  EndDate: isoDate,
  BaseRates: xmlList(
    'BaseRate',
    z.object({ ProductFamily: productFamily, PartnerTier: tier, RatePercent: decimal }),
  ),
  Spiffs: xmlList(
    'Spiff',
    z.object({
      Id: text,
      Name: text,
      ProductCode: text,
      StartDate: isoDate,
      EndDate: isoDate,
      RatePercent: decimal,
    }),
  ),
  Accelerator: z.object({ QuotaAttainmentPercent: decimal, Multiplier: decimal }),
  DealCaps: xmlList('DealCap', z.object({ Currency: currencyCode, Amount: decimal })),
});
export type ProgramRecord = z.infer<typeof programRecordSchema>;

export const accrualRecordSchema = z.object({
  Id: text,
  TransactionId: text,
  PartnerId: text,
  QuoteId: text,
  ProgramId: text,
  CloseDate: isoDate,
  Quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  Currency: currencyCode,
  PartnerTier: tier,
  DealAmount: decimal,
  BaseAmount: decimal,
  SpiffAmount: decimal,
  AcceleratorAmount: decimal,
  CapAdjustment: decimal,
  Amount: decimal,
  Status: z.literal('Posted'),
  PostedAt: timestamp,
});
export type AccrualRecord = z.infer<typeof accrualRecordSchema>;

export const transactionRecordSchema = z.object({
  Id: text,
  Status: z.enum(['Pending', 'Rejected']),
  RejectionReason: z.string().optional(),
  PartnerId: text,
  QuoteId: text,
  CloseDate: isoDate,
  Currency: currencyCode,
  ReceivedAt: timestamp,
  Lines: xmlList(
    'Line',
    z.object({ LineId: text, ProductCode: text, Quantity: wholeNumber, NetTotal: decimal }),
  ),
});
export type TransactionRecord = z.infer<typeof transactionRecordSchema>;

/** Page-number paging, on every list. */
const pagingSchema = z.object({
  Page: wholeNumber,
  PageSize: wholeNumber,
  TotalPages: wholeNumber,
  TotalRecords: wholeNumber,
});

/** List documents; their records stay unknown here and are validated one by one by the mappers. */
export const programListSchema = z.object({
  ProgramList: z.object({ Paging: pagingSchema, Programs: xmlList('Program', z.unknown()) }),
});

export const partnerAccrualListSchema = z.object({
  AccrualList: z.object({
    PartnerId: text,
    LastBatchRunAt: timestamp,
    Paging: pagingSchema,
    Accruals: xmlList('Accrual', z.unknown()),
  }),
});

export const quoteAccrualListSchema = z.object({
  AccrualList: z.object({ LastBatchRunAt: timestamp, Accruals: xmlList('Accrual', z.unknown()) }),
});

export const transactionListSchema = z.object({
  TransactionList: z.object({ Paging: pagingSchema, Transactions: xmlList('Transaction', z.unknown()) }),
});

/** The system's error answer, with an HTTP status (and, from some older endpoints, with 200). */
export const faultSchema = z.object({ Fault: z.object({ Code: text, Message: z.string() }) });
