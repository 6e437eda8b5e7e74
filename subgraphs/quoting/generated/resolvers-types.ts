import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { PartnerRef as PartnerRefModel, Quote as QuoteModel, QuoteLine as QuoteLineModel, ProductRef as ProductRefModel, Money as MoneyModel, QuoteConnectionPage as QuoteConnectionPageModel, Customer as CustomerModel, DealRegistrationRef as DealRegistrationRefModel } from '../../../domain';
import { CatalogModel as CatalogModelModel } from '../catalog';
import { QuotingContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 4217 currency code in capitals, e.g. `EUR`. */
  Currency: { input: string; output: string; }
  /** A calendar date, `YYYY-MM-DD` (ISO 8601), e.g. `"2026-12-31"`; only dates that exist. */
  Date: { input: string; output: string; }
  /** A decimal number as a string, e.g. `"1234.50"`: digits, an optional minus and point, no exponent, at most 40 digits. Money is never a float: JSON numbers are refused. */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** What `addQuoteLine` needs. */
export type AddQuoteLineInput = {
  /**
   * Extra discount in percent, 0 to 100 with up to 2 places, e.g. `"2.5"`; default 0. Beyond your
   * tier's limit the quote needs approval.
   */
  additionalDiscount?: InputMaybe<Scalars['Decimal']['input']>;
  /** How many units: 1 to 1,000,000 unless the graph is configured otherwise. */
  quantity: Scalars['Int']['input'];
  /** The product's SKU; its family must be one you are certified for (see `Partner.catalog`). */
  sku: Scalars['ID']['input'];
};

/** What `addQuoteLine` did. */
export type AddQuoteLinePayload = {
  __typename?: 'AddQuoteLinePayload';
  /** The quote, repriced by the CPQ: IN_REVIEW when a line now needs approval, else DRAFT. */
  quote: Maybe<Quote>;
  /** The new line. */
  quoteLine: Maybe<QuoteLine>;
  /** Why the line was not added; empty on success. */
  userErrors: Array<UserError>;
};

/** Whether a quote's discounts need a channel manager's approval. */
export type Approval = {
  __typename?: 'Approval';
  /** The largest discount in percent, deal registration excluded, the partner's tier gives without approval. */
  limit: Scalars['Decimal']['output'];
  /** One reason per line that needs approval. */
  reasons: Array<ApprovalReason>;
  /** True when at least one line needs approval: submitting then puts the quote IN_REVIEW. */
  required: Scalars['Boolean']['output'];
};

/** Why a line needs approval. */
export type ApprovalReason = {
  __typename?: 'ApprovalReason';
  /** The line's discount in percent that counts against the limit (total less deal registration). */
  discount: Scalars['Decimal']['output'];
  /** The tier's limit in percent. */
  limit: Scalars['Decimal']['output'];
  /** The line. */
  line: QuoteLine;
  /** For a person, e.g. `NET-0001: a 32.00% discount exceeds the 25.00% your tier gives without approval`. */
  message: Scalars['String']['output'];
};

/**
 * What a partner may sell: the products of its price book in the families it is certified for.
 * A certification counts while it is ACTIVE and its expiry date has not passed; an expired one takes
 * its family out of the catalog, and out of what `addQuoteLine` and `submitQuote` accept.
 */
export type Catalog = {
  __typename?: 'Catalog';
  /** The families the partner holds a current certification for. */
  certifiedFamilies: Array<ProductFamily>;
  /**
   * The partner's price book in the requested currency, listing only what the partner may sell. From
   * the CPQ, where the families come from the PRM: null (with an error at this path) when the CPQ
   * cannot be asked and nothing is cached, so the families still return.
   */
  priceBook: Maybe<PriceBook>;
};

/** What `createQuote` needs. */
export type CreateQuoteInput = {
  /** The quote's currency; default your partner currency. It must be one of your price book's. */
  currency?: InputMaybe<Scalars['Currency']['input']>;
  /** One of your customers (see `Partner.customers`). */
  customerAccountId: Scalars['ID']['input'];
  /**
   * One of your deal registrations for this customer, SUBMITTED or APPROVED and not expired; its
   * protected discount applies while it is APPROVED.
   */
  dealRegistrationId?: InputMaybe<Scalars['ID']['input']>;
};

/** What `createQuote` did. */
export type CreateQuotePayload = {
  __typename?: 'CreateQuotePayload';
  /** The new quote, DRAFT and without lines; null when it was not created. */
  quote: Maybe<Quote>;
  /** Why the quote was not created; empty on success. */
  userErrors: Array<UserError>;
};

/** An end customer of a partner, as the CPQ knows it. */
export type Customer = {
  __typename?: 'Customer';
  /** ISO 3166-1 alpha-2 country of the customer. */
  country: Scalars['String']['output'];
  /** The customer's currency. */
  currency: Scalars['Currency']['output'];
  /** Stable account id; pass it to `createQuote`. */
  id: Scalars['ID']['output'];
  /** The customer's name. */
  name: Scalars['String']['output'];
};

export type DealRegistration = {
  __typename?: 'DealRegistration';
  id: Scalars['ID']['output'];
};

/** How current a piece of reference data is. Stale data is the last good copy, served while its system is unavailable. */
export type Freshness = {
  __typename?: 'Freshness';
  /** Age of the data in seconds. */
  ageSeconds: Scalars['Int']['output'];
  /** When the data was read from its system of record (ISO 8601 timestamp). */
  asOf: Scalars['String']['output'];
  /** True when the system could not be asked and this is the last good copy. */
  stale: Scalars['Boolean']['output'];
};

/** How one line's discount came about; the discounts are percentages of the list price, and add up. */
export type LinePricing = {
  __typename?: 'LinePricing';
  /** Asked for on the line. */
  additionalDiscount: Scalars['Decimal']['output'];
  /** The protected discount of the quote's deal registration, while it is APPROVED and not expired. */
  dealRegistrationDiscount: Scalars['Decimal']['output'];
  /** The priced line. */
  line: QuoteLine;
  /** Whether this line's discount, less the deal registration's, exceeds the tier's limit. */
  needsApproval: Scalars['Boolean']['output'];
  /** The partner tier's standard discount. */
  tierDiscount: Scalars['Decimal']['output'];
  /** The sum of the four. */
  totalDiscount: Scalars['Decimal']['output'];
  /** By quantity: 10+ units 5, 50+ 8, 100+ 12. */
  volumeDiscount: Scalars['Decimal']['output'];
};

/** An amount in one currency, rounded to 2 decimal places (half up). */
export type Money = {
  __typename?: 'Money';
  /** The amount as a decimal string. */
  amount: Scalars['Decimal']['output'];
  /** The currency of the amount. */
  currency: Scalars['Currency']['output'];
};

/**
 * Quote writes. They need the partner_rep or partner_admin role (channel managers read only:
 * FORBIDDEN) and act for the signed-in user's own partner; another partner's quote or line is a
 * FORBIDDEN user error. Only DRAFT and IN_REVIEW quotes change. The CPQ takes no idempotency key, so
 * a write is never retried: when one ends in UPSTREAM_TIMEOUT, read the quote before trying again.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds a product to a quote; the CPQ reprices the whole quote. With an idempotencyKey, a repeat
   * answers the line the first call added.
   */
  addQuoteLine: AddQuoteLinePayload;
  /**
   * Starts a DRAFT quote for one of your customers. With an idempotencyKey, a repeat answers the quote
   * the first call created.
   */
  createQuote: CreateQuotePayload;
  /** Runs the CPQ's price calculation on the quote for today and saves it, with each line's discounts. */
  priceQuote: PriceQuotePayload;
  /** Removes a line; the CPQ reprices the whole quote. A repeat finds the line gone: NOT_FOUND. */
  removeQuoteLine: RemoveQuoteLinePayload;
  /**
   * Prices the quote and submits it: APPROVED when every discount is within your tier's limit, else
   * IN_REVIEW for a channel manager, with the reasons. Every line's family must still be certified.
   * Only the state that was priced is approved: if a line changes meanwhile, CONFLICT (submit again).
   */
  submitQuote: SubmitQuotePayload;
  /** Changes a line's quantity or additional discount; the CPQ reprices the whole quote. */
  updateQuoteLine: UpdateQuoteLinePayload;
};


