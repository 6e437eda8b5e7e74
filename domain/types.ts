import type { Money } from './money';

/** Domain objects: what adapters return and subgraphs serve. No legacy field names here. */

export type PartnerTier = 'REGISTERED' | 'SILVER' | 'GOLD' | 'PLATINUM';
export type PartnerStatus = 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';

export interface Partner {
  id: string;
  name: string;
  tier: PartnerTier;
  region: string;
  status: PartnerStatus;
  country: string;
  currency: string;
}

export type QuoteStatus = 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'PRESENTED' | 'ACCEPTED' | 'REJECTED';

export interface Quote {
  id: string;
  number: string;
  partnerId: string;
  status: QuoteStatus;
  currency: string;
  listTotal: Money;
  netTotal: Money;
  expiresOn: string | null;
  createdAt: string;
}

export interface Product {
  sku: string;
  name: string;
  family: string;
  active: boolean;
}

export interface QuoteLine {
  id: string;
  quoteId: string;
  sku: string;
  productName: string;
  quantity: number;
  listPrice: Money;
  /** Discount as a percentage string, e.g. "12.50" for 12.5 %. */
  discountPercent: string;
  netPrice: Money;
  netTotal: Money;
}

/** One page of a list, as adapters hand it to subgraphs: offset-based, turned into cursors above. */
export interface Page<T> {
  items: T[];
  totalCount: number;
  offset: number;
  hasNextPage: boolean;
}

/** An entity known only by its key, as another subgraph hands it over. */
export interface PartnerRef {
  id: string;
}

export interface ProductRef {
  sku: string;
  name: string;
}

/** A page of a partner's quotes, before cursors are attached. */
export type QuoteConnectionPage = Page<Quote>;
