import Decimal from 'decimal.js';
import type {
  BillingAccount,
  Dataset,
  Invoice,
  InvoiceItem,
  Payment,
  Payout,
  PrmTierName,
  Product2,
  RatePlan,
  Subscription,
} from '../seed/dataset';
import { addDays, addMonths, zuoraId } from '../seed/common';
import { chargeNumber, invoiceNumber, payoutNumber, subscriptionNumber, ZUORA_PREFIX } from '../seed/billing';
import { revenueShareSplits } from './revenue-share';

/**
 * The billing system's state: the seeded records, indexed the ways the API reads them, and the two
 * writes it accepts (a subscription, a payout). The dataset is never mutated: new records go into
 * this store's own lists.
 */

/** A Zuora business error: `code` is resource x 100 + category (40 not found, 30 rule restriction...). */
export interface Reason {
  code: number;
  message: string;
}

export const REASON_CODES = {
  authentication: 90000011,
  invalidValue: 90000020,
  missingValue: 90000022,
  idempotencyConflict: 90000030,
  malformedRequest: 90000090,
  internal: 90000060,
  accountNotFound: 50000040,
  productNotFound: 51000040,
  subscriptionNotFound: 53000040,
  invoiceNotFound: 58000040,
  invoiceOpen: 58000030,
  paymentNotFound: 59000040,
  payoutNotFound: 61000040,
  payoutExists: 61000030,
} as const;

export type Result<T> = { ok: T } | { reason: Reason };

export interface NewSubscription {
  accountKey: string;
  contractEffectiveDate: string;
  initialTerm: number;
  QuoteId__c?: string;
  OpportunityId__c?: string;
  runBilling: boolean;
  subscribeToRatePlans: Array<{ productCode: string; quantity: number; price?: string }>;
}

class Index<T> {
  private readonly groups = new Map<string, T[]>();

  constructor(private readonly key: (item: T) => string | null) {}

  add(item: T): void {
    const key = this.key(item);
    if (key === null) return;
    const group = this.groups.get(key);
    if (group) group.push(item);
    else this.groups.set(key, [item]);
  }

  get(key: string): T[] {
    return this.groups.get(key) ?? [];
  }
}

function indexed<T>(items: T[], key: (item: T) => string | null): Index<T> {
  const index = new Index(key);
  for (const item of items) index.add(item);
  return index;
}

export class BillingStore {
  readonly accounts: BillingAccount[];
  private readonly accountByKey = new Map<string, BillingAccount>();
  readonly accountsByPartner: Index<BillingAccount>;
  private readonly subscriptions: Subscription[];
  private readonly subscriptionByKey = new Map<string, Subscription>();
  readonly subscriptionsByAccount: Index<Subscription>;
  readonly subscriptionsByQuote: Index<Subscription>;
  private readonly invoiceByKey = new Map<string, Invoice>();
  readonly invoicesByAccount: Index<Invoice>;
  readonly invoicesByQuote: Index<Invoice>;
  readonly itemsByInvoice: Index<InvoiceItem>;
  private readonly paymentById = new Map<string, Payment>();
  readonly paymentsByAccount: Index<Payment>;
  private readonly paymentByInvoice = new Map<string, Payment>();
  private readonly payouts: Payout[];
  private readonly payoutById = new Map<string, Payout>();
  readonly payoutsByPartner: Index<Payout>;
  private readonly payoutByInvoice = new Map<string, Payout>();
  private readonly products: Map<string, Product2>;
  private readonly partnerTiers: Map<string, PrmTierName>;
  private invoiceCount: number;
  private itemCount: number;
  private ratePlanCount: number;
  private chargeCount: number;