/**
 * Quote writes. They need the partner_rep or partner_admin role (channel managers read only:
 * FORBIDDEN) and act for the signed-in user's own partner; another partner's quote or line is a
 * FORBIDDEN user error. Only DRAFT and IN_REVIEW quotes change. The CPQ takes no idempotency key, so
 * a write is never retried: when one ends in UPSTREAM_TIMEOUT, read the quote before trying again.
 */
export type MutationAddQuoteLineArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: AddQuoteLineInput;
  quoteId: Scalars['ID']['input'];
};


/**
 * Quote writes. They need the partner_rep or partner_admin role (channel managers read only:
 * FORBIDDEN) and act for the signed-in user's own partner; another partner's quote or line is a
 * FORBIDDEN user error. Only DRAFT and IN_REVIEW quotes change. The CPQ takes no idempotency key, so
 * a write is never retried: when one ends in UPSTREAM_TIMEOUT, read the quote before trying again.
 */
export type MutationCreateQuoteArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateQuoteInput;
};


/**
 * Quote writes. They need the partner_rep or partner_admin role (channel managers read only:
 * FORBIDDEN) and act for the signed-in user's own partner; another partner's quote or line is a
 * FORBIDDEN user error. Only DRAFT and IN_REVIEW quotes change. The CPQ takes no idempotency key, so
 * a write is never retried: when one ends in UPSTREAM_TIMEOUT, read the quote before trying again.
 */
