import Decimal from 'decimal.js';
import type { SeededRandom } from './random';
import type { SfAccount } from './crm';
import { addDays, addMonths, sequenceNumber, type SeedCalendar, zuoraId } from './common';
import type { CurrencyCode, PrmAccount, SbqqQuote, SbqqQuoteLine } from './dataset';
import { revenueShareSplits, type RevenueShareSplit } from '../billing/revenue-share';

/**
 * The billing system's records, Zuora-like: one billing account per end customer, and for every
 * accepted quote a subscription (one rate plan and charge per quote line), an invoice with one item
 * per charge, a payment once the customer paid, and a payout splitting the payment between the
 * provider, the partner and (when there is one) the distributor.
 */

export interface BillingAccount {
  id: string;
  accountNumber: string;
  name: string;
  status: 'Active' | 'Canceled';
  currency: CurrencyCode;
  /** The CRM (CPQ) account id of the customer. */
  crmId: string;
  PartnerId__c: string;
  DistributorId__c: string | null;
  paymentTerm: 'Net 30';
  billCycleDay: number;
  billToContact: { country: string };
  createdDate: string;
}

export interface RatePlanCharge {
  id: string;
  number: string;
  name: string;
  productCode: string;
  type: 'OneTime';
  model: 'PerUnit';
  quantity: number;
  listPrice: string;
  price: string;
  discountPercentage: string;
  tcv: string;
  QuoteLineId__c: string | null;
}

export interface RatePlan {
  id: string;
  productName: string;
  productSku: string;
  ratePlanName: string;
  ratePlanCharges: RatePlanCharge[];
}

export interface Subscription {
  id: string;
  subscriptionNumber: string;
  accountId: string;
  accountNumber: string;
  status: 'Active' | 'Cancelled';
  termType: 'TERMED';
  initialTerm: number;
  initialTermPeriodType: 'Month';
  contractEffectiveDate: string;
  termStartDate: string;
  termEndDate: string;
  currency: CurrencyCode;
  totalContractedValue: string;
  QuoteId__c: string | null;
  OpportunityId__c: string | null;
  ratePlans: RatePlan[];
  createdDate: string;
}

export interface InvoiceItem {
  id: string;
  invoiceId: string;
  subscriptionId: string;
  subscriptionNumber: string;
  chargeId: string;
  chargeName: string;
  productCode: string;
  quantity: number;
  unitPrice: string;
  chargeAmount: string;
  serviceStartDate: string;
  serviceEndDate: string;
}

export interface Invoice {
  id: string;
  invoiceNumber: string;
  accountId: string;
  accountNumber: string;
  invoiceDate: string;
  dueDate: string;
  currency: CurrencyCode;
  amount: string;
  balance: string;
  status: 'Posted';
  QuoteId__c: string | null;
  createdDate: string;
}

export interface Payment {
  id: string;
  number: string;
  accountId: string;
  accountNumber: string;
  amount: string;
  currency: CurrencyCode;
  effectiveDate: string;
  status: 'Processed';
  type: 'Electronic';
  paidInvoices: Array<{ invoiceId: string; invoiceNumber: string; appliedPaymentAmount: string }>;
}

export interface Payout {
  id: string;
  payoutNumber: string;
  partnerId: string;
  invoiceId: string;
  invoiceNumber: string;
  paymentId: string;
  currency: CurrencyCode;
  grossAmount: string;
  status: 'Scheduled' | 'Paid';
  payoutDate: string;
  splits: RevenueShareSplit[];
}

export interface BillingData {
  accounts: BillingAccount[];
  subscriptions: Subscription[];
  invoices: Invoice[];
  invoiceItems: InvoiceItem[];
  payments: Payment[];
  payouts: Payout[];
}

export interface AcceptedDeal {
  quote: SbqqQuote;
  lines: SbqqQuoteLine[];
  closeDate: string;
}

export interface InvoiceMismatch {
  quoteId: string;
  invoiceId: string;
  detail: string;
}

export const ZUORA_PREFIX = {
  account: '2c92a0f9',
  subscription: '2c92a0fa',
  ratePlan: '2c92a0fb',
  charge: '2c92a0fc',
  invoice: '2c92a0fd',
  invoiceItem: '2c92a0fe',
  payment: '2c92a0ff',
  payout: '8a8082c5',
} as const;

export const SUBSCRIPTION_TERM_MONTHS = 12;
const PAYMENT_TERM_DAYS = 30;
/** Days between a payment and the payout of its revenue share. */
export const PAYOUT_DELAY_DAYS = 14;

