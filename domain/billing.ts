import type { Money } from './money';
import type { Page } from './types';

/**
 * What the billing system knows about a partner's business: the billing accounts of its customers,
 * the subscriptions and invoices an accepted quote turned into, and the payouts that share a paid
 * invoice between the provider, the partner and its distributor. Dates are ISO 8601 days.
 *
 * Every record belongs to a billing account, and every account to one partner: that is how tenancy
 * is decided for billing data, whatever the record was reached through.
 */

/** A customer's account in the billing system, opened for one partner's customer. */
export interface BillingAccount {
  id: string;
  number: string;
  partnerId: string;
  currency: string;
}

/** DRAFT: not yet posted; OPEN: posted with a balance left; PAID: posted and settled; CANCELED. */
export type InvoiceStatus = 'DRAFT' | 'OPEN' | 'PAID' | 'CANCELED';

export interface InvoiceItem {
  id: string;
  sku: string;
  description: string;
  quantity: number;
  unitPrice: Money;
  amount: Money;
  /** The service period the item bills, first and last day. */
  serviceStartDate: string;
  serviceEndDate: string;
}

export interface Invoice {
  id: string;
  number: string;
  accountId: string;
  /** The CPQ quote the invoice bills, when it came from one. */
  quoteId: string | null;
  status: InvoiceStatus;
  invoiceDate: string;
  dueDate: string;
  total: Money;
  balance: Money;
  items: InvoiceItem[];
}

export type SubscriptionStatus = 'DRAFT' | 'PENDING' | 'ACTIVE' | 'SUSPENDED' | 'CANCELED' | 'EXPIRED';

/** One priced product of a subscription; a quote line becomes one charge. */
export interface RatePlanCharge {
  id: string;
  number: string;
  sku: string;
  name: string;
  quantity: number;
  listPrice: Money;
  price: Money;
  /** Discount off the list price in percent, e.g. "12.50". */
  discountPercent: string;
  /** price x quantity over the term. */
  total: Money;
  /** The CPQ quote line the charge was created from, when it came from a quote. */
  quoteLineId: string | null;
}

export interface Subscription {
  id: string;
  number: string;
  accountId: string;
  quoteId: string | null;
  status: SubscriptionStatus;
  contractEffectiveDate: string;
  termStartDate: string;
  termEndDate: string;
  termMonths: number;
  totalContractedValue: Money;
  ratePlanCharges: RatePlanCharge[];
  /** When the billing system created it (ISO 8601 timestamp). */
  createdAt: string;
}

export type RevenueShareParty = 'PROVIDER' | 'PARTNER' | 'DISTRIBUTOR';

export interface RevenueShareSplit {
  party: RevenueShareParty;
  /** The party's id: the provider's, a partner id (`P-00001`) or a distributor id (`D-001`). */
  partyId: string;
  sharePercent: string;
  amount: Money;
}

export type PayoutStatus = 'SCHEDULED' | 'PAID';

/** The revenue share of one paid invoice, split between the parties; the splits add up to `gross`. */
export interface Payout {
  id: string;
  number: string;
  partnerId: string;
  invoiceId: string;
  invoiceNumber: string;
  status: PayoutStatus;
  payoutDate: string;
  gross: Money;
  splits: RevenueShareSplit[];
}

/** A quote known only by its CPQ id, as billing records reference it (`QuoteId__c`). */
export interface QuoteRef {
  id: string;
}

/** A page of a partner's invoices or payouts, before cursors are attached. */
export type InvoiceConnectionPage = Page<Invoice>;
export type PayoutConnectionPage = Page<Payout>;