export type MutationPriceQuoteArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  quoteId: Scalars['ID']['input'];
};


/**
 * Quote writes. They need the partner_rep or partner_admin role (channel managers read only:
 * FORBIDDEN) and act for the signed-in user's own partner; another partner's quote or line is a
 * FORBIDDEN user error. Only DRAFT and IN_REVIEW quotes change. The CPQ takes no idempotency key, so
 * a write is never retried: when one ends in UPSTREAM_TIMEOUT, read the quote before trying again.
 */
export type MutationRemoveQuoteLineArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  lineId: Scalars['ID']['input'];
};


/**
 * Quote writes. They need the partner_rep or partner_admin role (channel managers read only:
 * FORBIDDEN) and act for the signed-in user's own partner; another partner's quote or line is a
 * FORBIDDEN user error. Only DRAFT and IN_REVIEW quotes change. The CPQ takes no idempotency key, so
 * a write is never retried: when one ends in UPSTREAM_TIMEOUT, read the quote before trying again.
 */
export type MutationSubmitQuoteArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  quoteId: Scalars['ID']['input'];
};


/**
 * Quote writes. They need the partner_rep or partner_admin role (channel managers read only:
 * FORBIDDEN) and act for the signed-in user's own partner; another partner's quote or line is a
 * FORBIDDEN user error. Only DRAFT and IN_REVIEW quotes change. The CPQ takes no idempotency key, so
 * a write is never retried: when one ends in UPSTREAM_TIMEOUT, read the quote before trying again.
 */
export type MutationUpdateQuoteLineArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateQuoteLineInput;
  lineId: Scalars['ID']['input'];
};

/** Relay-style paging information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge in this page; pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge in this page, null when the page is empty. */
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Partner = {
  __typename?: 'Partner';
  /**
   * What the partner may sell and at what price, in `currency` (default: the partner's currency; it
   * must be one of its price book's). Reference data: cached, and served stale while the CPQ is down.
   * Null (with an error at this path) when it cannot be served, so the partner itself still returns.
   */
  catalog: Maybe<Catalog>;
  /** The partner's end customers, by name: a quote is made out to one of them. Null (with an error at this path) only when the CPQ cannot be asked. */
  customers: Maybe<Array<Customer>>;
  id: Scalars['ID']['output'];
  /**
   * The partner's quotes. `first` is 1 to 100 (default 10); `after` is a cursor from a previous page
   * of the same query. Filters combine: `status` (any of), `createdFrom` / `createdTo` (ISO 8601 dates,
   * inclusive). Default order: newest first. Null (with an error at this path) only when the CPQ cannot
   * be asked, so the partner itself still returns.
   */
  quotes: Maybe<QuoteConnection>;
};


export type PartnerCatalogArgs = {
  currency?: InputMaybe<Scalars['Currency']['input']>;
};


export type PartnerQuotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  createdFrom?: InputMaybe<Scalars['Date']['input']>;
  createdTo?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<QuoteOrder>;
  status?: InputMaybe<Array<QuoteStatus>>;
};

/** A partner's price book in one currency: list prices, and its prices after its tier discount. */
export type PriceBook = {
  __typename?: 'PriceBook';
  /** The currency of every price in this view of the book. */
  currency: Scalars['Currency']['output'];
  /** The active products of the certified families, by SKU. */
  entries: Array<PriceBookEntry>;
  /** How current the price book, its entries and prices are: stale when the CPQ could not be asked. */
  freshness: Freshness;
  /** Stable price book id in the CPQ. */
  id: Scalars['ID']['output'];
  /** The price book's name, e.g. `EMEA Partner Price Book`. */
  name: Scalars['String']['output'];
  /** The partner's tier discount in percent, e.g. `"10.00"`, as the CPQ's pricing applies it. */
  tierDiscount: Scalars['Decimal']['output'];
};

/** One product of a price book, with its unit prices. */
export type PriceBookEntry = {
  __typename?: 'PriceBookEntry';
  /** Unit list price. */
  listPrice: Money;
  /**
   * Unit price for the partner as the CPQ prices one unit: list price less the tier discount. Volume,
   * deal registration and additional discounts come on top, on a quote.
   */
  partnerPrice: Money;
  /** The product. */
  product: Product;
};

/** What `priceQuote` did. */
export type PriceQuotePayload = {
  __typename?: 'PriceQuotePayload';
  /** How each line's price came about; null when the quote was not priced. */
  pricing: Maybe<QuotePricing>;
  /** The quote with the prices the CPQ just calculated and saved. */
  quote: Maybe<Quote>;
  /** Why the quote was not priced; empty on success. */
  userErrors: Array<UserError>;
};

