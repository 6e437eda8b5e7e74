import { connectionOf, pageOf } from '../host';
import type { Resolvers } from './generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: {
    quote: (_root, { id }, { cpq }) => cpq.quoteById.load(id),
  },
  Partner: {
    __resolveReference: (reference) => ({ id: reference.id }),
    quotes: async (partner, { first, after }, { cpq }) =>
      pageOf(await cpq.quotesByPartnerId.load(partner.id), first, after),
  },
  QuoteConnection: {
    edges: (page) => connectionOf(page).edges,
    pageInfo: (page) => connectionOf(page).pageInfo,
    totalCount: (page) => page.totalCount,
  },
  Quote: {
    __resolveReference: (reference, { cpq }) => cpq.quoteById.load(reference.id),
    partner: (quote) => ({ id: quote.partnerId }),
    lines: (quote, _args, { cpq }) => cpq.linesByQuoteId.load(quote.id),
  },
  QuoteLine: {
    product: (line) => ({ sku: line.sku, name: line.productName }),
    discount: (line) => line.discountPercent,
  },
  Product: {
    __resolveReference: (reference, { cpq }) => cpq.productBySku.load(reference.sku),
  },
};