  constructor(dataset: Dataset) {
    const { billing } = dataset;
    this.accounts = [...billing.accounts];
    for (const account of this.accounts) {
      this.accountByKey.set(account.id, account);
      this.accountByKey.set(account.accountNumber, account);
    }
    this.accountsByPartner = indexed(this.accounts, (a) => a.PartnerId__c);
    this.subscriptions = [...billing.subscriptions];
    for (const subscription of this.subscriptions) this.keySubscription(subscription);
    this.subscriptionsByAccount = indexed(this.subscriptions, (s) => s.accountId);
    this.subscriptionsByQuote = indexed(this.subscriptions, (s) => s.QuoteId__c);
    for (const invoice of billing.invoices) this.keyInvoice(invoice);
    this.invoicesByAccount = indexed(billing.invoices, (i) => i.accountId);
    this.invoicesByQuote = indexed(billing.invoices, (i) => i.QuoteId__c);
    this.itemsByInvoice = indexed(billing.invoiceItems, (i) => i.invoiceId);
    for (const payment of billing.payments) {
      this.paymentById.set(payment.id, payment);
      for (const paid of payment.paidInvoices) this.paymentByInvoice.set(paid.invoiceId, payment);
    }
    this.paymentsByAccount = indexed(billing.payments, (p) => p.accountId);
    this.payouts = [...billing.payouts];
    for (const payout of this.payouts) {
      this.payoutById.set(payout.id, payout);
      this.payoutByInvoice.set(payout.invoiceId, payout);
    }
    this.payoutsByPartner = indexed(this.payouts, (p) => p.partnerId);
    this.products = new Map(dataset.products.map((product) => [product.ProductCode, product]));
    this.partnerTiers = new Map(dataset.partners.map((p) => [p.id, p.partnerLevel.name]));
    this.invoiceCount = billing.invoices.length;
    this.itemCount = billing.invoiceItems.length;
    this.ratePlanCount = billing.subscriptions.reduce((n, s) => n + s.ratePlans.length, 0);
    this.chargeCount = billing.subscriptions.reduce(
      (n, s) => n + s.ratePlans.reduce((m, p) => m + p.ratePlanCharges.length, 0),
      0,
    );
  }

  /** By id or account number, as Zuora's `account-key`. */
  account(key: string): BillingAccount | undefined {
    return this.accountByKey.get(key);
  }

  /** By id or subscription number. */
  subscription(key: string): Subscription | undefined {
    return this.subscriptionByKey.get(key);
  }

  /** By id or invoice number. */
  invoice(key: string): Invoice | undefined {
    return this.invoiceByKey.get(key);
  }

  payment(id: string): Payment | undefined {
    return this.paymentById.get(id);
  }

  payout(id: string): Payout | undefined {
    return this.payoutById.get(id);
  }

  /** What the account owes: the open balance of its invoices. */
  accountBalance(account: BillingAccount): string {
    return this.invoicesByAccount
      .get(account.id)
      .reduce((sum, invoice) => sum.plus(invoice.balance), new Decimal(0))
      .toFixed(2);
  }

  createSubscription(
    request: NewSubscription,
  ): Result<{ subscription: Subscription; invoice?: Invoice; items: InvoiceItem[] }> {
    const account = this.account(request.accountKey);
    if (!account) return notFound(REASON_CODES.accountNotFound, request.accountKey);
    const ratePlans: RatePlan[] = [];
    for (const plan of request.subscribeToRatePlans) {
      const product = this.products.get(plan.productCode);
      if (!product) return notFound(REASON_CODES.productNotFound, plan.productCode);
      const listPrice = new Decimal(product.prices[account.currency]);
      const price = new Decimal(plan.price ?? listPrice);
      this.ratePlanCount += 1;
      this.chargeCount += 1;
      ratePlans.push({
        id: zuoraId(ZUORA_PREFIX.ratePlan, this.ratePlanCount),
        productName: product.Name,
        productSku: product.ProductCode,
        ratePlanName: `${product.Name} Annual`,
        ratePlanCharges: [
          {
            id: zuoraId(ZUORA_PREFIX.charge, this.chargeCount),
            number: chargeNumber(this.chargeCount),
            name: product.Name,
            productCode: product.ProductCode,
            type: 'OneTime',
            model: 'PerUnit',
            quantity: plan.quantity,
            listPrice: listPrice.toFixed(2),
            price: price.toFixed(2),
            discountPercentage: listPrice.isZero()
              ? '0.00'
              : new Decimal(1)
                  .minus(price.div(listPrice))
                  .times(100)
                  .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
                  .toFixed(2),
            tcv: price.times(plan.quantity).toFixed(2),
            QuoteLineId__c: null,
          },
        ],
      });
    }
    const charges = ratePlans.flatMap((plan) => plan.ratePlanCharges);
    const sequence = this.subscriptions.length + 1;
    const termEndDate = addMonths(request.contractEffectiveDate, request.initialTerm);
    const subscription: Subscription = {
      id: zuoraId(ZUORA_PREFIX.subscription, sequence),
      subscriptionNumber: subscriptionNumber(sequence),
      accountId: account.id,
      accountNumber: account.accountNumber,
      status: 'Active',
      termType: 'TERMED',
      initialTerm: request.initialTerm,
      initialTermPeriodType: 'Month',
      contractEffectiveDate: request.contractEffectiveDate,
      termStartDate: request.contractEffectiveDate,
      termEndDate,
      currency: account.currency,
      totalContractedValue: charges.reduce((sum, c) => sum.plus(c.tcv), new Decimal(0)).toFixed(2),
      QuoteId__c: request.QuoteId__c ?? null,
      OpportunityId__c: request.OpportunityId__c ?? null,
      ratePlans,
      createdDate: new Date().toISOString(),
    };
    this.subscriptions.push(subscription);
    this.keySubscription(subscription);
    this.subscriptionsByAccount.add(subscription);
    this.subscriptionsByQuote.add(subscription);
    if (!request.runBilling) return { ok: { subscription, items: [] } };

    this.invoiceCount += 1;
    const invoice: Invoice = {
      id: zuoraId(ZUORA_PREFIX.invoice, this.invoiceCount),
      invoiceNumber: invoiceNumber(this.invoiceCount),
      accountId: account.id,
      accountNumber: account.accountNumber,
      invoiceDate: request.contractEffectiveDate,
      dueDate: addDays(request.contractEffectiveDate, 30),
      currency: account.currency,
      amount: subscription.totalContractedValue,
      balance: subscription.totalContractedValue,
      status: 'Posted',
      QuoteId__c: subscription.QuoteId__c,
      createdDate: subscription.createdDate,
    };
    const items = charges.map((charge): InvoiceItem => {
      this.itemCount += 1;
      return {
        id: zuoraId(ZUORA_PREFIX.invoiceItem, this.itemCount),
        invoiceId: invoice.id,
        subscriptionId: subscription.id,
        subscriptionNumber: subscription.subscriptionNumber,
        chargeId: charge.id,
        chargeName: charge.name,
        productCode: charge.productCode,
        quantity: charge.quantity,
        unitPrice: charge.price,
        chargeAmount: charge.tcv,
        serviceStartDate: subscription.termStartDate,
        serviceEndDate: addDays(termEndDate, -1),
      };
    });
    this.keyInvoice(invoice);
    this.invoicesByAccount.add(invoice);
    this.invoicesByQuote.add(invoice);
    for (const item of items) this.itemsByInvoice.add(item);
    return { ok: { subscription, invoice, items } };
  }