/** A sellable product, identified by its SKU. Catalog data: cached, and served stale while the CPQ is down. */
export type Product = {
  __typename?: 'Product';
  /** Whether the product can still be quoted. */
  active: Scalars['Boolean']['output'];
  /** Product family; certifications and commission rules are per family. */
  family: ProductFamily;
  /** How current this catalog data is. */
  freshness: Freshness;
  name: Scalars['String']['output'];
  /** Stock-keeping unit, e.g. `SEC-0006`. */
  sku: Scalars['ID']['output'];
};

/** Product families of the catalog. */
export type ProductFamily =
  | 'CLOUD'
  | 'NETWORK'
  | 'SECURITY'
  | 'SUPPORT';

export type Query = {
  __typename?: 'Query';
  /** A quote by id, or null when there is none. */
  quote: Maybe<Quote>;
};


export type QueryQuoteArgs = {
  id: Scalars['ID']['input'];
};

/** A priced offer to a customer, prepared by a partner in the CPQ. */
export type Quote = {
  __typename?: 'Quote';
  /**
   * The day the quote's opportunity closed (the quote was accepted or rejected), or, while it is
   * open, the day it is expected to close (ISO 8601 date). Null when the CPQ has no opportunity for it.
   */
  closeDate: Maybe<Scalars['Date']['output']>;
  /** When the quote was created (ISO 8601 timestamp). */
  createdAt: Scalars['String']['output'];
  /** The end customer the quote is made out to. */
  customer: Maybe<Customer>;
  /** The deal registration whose protected discount the quote claims, if any. */
  dealRegistration: Maybe<DealRegistration>;
  /** Last day the quote's prices hold (ISO 8601 date). */
  expiresOn: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  /** The quote's lines, in CPQ order. */
  lines: Array<QuoteLine>;
  /** Sum of list price x quantity over all lines. */
  listTotal: Money;
  /** Sum of the lines' net totals: what the customer pays. */
  netTotal: Money;
  /** Human-readable quote number, e.g. `Q-000042`. */
  number: Scalars['String']['output'];
  /** The partner that owns the quote. Its fields come from the partners subgraph (PRM): null, with an error at this path, when they cannot be read. */
  partner: Maybe<Partner>;
  status: QuoteStatus;
};

