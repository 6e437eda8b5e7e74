import { assertCanReadPartner, assertIdentifier, connectionOf, pageOf, pageRequest } from '../host';
import type { Quote } from '../../domain';
import type { Viewer } from '../../runtime';
import { catalogOf, priceBookOf } from './catalog';
import type { Resolvers } from './generated/resolvers-types';
import { catalogEntry, productFamily } from './products';
import {
  addQuoteLine,
  createQuote,
  priceQuote,
  removeQuoteLine,
  submitQuote,
  updateQuoteLine,
} from './quote-commands';
import { assertQuoteFilter, filterQuotes } from './quote-filters';

/** A quote is readable by its own partner's users and by channel managers. */
function readable(viewer: Viewer, quote: Quote | null): Quote | null {
  if (quote) assertCanReadPartner(viewer, quote.partnerId);
  return quote;
}

export const resolvers: Resolvers = {
  Query: {
    quote: async (_root, { id }, { viewer, cpq }) => {
      assertIdentifier('quoteId', id, 'id');
      return readable(viewer, await cpq.quoteById.load(id));
    },
  },
  Mutation: {
    createQuote: (_root, { input, idempotencyKey }, context) => createQuote(context, input, idempotencyKey),
    addQuoteLine: (_root, { quoteId, input, idempotencyKey }, context) =>
      addQuoteLine(context, quoteId, input, idempotencyKey),
    updateQuoteLine: (_root, { lineId, input, idempotencyKey }, context) =>
      updateQuoteLine(context, lineId, input, idempotencyKey),
    removeQuoteLine: (_root, { lineId, idempotencyKey }, context) =>
      removeQuoteLine(context, lineId, idempotencyKey),
    priceQuote: (_root, { quoteId, idempotencyKey }, context) => priceQuote(context, quoteId, idempotencyKey),
    submitQuote: (_root, { quoteId, idempotencyKey }, context) =>
      submitQuote(context, quoteId, idempotencyKey),
  },
  Partner: {
    __resolveReference: (reference, { viewer }) => {
      assertCanReadPartner(viewer, reference.id);
      return { id: reference.id };
    },
    quotes: async (partner, { first, after, ...filter }, { viewer, cpq }) => {
      assertCanReadPartner(viewer, partner.id);
      const page = pageRequest(first, after);
      assertQuoteFilter(filter);
      return pageOf(filterQuotes(await cpq.quotesByPartnerId.load(partner.id), filter), page);
    },
    customers: (partner, _args, { viewer, cpq }) => {
      assertCanReadPartner(viewer, partner.id);
      return cpq.customersByPartnerId.load(partner.id);
    },
    catalog: (partner, { currency }, context) => {
      assertCanReadPartner(context.viewer, partner.id);
      return catalogOf(context, partner.id, currency);
    },
  },
  Catalog: {
    certifiedFamilies: (catalog) => catalog.families,
    priceBook: (catalog, _args, context) => priceBookOf(context, catalog),
  },
  QuoteConnection: {
    edges: (page) => connectionOf(page).edges,
    pageInfo: (page) => connectionOf(page).pageInfo,
    totalCount: (page) => page.totalCount,
  },
  Quote: {
    __resolveReference: async (reference, { viewer, cpq }) =>
      readable(viewer, await cpq.quoteById.load(reference.id)),
    partner: (quote) => ({ id: quote.partnerId }),
    lines: (quote, _args, { cpq }) => cpq.linesByQuoteId.load(quote.id),
    customer: (quote, _args, { cpq }) => cpq.customerById.load(quote.customerAccountId),
    dealRegistration: (quote) => (quote.dealRegistrationId ? { id: quote.dealRegistrationId } : null),
    closeDate: async (quote, _args, { cpq }) =>
      (await cpq.opportunityByQuoteId.load(quote.id))?.closeDate ?? null,
  },
  QuoteLine: {
    product: (line) => ({ sku: line.sku, name: line.productName }),
    discount: (line) => line.discountPercent,
    additionalDiscount: (line) => line.additionalDiscountPercent,
  },
  Product: {
    __resolveReference: (reference, { cpq }) => cpq.productBySku.load(reference.sku),
    family: async (product, _args, { cpq }) => productFamily((await catalogEntry(cpq, product.sku)).value),
    active: async (product, _args, { cpq }) => (await catalogEntry(cpq, product.sku)).value.active,
    freshness: async (product, _args, { cpq }) => {
      const { freshness } = await catalogEntry(cpq, product.sku);
      return { asOf: freshness.asOf, stale: freshness.stale, ageSeconds: Math.floor(freshness.ageMs / 1000) };
    },
  },
};
