import type { Money } from './money';
import type { ProductFamily } from './partner-program';

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
  /** The partner's sales target for the year, in its currency. */
  annualQuota: Money;
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
  /** The end customer (a CPQ account). */
  customerAccountId: string;
  /** The PRM deal registration whose protected discount the quote claims, if any. */
  dealRegistrationId: string | null;
}

/** The CRM opportunity behind a quote: the day it closed (won or lost), or is expected to close. */
export interface QuoteOpportunity {
  id: string;
  quoteId: string;
  closeDate: string;
}

export interface Product {
  sku: string;
  name: string;
  /** Null for a family the CPQ has and the graph does not know: such a product cannot be sold or credited. */
  family: ProductFamily | null;
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
  /** The part of the discount asked for on the line, on top of volume, tier and deal registration. */
  additionalDiscountPercent: string;
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
