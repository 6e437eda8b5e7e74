import { Decimal, type Quote, type QuoteStatus } from '../../domain';
import { badUserInput } from '../host';

/** Filtering and ordering of a partner's quotes, on the list the CPQ returned for the partner. */
export type QuoteOrder = 'CREATED_AT_DESC' | 'CREATED_AT_ASC' | 'NET_TOTAL_DESC' | 'NET_TOTAL_ASC';

export interface QuoteFilter {
  status?: readonly QuoteStatus[] | null;
  createdFrom?: string | null;
  createdTo?: string | null;
  orderBy?: QuoteOrder | null;
}

const COMPARATORS: Record<QuoteOrder, (a: Quote, b: Quote) => number> = {
  CREATED_AT_DESC: (a, b) => b.createdAt.localeCompare(a.createdAt) || b.number.localeCompare(a.number),
  CREATED_AT_ASC: (a, b) => a.createdAt.localeCompare(b.createdAt) || a.number.localeCompare(b.number),
  NET_TOTAL_DESC: (a, b) =>
    new Decimal(b.netTotal.amount).cmp(a.netTotal.amount) || b.number.localeCompare(a.number),
  NET_TOTAL_ASC: (a, b) =>
    new Decimal(a.netTotal.amount).cmp(b.netTotal.amount) || a.number.localeCompare(b.number),
};

/** Refuses a filter that cannot match anything; called before the partner's quotes are read. */
export function assertQuoteFilter({ createdFrom, createdTo }: QuoteFilter): void {
  // Both are Date scalars, calendar dates YYYY-MM-DD, which compare as strings.
  if (createdFrom && createdTo && createdFrom > createdTo) {
    throw badUserInput('`createdFrom` is after `createdTo`', 'createdFrom');
  }
}

export function filterQuotes(quotes: readonly Quote[], filter: QuoteFilter): Quote[] {
  const from = filter.createdFrom ?? undefined;
  const to = filter.createdTo ?? undefined;
  const statuses = filter.status && filter.status.length > 0 ? new Set(filter.status) : undefined;
  return quotes
    .filter((quote) => {
      const day = quote.createdAt.slice(0, 10);
      return (!statuses || statuses.has(quote.status)) && (!from || day >= from) && (!to || day <= to);
    })
    .sort(COMPARATORS[filter.orderBy ?? 'CREATED_AT_DESC']);
}