/** A page of quotes. */
export type QuoteConnection = {
  __typename?: 'QuoteConnection';
  edges: Array<QuoteEdge>;
  pageInfo: PageInfo;
  /** Number of quotes across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A quote in a page of quotes. */
export type QuoteEdge = {
  __typename?: 'QuoteEdge';
  cursor: Scalars['String']['output'];
  node: Quote;
};

/** One product on a quote. */
export type QuoteLine = {
  __typename?: 'QuoteLine';
  /** The part of `discount` asked for on the line, on top of the volume, tier and deal registration discounts. */
  additionalDiscount: Scalars['Decimal']['output'];
  /** Total discount on the line, in percent, e.g. `"12.50"`. */
  discount: Scalars['Decimal']['output'];
  id: Scalars['ID']['output'];
  /** Unit list price from the partner's price book. */
  listPrice: Money;
  /** Unit price after discount. */
  netPrice: Money;
  /** netPrice x quantity. */
  netTotal: Money;
  product: Product;
  quantity: Scalars['Int']['output'];
};

/** How a list of quotes is sorted. */
export type QuoteOrder =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'NET_TOTAL_ASC'
  | 'NET_TOTAL_DESC';

/** The CPQ's calculation of a quote: its discounts line by line, and whether they need approval. */
export type QuotePricing = {
  __typename?: 'QuotePricing';
  /** Whether a discount exceeds what the partner's tier gives without approval. */
  approval: Approval;
  /** Each line's discounts, in the quote's line order. */
  lines: Array<LinePricing>;
  /** Sum of list price x quantity over all lines. */
  listTotal: Money;
  /** What the customer pays. */
  netTotal: Money;
  /** The day the prices were calculated for (ISO 8601 date); deal registrations are checked against it. */
  pricedOn: Scalars['Date']['output'];
  /** What the calculation could not apply, e.g. `deal registration DR-000003 expired on 2026-12-09`. */
  warnings: Array<Scalars['String']['output']>;
};

/** Where a quote is in its life. */
export type QuoteStatus =
  | 'ACCEPTED'
  | 'APPROVED'
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'PRESENTED'
  | 'REJECTED';

/** What `removeQuoteLine` did. */
export type RemoveQuoteLinePayload = {
  __typename?: 'RemoveQuoteLinePayload';
  /** The quote, repriced by the CPQ without the line. */
  quote: Maybe<Quote>;
  /** The id of the line removed; null when nothing was removed. */
  removedLineId: Maybe<Scalars['ID']['output']>;
  /** Why the line was not removed; empty on success. */
  userErrors: Array<UserError>;
};

/** What `submitQuote` did. */
export type SubmitQuotePayload = {
  __typename?: 'SubmitQuotePayload';
  /** Whether the quote needs approval, and why; null when it was not submitted. */
  approval: Maybe<Approval>;
  /** The submitted quote: APPROVED when no discount needs approval, else IN_REVIEW. */
  quote: Maybe<Quote>;
  /** Why the quote was not submitted; empty on success. */
  userErrors: Array<UserError>;
};

/** What `updateQuoteLine` changes; give at least one field. */
export type UpdateQuoteLineInput = {
  /** Extra discount in percent, 0 to 100 with up to 2 places. */
  additionalDiscount?: InputMaybe<Scalars['Decimal']['input']>;
  /** How many units: 1 to 1,000,000 unless the graph is configured otherwise. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
};

/** What `updateQuoteLine` did. */
export type UpdateQuoteLinePayload = {
  __typename?: 'UpdateQuoteLinePayload';
  /** The quote, repriced by the CPQ: IN_REVIEW when a line needs approval, else DRAFT. */
  quote: Maybe<Quote>;
  /** The changed line. */
  quoteLine: Maybe<QuoteLine>;
  /** Why the line was not changed; empty on success. */
  userErrors: Array<UserError>;
};

/** A problem with a mutation's input or with what it asked for, shown next to the field at fault. */
export type UserError = {
  __typename?: 'UserError';
  /** What went wrong, for a program. */
  code: UserErrorCode;
  /** The input field or argument at fault, e.g. `quantity`; null when the problem is not one field's. */
  field: Maybe<Scalars['String']['output']>;
  /** What went wrong, for a person. */
  message: Scalars['String']['output'];
};

/** Why a mutation did not do what it was asked. */
export type UserErrorCode =
  /** A value is malformed or out of range, e.g. a quantity below 1. */
  | 'BAD_USER_INPUT'
  /** The request clashes with an existing record, e.g. a deal someone already registered. */
  | 'CONFLICT'
  /** The deal registration has expired. */
  | 'DEAL_REGISTRATION_EXPIRED'
  /** The deal registration was rejected, or is for another customer. */
  | 'DEAL_REGISTRATION_INVALID'
  /** The record belongs to another partner, or your partner may not transact. */
  | 'FORBIDDEN'
  /** Your partner holds no current certification for the product's family. */
  | 'NOT_CERTIFIED'
  /** The quote's status does not allow this change, e.g. it is already approved or accepted. */
  | 'NOT_EDITABLE'
  /** A referenced record does not exist, or is not one of yours (e.g. a customer or deal registration). */
  | 'NOT_FOUND'
  /** No product has this SKU, or it can no longer be sold. */
  | 'UNKNOWN_SKU';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Partner: Partner;
  Product: Product;
  Quote: Quote;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Partner:
    ( { __typename: 'Partner' }
    & GraphQLRecursivePick<FederationTypes['Partner'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"sku":true}> );
  Quote:
    ( { __typename: 'Quote' }
    & GraphQLRecursivePick<FederationTypes['Quote'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AddQuoteLineInput: AddQuoteLineInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AddQuoteLinePayload: ResolverTypeWrapper<Omit<AddQuoteLinePayload, 'quote' | 'quoteLine'> & { quote?: Maybe<ResolversTypes['Quote']>, quoteLine?: Maybe<ResolversTypes['QuoteLine']> }>;
  Approval: ResolverTypeWrapper<Omit<Approval, 'reasons'> & { reasons: Array<ResolversTypes['ApprovalReason']> }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ApprovalReason: ResolverTypeWrapper<Omit<ApprovalReason, 'line'> & { line: ResolversTypes['QuoteLine'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Catalog: ResolverTypeWrapper<CatalogModelModel>;
  CreateQuoteInput: CreateQuoteInput;
  CreateQuotePayload: ResolverTypeWrapper<Omit<CreateQuotePayload, 'quote'> & { quote?: Maybe<ResolversTypes['Quote']> }>;
  Currency: ResolverTypeWrapper<Scalars['Currency']['output']>;
  Customer: ResolverTypeWrapper<CustomerModel>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DealRegistration: ResolverTypeWrapper<DealRegistrationRefModel>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Freshness: ResolverTypeWrapper<Freshness>;
  LinePricing: ResolverTypeWrapper<Omit<LinePricing, 'line'> & { line: ResolversTypes['QuoteLine'] }>;
  Money: ResolverTypeWrapper<MoneyModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Partner: ResolverTypeWrapper<PartnerRefModel>;
  PriceBook: ResolverTypeWrapper<Omit<PriceBook, 'entries'> & { entries: Array<ResolversTypes['PriceBookEntry']> }>;
  PriceBookEntry: ResolverTypeWrapper<Omit<PriceBookEntry, 'listPrice' | 'partnerPrice' | 'product'> & { listPrice: ResolversTypes['Money'], partnerPrice: ResolversTypes['Money'], product: ResolversTypes['Product'] }>;
  PriceQuotePayload: ResolverTypeWrapper<Omit<PriceQuotePayload, 'pricing' | 'quote'> & { pricing?: Maybe<ResolversTypes['QuotePricing']>, quote?: Maybe<ResolversTypes['Quote']> }>;
  Product: ResolverTypeWrapper<ProductRefModel>;
  ProductFamily: ProductFamily;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quote: ResolverTypeWrapper<QuoteModel>;
  QuoteConnection: ResolverTypeWrapper<QuoteConnectionPageModel>;
  QuoteEdge: ResolverTypeWrapper<Omit<QuoteEdge, 'node'> & { node: ResolversTypes['Quote'] }>;
  QuoteLine: ResolverTypeWrapper<QuoteLineModel>;
  QuoteOrder: QuoteOrder;
  QuotePricing: ResolverTypeWrapper<Omit<QuotePricing, 'approval' | 'lines' | 'listTotal' | 'netTotal'> & { approval: ResolversTypes['Approval'], lines: Array<ResolversTypes['LinePricing']>, listTotal: ResolversTypes['Money'], netTotal: ResolversTypes['Money'] }>;
  QuoteStatus: QuoteStatus;
  RemoveQuoteLinePayload: ResolverTypeWrapper<Omit<RemoveQuoteLinePayload, 'quote'> & { quote?: Maybe<ResolversTypes['Quote']> }>;
  SubmitQuotePayload: ResolverTypeWrapper<Omit<SubmitQuotePayload, 'approval' | 'quote'> & { approval?: Maybe<ResolversTypes['Approval']>, quote?: Maybe<ResolversTypes['Quote']> }>;
  UpdateQuoteLineInput: UpdateQuoteLineInput;
  UpdateQuoteLinePayload: ResolverTypeWrapper<Omit<UpdateQuoteLinePayload, 'quote' | 'quoteLine'> & { quote?: Maybe<ResolversTypes['Quote']>, quoteLine?: Maybe<ResolversTypes['QuoteLine']> }>;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AddQuoteLineInput: AddQuoteLineInput;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  AddQuoteLinePayload: Omit<AddQuoteLinePayload, 'quote' | 'quoteLine'> & { quote?: Maybe<ResolversParentTypes['Quote']>, quoteLine?: Maybe<ResolversParentTypes['QuoteLine']> };
  Approval: Omit<Approval, 'reasons'> & { reasons: Array<ResolversParentTypes['ApprovalReason']> };
  Boolean: Scalars['Boolean']['output'];
  ApprovalReason: Omit<ApprovalReason, 'line'> & { line: ResolversParentTypes['QuoteLine'] };
  String: Scalars['String']['output'];
  Catalog: CatalogModelModel;
  CreateQuoteInput: CreateQuoteInput;
  CreateQuotePayload: Omit<CreateQuotePayload, 'quote'> & { quote?: Maybe<ResolversParentTypes['Quote']> };
  Currency: Scalars['Currency']['output'];
  Customer: CustomerModel;
  Date: Scalars['Date']['output'];
  DealRegistration: DealRegistrationRefModel;
  Decimal: Scalars['Decimal']['output'];
  Freshness: Freshness;
  LinePricing: Omit<LinePricing, 'line'> & { line: ResolversParentTypes['QuoteLine'] };
  Money: MoneyModel;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Partner: PartnerRefModel;
  PriceBook: Omit<PriceBook, 'entries'> & { entries: Array<ResolversParentTypes['PriceBookEntry']> };
  PriceBookEntry: Omit<PriceBookEntry, 'listPrice' | 'partnerPrice' | 'product'> & { listPrice: ResolversParentTypes['Money'], partnerPrice: ResolversParentTypes['Money'], product: ResolversParentTypes['Product'] };
  PriceQuotePayload: Omit<PriceQuotePayload, 'pricing' | 'quote'> & { pricing?: Maybe<ResolversParentTypes['QuotePricing']>, quote?: Maybe<ResolversParentTypes['Quote']> };
  Product: ProductRefModel;
  Query: Record<PropertyKey, never>;
  Quote: QuoteModel;
  QuoteConnection: QuoteConnectionPageModel;
  QuoteEdge: Omit<QuoteEdge, 'node'> & { node: ResolversParentTypes['Quote'] };
  QuoteLine: QuoteLineModel;
  QuotePricing: Omit<QuotePricing, 'approval' | 'lines' | 'listTotal' | 'netTotal'> & { approval: ResolversParentTypes['Approval'], lines: Array<ResolversParentTypes['LinePricing']>, listTotal: ResolversParentTypes['Money'], netTotal: ResolversParentTypes['Money'] };
  RemoveQuoteLinePayload: Omit<RemoveQuoteLinePayload, 'quote'> & { quote?: Maybe<ResolversParentTypes['Quote']> };
  SubmitQuotePayload: Omit<SubmitQuotePayload, 'approval' | 'quote'> & { approval?: Maybe<ResolversParentTypes['Approval']>, quote?: Maybe<ResolversParentTypes['Quote']> };
  UpdateQuoteLineInput: UpdateQuoteLineInput;
  UpdateQuoteLinePayload: Omit<UpdateQuoteLinePayload, 'quote' | 'quoteLine'> & { quote?: Maybe<ResolversParentTypes['Quote']>, quoteLine?: Maybe<ResolversParentTypes['QuoteLine']> };
  UserError: UserError;
}>;

export type AddQuoteLinePayloadResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['AddQuoteLinePayload'] = ResolversParentTypes['AddQuoteLinePayload']> = ResolversObject<{
  quote?: Resolver<Maybe<ResolversTypes['Quote']>, ParentType, ContextType>;
  quoteLine?: Resolver<Maybe<ResolversTypes['QuoteLine']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ApprovalResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Approval'] = ResolversParentTypes['Approval']> = ResolversObject<{
  limit?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['ApprovalReason']>, ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ApprovalReasonResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['ApprovalReason'] = ResolversParentTypes['ApprovalReason']> = ResolversObject<{
  discount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  limit?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['QuoteLine'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CatalogResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Catalog'] = ResolversParentTypes['Catalog']> = ResolversObject<{
  certifiedFamilies?: Resolver<Array<ResolversTypes['ProductFamily']>, ParentType, ContextType>;
  priceBook?: Resolver<Maybe<ResolversTypes['PriceBook']>, ParentType, ContextType>;
}>;

export type CreateQuotePayloadResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['CreateQuotePayload'] = ResolversParentTypes['CreateQuotePayload']> = ResolversObject<{
  quote?: Resolver<Maybe<ResolversTypes['Quote']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export interface CurrencyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Currency'], any> {
  name: 'Currency';
}

export type CustomerResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = ResolversObject<{
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type DealRegistrationResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['DealRegistration'] = ResolversParentTypes['DealRegistration']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type FreshnessResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Freshness'] = ResolversParentTypes['Freshness']> = ResolversObject<{
  ageSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type LinePricingResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['LinePricing'] = ResolversParentTypes['LinePricing']> = ResolversObject<{
  additionalDiscount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  dealRegistrationDiscount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['QuoteLine'], ParentType, ContextType>;
  needsApproval?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  tierDiscount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  totalDiscount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  volumeDiscount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addQuoteLine?: Resolver<ResolversTypes['AddQuoteLinePayload'], ParentType, ContextType, RequireFields<MutationAddQuoteLineArgs, 'input' | 'quoteId'>>;
  createQuote?: Resolver<ResolversTypes['CreateQuotePayload'], ParentType, ContextType, RequireFields<MutationCreateQuoteArgs, 'input'>>;
  priceQuote?: Resolver<ResolversTypes['PriceQuotePayload'], ParentType, ContextType, RequireFields<MutationPriceQuoteArgs, 'quoteId'>>;
  removeQuoteLine?: Resolver<ResolversTypes['RemoveQuoteLinePayload'], ParentType, ContextType, RequireFields<MutationRemoveQuoteLineArgs, 'lineId'>>;
  submitQuote?: Resolver<ResolversTypes['SubmitQuotePayload'], ParentType, ContextType, RequireFields<MutationSubmitQuoteArgs, 'quoteId'>>;
  updateQuoteLine?: Resolver<ResolversTypes['UpdateQuoteLinePayload'], ParentType, ContextType, RequireFields<MutationUpdateQuoteLineArgs, 'input' | 'lineId'>>;
}>;

export type PageInfoResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PartnerResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Partner'] = ResolversParentTypes['Partner'], FederationReferenceType extends FederationReferenceTypes['Partner'] = FederationReferenceTypes['Partner']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Partner']> | FederationReferenceType, FederationReferenceType, ContextType>;
  catalog?: Resolver<Maybe<ResolversTypes['Catalog']>, ParentType, ContextType, Partial<PartnerCatalogArgs>>;
  customers?: Resolver<Maybe<Array<ResolversTypes['Customer']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quotes?: Resolver<Maybe<ResolversTypes['QuoteConnection']>, ParentType, ContextType, RequireFields<PartnerQuotesArgs, 'first' | 'orderBy'>>;
}>;

export type PriceBookResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['PriceBook'] = ResolversParentTypes['PriceBook']> = ResolversObject<{
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
  entries?: Resolver<Array<ResolversTypes['PriceBookEntry']>, ParentType, ContextType>;
  freshness?: Resolver<ResolversTypes['Freshness'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tierDiscount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type PriceBookEntryResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['PriceBookEntry'] = ResolversParentTypes['PriceBookEntry']> = ResolversObject<{
  listPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  partnerPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
}>;

export type PriceQuotePayloadResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['PriceQuotePayload'] = ResolversParentTypes['PriceQuotePayload']> = ResolversObject<{
  pricing?: Resolver<Maybe<ResolversTypes['QuotePricing']>, ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['Quote']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  family?: Resolver<ResolversTypes['ProductFamily'], ParentType, ContextType>;
  freshness?: Resolver<ResolversTypes['Freshness'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  quote?: Resolver<Maybe<ResolversTypes['Quote']>, ParentType, ContextType, RequireFields<QueryQuoteArgs, 'id'>>;
}>;

export type QuoteResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Quote'] = ResolversParentTypes['Quote'], FederationReferenceType extends FederationReferenceTypes['Quote'] = FederationReferenceTypes['Quote']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Quote']> | FederationReferenceType, FederationReferenceType, ContextType>;
  closeDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  dealRegistration?: Resolver<Maybe<ResolversTypes['DealRegistration']>, ParentType, ContextType>;
  expiresOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['QuoteLine']>, ParentType, ContextType>;
  listTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  netTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partner?: Resolver<Maybe<ResolversTypes['Partner']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['QuoteStatus'], ParentType, ContextType>;
}>;

export type QuoteConnectionResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['QuoteConnection'] = ResolversParentTypes['QuoteConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['QuoteEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type QuoteEdgeResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['QuoteEdge'] = ResolversParentTypes['QuoteEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Quote'], ParentType, ContextType>;
}>;

export type QuoteLineResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['QuoteLine'] = ResolversParentTypes['QuoteLine']> = ResolversObject<{
  additionalDiscount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  discount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  listPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  netPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  netTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type QuotePricingResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['QuotePricing'] = ResolversParentTypes['QuotePricing']> = ResolversObject<{
  approval?: Resolver<ResolversTypes['Approval'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['LinePricing']>, ParentType, ContextType>;
  listTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  netTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  pricedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type RemoveQuoteLinePayloadResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['RemoveQuoteLinePayload'] = ResolversParentTypes['RemoveQuoteLinePayload']> = ResolversObject<{
  quote?: Resolver<Maybe<ResolversTypes['Quote']>, ParentType, ContextType>;
  removedLineId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type SubmitQuotePayloadResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['SubmitQuotePayload'] = ResolversParentTypes['SubmitQuotePayload']> = ResolversObject<{
  approval?: Resolver<Maybe<ResolversTypes['Approval']>, ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['Quote']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UpdateQuoteLinePayloadResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['UpdateQuoteLinePayload'] = ResolversParentTypes['UpdateQuoteLinePayload']> = ResolversObject<{
  quote?: Resolver<Maybe<ResolversTypes['Quote']>, ParentType, ContextType>;
  quoteLine?: Resolver<Maybe<ResolversTypes['QuoteLine']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['UserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = QuotingContext> = ResolversObject<{
  AddQuoteLinePayload?: AddQuoteLinePayloadResolvers<ContextType>;
  Approval?: ApprovalResolvers<ContextType>;
  ApprovalReason?: ApprovalReasonResolvers<ContextType>;
  Catalog?: CatalogResolvers<ContextType>;
  CreateQuotePayload?: CreateQuotePayloadResolvers<ContextType>;
  Currency?: GraphQLScalarType;
  Customer?: CustomerResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DealRegistration?: DealRegistrationResolvers<ContextType>;
  Decimal?: GraphQLScalarType;
  Freshness?: FreshnessResolvers<ContextType>;
  LinePricing?: LinePricingResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Partner?: PartnerResolvers<ContextType>;
  PriceBook?: PriceBookResolvers<ContextType>;
  PriceBookEntry?: PriceBookEntryResolvers<ContextType>;
  PriceQuotePayload?: PriceQuotePayloadResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quote?: QuoteResolvers<ContextType>;
  QuoteConnection?: QuoteConnectionResolvers<ContextType>;
  QuoteEdge?: QuoteEdgeResolvers<ContextType>;
  QuoteLine?: QuoteLineResolvers<ContextType>;
  QuotePricing?: QuotePricingResolvers<ContextType>;
  RemoveQuoteLinePayload?: RemoveQuoteLinePayloadResolvers<ContextType>;
  SubmitQuotePayload?: SubmitQuotePayloadResolvers<ContextType>;
  UpdateQuoteLinePayload?: UpdateQuoteLinePayloadResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

