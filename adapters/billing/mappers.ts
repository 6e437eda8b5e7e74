import type { ZodType } from 'zod';
import {
  type BillingAccount,
  Decimal,
  type Invoice,
  type InvoiceStatus,
  money,
  type Payout,
  type PayoutStatus,
  type RevenueShareParty,
  type Subscription,
  type SubscriptionStatus,
} from '../../domain';
import { malformedRecord, parseLegacyRecord, type UpstreamErrorCode } from '../http';
import {
  zuoraAccountSchema,
  zuoraInvoiceSchema,
  type ZuoraInvoice,
  zuoraPayoutSchema,
  type ZuoraPayout,
  type ZuoraRejection,
  zuoraSubscriptionSchema,
  type ZuoraSubscription,
} from './types';

const SUBSCRIPTION_STATUSES: Record<ZuoraSubscription['status'], SubscriptionStatus> = {
  Draft: 'DRAFT',
  'Pending Activation': 'PENDING',
  'Pending Acceptance': 'PENDING',
  Active: 'ACTIVE',
  Suspended: 'SUSPENDED',
  Cancelled: 'CANCELED',
  Expired: 'EXPIRED',
};

const PAYOUT_STATUSES: Record<ZuoraPayout['status'], PayoutStatus> = {
  Scheduled: 'SCHEDULED',
  Paid: 'PAID',
};

const PARTIES: Record<ZuoraPayout['splits'][number]['party'], RevenueShareParty> = {
  provider: 'PROVIDER',
  partner: 'PARTNER',
  distributor: 'DISTRIBUTOR',
};

const malformed = (operation: string) => malformedRecord('billing', operation);

function parseRecord<T>(schema: ZodType<T>, record: unknown, operation: string): T {
  return parseLegacyRecord(schema, record, { system: 'billing', operation });
}

/**
 * Zuora says "posted" for an invoice whether or not it was paid; what a partner asks is whether
 * money is still owed, so a posted invoice is OPEN while it has a balance and PAID once it has none.
 */
function invoiceStatus(invoice: ZuoraInvoice): InvoiceStatus {
  if (invoice.status === 'Draft') return 'DRAFT';
  if (invoice.status === 'Canceled') return 'CANCELED';
  return new Decimal(invoice.balance).isZero() ? 'PAID' : 'OPEN';
}

export function toBillingAccount(record: unknown): BillingAccount {
  const account = parseRecord(zuoraAccountSchema, record, 'mapAccount');
  return {
    id: account.id,
    number: account.accountNumber,
    partnerId: account.PartnerId__c,
    currency: account.currency,
  };
}

export function toInvoice(record: unknown): Invoice {
  const invoice = parseRecord(zuoraInvoiceSchema, record, 'mapInvoice');
  const { currency } = invoice;
  return {
    id: invoice.id,
    number: invoice.invoiceNumber,
    accountId: invoice.accountId,
    quoteId: invoice.QuoteId__c,
    status: invoiceStatus(invoice),
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    total: money(invoice.amount, currency),
    balance: money(invoice.balance, currency),
    items: invoice.invoiceItems.map((item) => ({
      id: item.id,
      sku: item.productCode,
      description: item.chargeName,
      quantity: item.quantity,
      unitPrice: money(item.unitPrice, currency),
      amount: money(item.chargeAmount, currency),
      serviceStartDate: item.serviceStartDate,
      serviceEndDate: item.serviceEndDate,
    })),
  };
}

export function toSubscription(record: unknown): Subscription {
  const subscription = parseRecord(zuoraSubscriptionSchema, record, 'mapSubscription');
  const { currency } = subscription;
  return {
    id: subscription.id,
    number: subscription.subscriptionNumber,
    accountId: subscription.accountId,
    quoteId: subscription.QuoteId__c,
    status: SUBSCRIPTION_STATUSES[subscription.status],
    contractEffectiveDate: subscription.contractEffectiveDate,
    termStartDate: subscription.termStartDate,
    termEndDate: subscription.termEndDate,
    termMonths: subscription.initialTerm,
    totalContractedValue: money(subscription.totalContractedValue, currency),
    ratePlanCharges: subscription.ratePlans.flatMap((plan) =>
      plan.ratePlanCharges.map((charge) => ({
        id: charge.id,
        number: charge.number,
        sku: charge.productCode,
        name: charge.name,
        quantity: charge.quantity,
        listPrice: money(charge.listPrice, currency),
        price: money(charge.price, currency),
        discountPercent: charge.discountPercentage,
        total: money(charge.tcv, currency),
        quoteLineId: charge.QuoteLineId__c,
      })),
    ),
    createdAt: subscription.createdDate,
  };
}

/** A payout whose splits do not add up to its gross is refused: the graph never shows money that does not add up. */
export function toPayout(record: unknown): Payout {
  const payout = parseRecord(zuoraPayoutSchema, record, 'mapPayout');
  const { currency } = payout;
  const splitTotal = payout.splits.reduce((sum, split) => sum.plus(split.amount), new Decimal(0));
  if (!splitTotal.eq(payout.grossAmount)) throw malformed('mapPayout');
  return {
    id: payout.id,
    number: payout.payoutNumber,
    partnerId: payout.partnerId,
    invoiceId: payout.invoiceId,
    invoiceNumber: payout.invoiceNumber,
    status: PAYOUT_STATUSES[payout.status],
    payoutDate: payout.payoutDate,
    gross: money(payout.grossAmount, currency),
    splits: payout.splits.map((split) => ({
      party: PARTIES[split.party],
      partyId: split.partyId,
      sharePercent: split.sharePercent,
      amount: money(split.amount, currency),
    })),
  };
}

/**
 * The code a `success: false` answer stands for. Zuora's reason code is resource x 100 + category;
 * the category says what kind of business answer it is. Anything else (a malformed request, an
 * unknown category) is not something a client can act on: UPSTREAM_BAD_RESPONSE.
 */
export type RejectionCode = Extract<
  UpstreamErrorCode,
  'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'UPSTREAM_BAD_RESPONSE'
>;

const REASON_CATEGORIES: Record<number, RejectionCode> = {
  20: 'BAD_USER_INPUT', // invalid value
  21: 'BAD_USER_INPUT', // unknown field
  22: 'BAD_USER_INPUT', // missing value
  30: 'CONFLICT', // rule restriction
  40: 'NOT_FOUND',
};

export function codeForRejection(rejection: ZuoraRejection): RejectionCode {
  return REASON_CATEGORIES[rejection.reasons[0]!.code % 100] ?? 'UPSTREAM_BAD_RESPONSE';
}
