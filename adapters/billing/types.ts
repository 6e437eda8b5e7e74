import { z } from 'zod';

/** Billing records as the Zuora-style REST API sends them (its field names, `__c` custom fields). */
const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/);
const currencyCode = z.string().regex(/^[A-Z]{3}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const zuoraAccountSchema = z.object({
  id: z.string().min(1),
  accountNumber: z.string().min(1),
  currency: currencyCode,
  PartnerId__c: z.string().min(1),
});
export type ZuoraAccount = z.infer<typeof zuoraAccountSchema>;

export const zuoraInvoiceItemSchema = z.object({
  id: z.string().min(1),
  chargeName: z.string().min(1),
  productCode: z.string().min(1),
  quantity: z.number().positive(),
  unitPrice: decimalString,
  chargeAmount: decimalString,
  serviceStartDate: isoDate,
  serviceEndDate: isoDate,
});

export const zuoraInvoiceSchema = z.object({
  id: z.string().min(1),
  invoiceNumber: z.string().min(1),
  accountId: z.string().min(1),
  invoiceDate: isoDate,
  dueDate: isoDate,
  currency: currencyCode,
  amount: decimalString,
  balance: decimalString,
  status: z.enum(['Draft', 'Posted', 'Canceled']),
  QuoteId__c: z.string().min(1).nullable(),
  invoiceItems: z.array(zuoraInvoiceItemSchema),
});
export type ZuoraInvoice = z.infer<typeof zuoraInvoiceSchema>;

export const zuoraRatePlanChargeSchema = z.object({
  id: z.string().min(1),
  number: z.string().min(1),
  name: z.string().min(1),
  productCode: z.string().min(1),
  quantity: z.number().positive(),
  listPrice: decimalString,
  price: decimalString,
  discountPercentage: decimalString,
  tcv: decimalString,
  QuoteLineId__c: z.string().min(1).nullable(),
});

export const zuoraSubscriptionSchema = z.object({
  id: z.string().min(1),
  subscriptionNumber: z.string().min(1),
  accountId: z.string().min(1),
  status: z.enum([
    'Draft',
    'Pending Activation',
    'Pending Acceptance',
    'Active',
    'Suspended',
    'Cancelled',
    'Expired',
  ]),
  initialTerm: z.number().int().min(0),
  contractEffectiveDate: isoDate,
  termStartDate: isoDate,
  termEndDate: isoDate,
  currency: currencyCode,
  totalContractedValue: decimalString,
  QuoteId__c: z.string().min(1).nullable(),
  ratePlans: z.array(z.object({ ratePlanCharges: z.array(zuoraRatePlanChargeSchema) })),
  createdDate: z.string().min(1),
});
export type ZuoraSubscription = z.infer<typeof zuoraSubscriptionSchema>;

export const zuoraPayoutSchema = z.object({
  id: z.string().min(1),
  payoutNumber: z.string().min(1),
  partnerId: z.string().min(1),
  invoiceId: z.string().min(1),
  invoiceNumber: z.string().min(1),
  currency: currencyCode,
  grossAmount: decimalString,
  status: z.enum(['Scheduled', 'Paid']),
  payoutDate: isoDate,
  splits: z
    .array(
      z.object({
        party: z.enum(['provider', 'partner', 'distributor']),
        partyId: z.string().min(1),
        sharePercent: decimalString,
        amount: decimalString,
      }),
    )
    .min(1),
});
export type ZuoraPayout = z.infer<typeof zuoraPayoutSchema>;

/**
 * Zuora's quirk: a business error (unknown key, invalid value, rule restriction) is HTTP 200 with
 * `success: false` and coded reasons. Only the codes are read; the messages stay in the system.
 */
export const zuoraRejectionSchema = z.object({
  success: z.literal(false),
  reasons: z.array(z.object({ code: z.number().int() })).min(1),
});
export type ZuoraRejection = z.infer<typeof zuoraRejectionSchema>;

/** Zuora's paging: a list under its own name, and a `nextPage` URL while there is more. */
const nextPage = z.string().min(1).optional();

/** Envelopes; records stay unknown here and are validated one by one by the mappers. */
export const accountListSchema = z.object({
  success: z.literal(true),
  accounts: z.array(z.unknown()),
  nextPage,
});
export const invoiceListSchema = z.object({
  success: z.literal(true),
  invoices: z.array(z.unknown()),
  nextPage,
});
export const subscriptionListSchema = z.object({
  success: z.literal(true),
  subscriptions: z.array(z.unknown()),
  nextPage,
});
export const payoutListSchema = z.object({
  success: z.literal(true),
  payouts: z.array(z.unknown()),
  nextPage,
});
/** A single record answers with its fields beside `success: true`. */
export const recordSchema = z.looseObject({ success: z.literal(true) });