export function accountNumber(sequence: number): string {
  return sequenceNumber('A', sequence, 8);
}
export function subscriptionNumber(sequence: number): string {
  return sequenceNumber('A-S', sequence, 8);
}
export function chargeNumber(sequence: number): string {
  return sequenceNumber('C-', sequence, 8);
}
export function invoiceNumber(sequence: number): string {
  return sequenceNumber('INV', sequence, 8);
}
export function paymentNumber(sequence: number): string {
  return sequenceNumber('PMT-', sequence, 8);
}
export function payoutNumber(sequence: number): string {
  return sequenceNumber('PO-', sequence, 8);
}

export function generateBilling(
  random: SeededRandom,
  partners: PrmAccount[],
  customers: SfAccount[],
  deals: AcceptedDeal[],
  invoiceMismatchQuoteIds: ReadonlySet<string>,
  calendar: SeedCalendar,
): { billing: BillingData; mismatches: InvoiceMismatch[] } {
  const partnerById = new Map(partners.map((partner) => [partner.id, partner]));
  const { asOf, dayDate } = calendar;
  const billing: BillingData = {
    accounts: [],
    subscriptions: [],
    invoices: [],
    invoiceItems: [],
    payments: [],
    payouts: [],
  };
  const mismatches: InvoiceMismatch[] = [];
  const accountByCustomer = new Map<string, BillingAccount>();
  let chargeSequence = 0;
  let ratePlanSequence = 0;

  for (const customer of customers) {
    const sequence = billing.accounts.length + 1;
    const partner = partnerById.get(customer.Partner__c)!;
    const account: BillingAccount = {
      id: zuoraId(ZUORA_PREFIX.account, sequence),
      accountNumber: accountNumber(sequence),
      name: customer.Name,
      status: 'Active',
      currency: customer.CurrencyIsoCode,
      crmId: customer.Id,
      PartnerId__c: partner.id,
      DistributorId__c: partner.distributor?.id ?? null,
      paymentTerm: 'Net 30',
      billCycleDay: 1,
      billToContact: { country: customer.BillingCountry },
      createdDate: `${dayDate(random.int(-400, 0))}T09:00:00.000Z`,
    };
    billing.accounts.push(account);
    accountByCustomer.set(customer.Id, account);
  }

  for (const { quote, lines, closeDate } of deals) {
    const account = accountByCustomer.get(quote.SBQQ__Account__c)!;
    const partner = partnerById.get(quote.SBQQ__Partner__c)!;
    const subscriptionSequence = billing.subscriptions.length + 1;
    const subscriptionId = zuoraId(ZUORA_PREFIX.subscription, subscriptionSequence);
    const termEndDate = addMonths(closeDate, SUBSCRIPTION_TERM_MONTHS);
    const ratePlans: RatePlan[] = lines.map((line) => {
      ratePlanSequence += 1;
      chargeSequence += 1;
      return {
        id: zuoraId(ZUORA_PREFIX.ratePlan, ratePlanSequence),
        productName: line.SBQQ__ProductName__c,
        productSku: line.SBQQ__ProductCode__c,
        ratePlanName: `${line.SBQQ__ProductName__c} Annual`,
        ratePlanCharges: [
          {
            id: zuoraId(ZUORA_PREFIX.charge, chargeSequence),
            number: chargeNumber(chargeSequence),
            name: line.SBQQ__ProductName__c,
            productCode: line.SBQQ__ProductCode__c,
            type: 'OneTime',
            model: 'PerUnit',
            quantity: line.SBQQ__Quantity__c,
            listPrice: line.SBQQ__ListPrice__c,
            price: line.SBQQ__NetPrice__c,
            discountPercentage: line.SBQQ__Discount__c,
            tcv: line.SBQQ__NetTotal__c,
            QuoteLineId__c: line.Id,
          },
        ],
      };
    });
    billing.subscriptions.push({
      id: subscriptionId,
      subscriptionNumber: subscriptionNumber(subscriptionSequence),
      accountId: account.id,
      accountNumber: account.accountNumber,
      status: 'Active',
      termType: 'TERMED',
      initialTerm: SUBSCRIPTION_TERM_MONTHS,
      initialTermPeriodType: 'Month',
      contractEffectiveDate: closeDate,
      termStartDate: closeDate,
      termEndDate,
      currency: quote.CurrencyIsoCode,
      totalContractedValue: quote.SBQQ__NetAmount__c,
      QuoteId__c: quote.Id,
      OpportunityId__c: quote.SBQQ__Opportunity2__c,
      ratePlans,
      createdDate: `${closeDate}T12:00:00.000Z`,
    });

    const invoiceSequence = billing.invoices.length + 1;
    const invoiceId = zuoraId(ZUORA_PREFIX.invoice, invoiceSequence);
    const charges = ratePlans.map((plan) => plan.ratePlanCharges[0]!);
    // A deliberate discrepancy bills the most discounted line at list price (the discount was lost),
    // or one unit too many when no line was discounted.
    let mismatchDetail: string | undefined;
    let mismatchChargeId: string | undefined;
    if (invoiceMismatchQuoteIds.has(quote.Id)) {
      const discounted = [...charges].sort((a, b) =>
        new Decimal(b.discountPercentage).comparedTo(a.discountPercentage),
      )[0]!;
      mismatchChargeId = discounted.id;
      mismatchDetail = new Decimal(discounted.discountPercentage).isZero()
        ? `${discounted.productCode} invoiced for one unit more than quoted`
        : `${discounted.productCode} invoiced at list price, without its ${discounted.discountPercentage}% discount`;
    }
    let invoiceAmount = new Decimal(0);
    for (const charge of charges) {
      let quantity = charge.quantity;
      let unitPrice = charge.price;
      if (charge.id === mismatchChargeId) {
        if (new Decimal(charge.discountPercentage).isZero()) quantity += 1;
        else unitPrice = charge.listPrice;
      }
      const chargeAmount = new Decimal(unitPrice).times(quantity);
      invoiceAmount = invoiceAmount.plus(chargeAmount);
      billing.invoiceItems.push({
        id: zuoraId(ZUORA_PREFIX.invoiceItem, billing.invoiceItems.length + 1),
        invoiceId,
        subscriptionId,
        subscriptionNumber: subscriptionNumber(subscriptionSequence),
        chargeId: charge.id,
        chargeName: charge.name,
        productCode: charge.productCode,
        quantity,
        unitPrice,
        chargeAmount: chargeAmount.toFixed(2),
        serviceStartDate: closeDate,
        serviceEndDate: addDays(termEndDate, -1),
      });
    }
    if (mismatchDetail) mismatches.push({ quoteId: quote.Id, invoiceId, detail: mismatchDetail });

    const amount = invoiceAmount.toFixed(2);
    const paidOn = random.chance(0.85) ? addDays(closeDate, random.int(3, 45)) : undefined;
    const paid = paidOn !== undefined && paidOn <= asOf;
    const invoice: Invoice = {
      id: invoiceId,
      invoiceNumber: invoiceNumber(invoiceSequence),
      accountId: account.id,
      accountNumber: account.accountNumber,
      invoiceDate: closeDate,
      dueDate: addDays(closeDate, PAYMENT_TERM_DAYS),
      currency: quote.CurrencyIsoCode,
      amount,
      balance: paid ? '0.00' : amount,
      status: 'Posted',
      QuoteId__c: quote.Id,
      createdDate: `${closeDate}T12:05:00.000Z`,
    };
    billing.invoices.push(invoice);
    if (!paid) continue;

    const paymentSequence = billing.payments.length + 1;
    const payment: Payment = {
      id: zuoraId(ZUORA_PREFIX.payment, paymentSequence),
      number: paymentNumber(paymentSequence),
      accountId: account.id,
      accountNumber: account.accountNumber,
      amount,
      currency: invoice.currency,
      effectiveDate: paidOn,
      status: 'Processed',
      type: 'Electronic',
      paidInvoices: [{ invoiceId, invoiceNumber: invoice.invoiceNumber, appliedPaymentAmount: amount }],
    };
    billing.payments.push(payment);
    const payoutDate = addDays(paidOn, PAYOUT_DELAY_DAYS);
    if (payoutDate > asOf) continue;
    const payoutSequence = billing.payouts.length + 1;
    billing.payouts.push({
      id: zuoraId(ZUORA_PREFIX.payout, payoutSequence),
      payoutNumber: payoutNumber(payoutSequence),
      partnerId: partner.id,
      invoiceId,
      invoiceNumber: invoice.invoiceNumber,
      paymentId: payment.id,
      currency: invoice.currency,
      grossAmount: amount,
      status: 'Paid',
      payoutDate,
      splits: revenueShareSplits(
        amount,
        { id: partner.id, tier: partner.partnerLevel.name },
        partner.distributor?.id ?? null,
      ),
    });
  }
  return { billing, mismatches };
}