  /** Pays out the revenue share of a fully paid invoice, once. */
  createPayout(invoiceKey: string, today: string): Result<Payout> {
    const invoice = this.invoice(invoiceKey);
    if (!invoice) return notFound(REASON_CODES.invoiceNotFound, invoiceKey);
    const payment = this.paymentByInvoice.get(invoice.id);
    if (!payment || !new Decimal(invoice.balance).isZero()) {
      return {
        reason: {
          code: REASON_CODES.invoiceOpen,
          message: `Invoice ${invoice.invoiceNumber} has an open balance of ${invoice.balance}.`,
        },
      };
    }
    const existing = this.payoutByInvoice.get(invoice.id);
    if (existing) {
      return {
        reason: {
          code: REASON_CODES.payoutExists,
          message: `Invoice ${invoice.invoiceNumber} was already paid out in ${existing.payoutNumber}.`,
        },
      };
    }
    const account = this.account(invoice.accountId)!;
    const tier = this.partnerTiers.get(account.PartnerId__c) ?? 'Registered';
    const sequence = this.payouts.length + 1;
    const payout: Payout = {
      id: zuoraId(ZUORA_PREFIX.payout, sequence),
      payoutNumber: payoutNumber(sequence),
      partnerId: account.PartnerId__c,
      invoiceId: invoice.id,
      invoiceNumber: invoice.invoiceNumber,
      paymentId: payment.id,
      currency: invoice.currency,
      grossAmount: invoice.amount,
      status: 'Scheduled',
      payoutDate: today,
      splits: revenueShareSplits(
        invoice.amount,
        { id: account.PartnerId__c, tier },
        account.DistributorId__c,
      ),
    };
    this.payouts.push(payout);
    this.payoutById.set(payout.id, payout);
    this.payoutByInvoice.set(invoice.id, payout);
    this.payoutsByPartner.add(payout);
    return { ok: payout };
  }

  private keySubscription(subscription: Subscription): void {
    this.subscriptionByKey.set(subscription.id, subscription);
    this.subscriptionByKey.set(subscription.subscriptionNumber, subscription);
  }

  private keyInvoice(invoice: Invoice): void {
    this.invoiceByKey.set(invoice.id, invoice);
    this.invoiceByKey.set(invoice.invoiceNumber, invoice);
  }
}

function notFound(code: number, key: string): { reason: Reason } {
  return { reason: { code, message: `Cannot find entity by key: '${key}'.` } };
}
