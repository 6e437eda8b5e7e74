import type { Invoice, Payout } from '../../domain';
import { assertCanReadPartner, connectionOf, pageOf, pageRequest } from '../host';
import type { Resolvers } from './generated/resolvers-types';
import { assertCanReadBillingRecords } from './ownership';

const newestInvoiceFirst = (a: Invoice, b: Invoice) =>
  b.invoiceDate.localeCompare(a.invoiceDate) || b.number.localeCompare(a.number);
const oldestInvoiceFirst = (a: Invoice, b: Invoice) => newestInvoiceFirst(b, a);
const newestPayoutFirst = (a: Payout, b: Payout) =>
  b.payoutDate.localeCompare(a.payoutDate) || b.number.localeCompare(a.number);

export const resolvers: Resolvers = {
  Partner: {
    __resolveReference: (reference, { viewer }) => {
      assertCanReadPartner(viewer, reference.id);
      return { id: reference.id };
    },
    invoices: async (partner, { first, after, status }, { viewer, billing }) => {
      assertCanReadPartner(viewer, partner.id);
      const page = pageRequest(first, after);
      const invoices = await billing.invoicesByPartnerId.load(partner.id);
      await assertCanReadBillingRecords(viewer, billing, invoices);
      const statuses = status && status.length > 0 ? new Set(status) : undefined;
      const kept = invoices.filter((invoice) => !statuses || statuses.has(invoice.status));
      return pageOf(kept.sort(newestInvoiceFirst), page);
    },
    payouts: async (partner, { first, after }, { viewer, billing }) => {
      assertCanReadPartner(viewer, partner.id);
      const page = pageRequest(first, after);
      const payouts = await billing.payoutsByPartnerId.load(partner.id);
      for (const payout of payouts) assertCanReadPartner(viewer, payout.partnerId);
      return pageOf([...payouts].sort(newestPayoutFirst), page);
    },
  },
  InvoiceConnection: {
    edges: (page) => connectionOf(page).edges,
    pageInfo: (page) => connectionOf(page).pageInfo,
    totalCount: (page) => page.totalCount,
  },
  PayoutConnection: {
    edges: (page) => connectionOf(page).edges,
    pageInfo: (page) => connectionOf(page).pageInfo,
    totalCount: (page) => page.totalCount,
  },
  Quote: {
    // Billing cannot tell whose a quote is; its records can, and are checked where they are read.
    __resolveReference: (reference) => ({ id: reference.id }),
    invoices: async (quote, _args, { viewer, billing }) => {
      const invoices = await billing.invoicesByQuoteId.load(quote.id);
      await assertCanReadBillingRecords(viewer, billing, invoices);
      return [...invoices].sort(oldestInvoiceFirst);
    },
    subscription: async (quote, _args, { viewer, billing }) => {
      const subscription = await billing.subscriptionByQuoteId.load(quote.id);
      if (subscription) await assertCanReadBillingRecords(viewer, billing, [subscription]);
      return subscription;
    },
  },
  Invoice: {
    __resolveReference: async (reference, { viewer, billing }) => {
      const invoice = await billing.invoiceById.load(reference.id);
      if (invoice) await assertCanReadBillingRecords(viewer, billing, [invoice]);
      return invoice;
    },
    quote: (invoice) => (invoice.quoteId ? { id: invoice.quoteId } : null),
  },
  RatePlanCharge: {
    discount: (charge) => charge.discountPercent,
  },
  Payout: {
    period: (payout) => payout.payoutDate.slice(0, 7),
  },
  RevenueShareSplit: {
    partner: (split) => (split.party === 'PARTNER' ? { id: split.partyId } : null),
  },
};
