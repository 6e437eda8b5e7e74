import { assertCanReadPartner, connectionOf, pageOf } from '../host';
import type { Quote } from '../../domain';
import type { Viewer } from '../../runtime';
import type { Resolvers } from './generated/resolvers-types';
import { catalogEntry, productFamily } from './products';
import { filterQuotes } from './quote-filters';

/** A quote is readable by its own partner's users and by channel managers. */
function readable(viewer: Viewer, quote: Quote | null): Quote | null {
  if (quote) assertCanReadPartner(viewer, quote.partnerId);
  return quote;
}

export const resolvers: Resolvers = {
  Query: {
    quote: async (_root, { id }, { viewer, cpq }) => readable(viewer, await cpq.quoteById.load(id)),
  },
  Partner: {
    __resolveReference: (reference, { viewer }) => {
      assertCanReadPartner(viewer, reference.id);
      return { id: reference.id };
    },
    quotes: async (partner, { first, after, ...filter }, { viewer, cpq }) => {
      assertCanReadPartner(viewer, partner.id);
      return pageOf(filterQuotes(await cpq.quotesByPartnerId.load(partner.id), filter), first, after);
    },
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
  },
  QuoteLine: {
    product: (line) => ({ sku: line.sku, name: line.productName }),
    discount: (line) => line.discountPercent,
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
