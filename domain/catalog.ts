import type { Money } from './money';

/** What a partner sells from and to: price books, their prices, end customers, and CPQ pricing. */

export interface PriceBook {
  id: string;
  name: string;
  /** The partner region the book serves, or null for the standard book. */
  region: string | null;
  active: boolean;
}

export interface PriceBookEntry {
  priceBookId: string;
  sku: string;
  listPrice: Money;
  active: boolean;
}

/** An end customer of a partner (a CPQ account). */
export interface Customer {
  id: string;
  name: string;
  partnerId: string;
  country: string;
  currency: string;
}

/** One line of a CPQ price calculation. Discounts are percentages of the list price, e.g. "5.00". */
export interface PricedLine {
  sku: string;
  quantity: number;
  listPrice: Money;
  volumeDiscountPercent: string;
  partnerDiscountPercent: string;
  dealRegistrationDiscountPercent: string;
  additionalDiscountPercent: string;
  totalDiscountPercent: string;
  netPrice: Money;
  netTotal: Money;
  /** Its discount, less the deal registration's protected part, exceeds the tier's limit. */
  approvalRequired: boolean;
}

/** The CPQ's price calculation of a quote or of prospective lines. */
export interface QuoteCalculation {
  quoteId: string | null;
  partnerId: string;
  currency: string;
  priceBookId: string;
  dealRegistrationId: string | null;
  pricingDate: string;
  lines: PricedLine[];
  listTotal: Money;
  netTotal: Money;
  /** The largest discount (percent, deal registration excluded) the partner's tier gives unapproved. */
  approvalLimitPercent: string;
  approvalRequired: boolean;
  /** Why something the request asked for did not apply, e.g. an expired deal registration. */
  warnings: string[];
}

/** A partner's unit prices from its price book: list price and price after its tier discount. */
export interface PartnerPrice {
  sku: string;
  listPrice: Money;
  partnerPrice: Money;
  partnerDiscountPercent: string;
}
