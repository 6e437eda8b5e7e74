import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { PartnerRef as PartnerRefModel, QuoteRef as QuoteRefModel, Invoice as InvoiceModel, InvoiceItem as InvoiceItemModel, Subscription as SubscriptionModel, RatePlanCharge as RatePlanChargeModel, Payout as PayoutModel, RevenueShareSplit as RevenueShareSplitModel, Money as MoneyModel, InvoiceConnectionPage as InvoiceConnectionPageModel, PayoutConnectionPage as PayoutConnectionPageModel } from '../../../domain';
import { BillingContext } from '../context';
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

/** A bill to a partner's customer, from the billing system. */
export type Invoice = {
  __typename?: 'Invoice';
  /** What is still owed; zero once paid. */
  balance: Money;
  /** Day payment is due (ISO 8601 date). */
  dueDate: Scalars['Date']['output'];
  /** Stable invoice id in the billing system. */
  id: Scalars['ID']['output'];
  /** Day the invoice was issued (ISO 8601 date). */
  invoiceDate: Scalars['Date']['output'];
  /** What is billed, one item per charge. */
  items: Array<InvoiceItem>;
  /** Invoice number, e.g. `INV00000042`. */
  number: Scalars['String']['output'];
  /** The quote the invoice bills, when it came from one. */
  quote: Maybe<Quote>;
  /** Whether the invoice is issued, and whether money is still owed on it. */
  status: InvoiceStatus;
  /** What the invoice bills: the sum of its items' amounts. */
  total: Money;
};

/** A page of invoices. */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  /** The invoices of this page, each with its cursor. */
  edges: Array<InvoiceEdge>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** Number of invoices across all pages (after the status filter). */
  totalCount: Scalars['Int']['output'];
};

/** An invoice in a page of invoices. */
export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  /** Opaque position of the invoice in the list; pass it as `after` to read on from here. */
  cursor: Scalars['String']['output'];
  /** The invoice. */
  node: Invoice;
};

/** One billed product on an invoice. */
export type InvoiceItem = {
  __typename?: 'InvoiceItem';
  /** unitPrice x quantity. */
  amount: Money;
  /** What the customer sees on the invoice line. */
  description: Scalars['String']['output'];
  /** Stable item id in the billing system. */
  id: Scalars['ID']['output'];
  /** Number of units billed. */
  quantity: Scalars['Int']['output'];
  /** Last day of the service the item bills (ISO 8601 date). */
  serviceEndDate: Scalars['Date']['output'];
  /** First day of the service the item bills (ISO 8601 date). */
  serviceStartDate: Scalars['Date']['output'];
  /** SKU of the billed product. */
  sku: Scalars['String']['output'];
  /** Price of one unit. */
  unitPrice: Money;
};

/** Where an invoice is: DRAFT (not issued), OPEN (issued, money owed), PAID (issued and settled), CANCELED. */
export type InvoiceStatus =
  | 'CANCELED'
  | 'DRAFT'
  | 'OPEN'
  | 'PAID';

/** An amount in one currency, rounded to 2 decimal places (half up). */
export type Money = {
  __typename?: 'Money';
  /** The amount as a decimal string. */
  amount: Scalars['Decimal']['output'];
  /** The currency of the amount. */
  currency: Scalars['Currency']['output'];
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
  id: Scalars['ID']['output'];
  /**
   * Invoices to the partner's customers, newest first. `first` is 1 to 100 (default 10); `after` is a
   * cursor from a previous page of the same query; `status` keeps invoices in any of the statuses given.
   * Null (with an error at this path) only when the billing system cannot be asked.
   */
  invoices: Maybe<InvoiceConnection>;
  /**
   * The partner's revenue-share payouts, newest first. `first` is 1 to 100 (default 10); `after` is a
   * cursor from a previous page of the same query. Null (with an error at this path) only when the
   * billing system cannot be asked.
   */
  payouts: Maybe<PayoutConnection>;
};


export type PartnerInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<InvoiceStatus>>;
};


export type PartnerPayoutsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The revenue share of one paid invoice, paid out to the parties of the sale. */
export type Payout = {
  __typename?: 'Payout';
  /** The paid invoice amount that is shared out; the splits add up to it exactly. */
  gross: Money;
  /** Stable payout id in the billing system. */
  id: Scalars['ID']['output'];
  /** Number of the invoice whose payment is shared out. */
  invoiceNumber: Scalars['String']['output'];
  /** Payout number, e.g. `PO-00000042`. */
  number: Scalars['String']['output'];
  /** Day of the payout (ISO 8601 date). */
  payoutDate: Scalars['Date']['output'];
  /** Month the payout belongs to, `YYYY-MM`. */
  period: Scalars['String']['output'];
  /** Who gets what: the provider, the partner and, for partners buying through one, the distributor. */
  splits: Array<RevenueShareSplit>;
  /** Whether the payout has been made. */
  status: PayoutStatus;
};

/** A page of payouts. */
export type PayoutConnection = {
  __typename?: 'PayoutConnection';
  /** The payouts of this page, each with its cursor. */
  edges: Array<PayoutEdge>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** Number of payouts across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A payout in a page of payouts. */
export type PayoutEdge = {
  __typename?: 'PayoutEdge';
  /** Opaque position of the payout in the list; pass it as `after` to read on from here. */
  cursor: Scalars['String']['output'];
  /** The payout. */
  node: Payout;
};

/** Whether a payout has been made. */
export type PayoutStatus =
  | 'PAID'
  | 'SCHEDULED';

export type Quote = {
  __typename?: 'Quote';
  id: Scalars['ID']['output'];
  /**
   * The invoices billing the quote, oldest first; empty before the quote is accepted. Null (with an
   * error at this path) only when the billing system cannot be asked, so the quote itself still returns.
   */
  invoices: Maybe<Array<Invoice>>;
  /** The subscription the quote became once accepted; null before that, or (with an error at this path) when the billing system cannot be asked. */
  subscription: Maybe<Subscription>;
};

/** One priced product of a subscription. */
export type RatePlanCharge = {
  __typename?: 'RatePlanCharge';
  /** Discount off the list price, in percent, e.g. `"12.50"`. */
  discount: Scalars['Decimal']['output'];
  /** Stable charge id in the billing system. */
  id: Scalars['ID']['output'];
  /** Unit list price. */
  listPrice: Money;
  /** Name of the charge, usually the product's. */
  name: Scalars['String']['output'];
  /** Charge number, e.g. `C-00000042`. */
  number: Scalars['String']['output'];
  /** Unit price after discount. */
  price: Money;
  /** Number of units subscribed. */
  quantity: Scalars['Int']['output'];
  /** Id of the quote line the charge was created from, when it came from a quote. */
  quoteLineId: Maybe<Scalars['ID']['output']>;
  /** SKU of the product charged. */
  sku: Scalars['String']['output'];
  /** price x quantity over the term. */
  total: Money;
};

/** The parties sharing the revenue of a sale. */
export type RevenueShareParty =
  | 'DISTRIBUTOR'
  | 'PARTNER'
  | 'PROVIDER';

/** One party's share of a payout. */
export type RevenueShareSplit = {
  __typename?: 'RevenueShareSplit';
  /** The party's share of the gross. */
  amount: Money;
  /** The partner, when the party is a partner. */
  partner: Maybe<Partner>;
  /** Which party of the sale the share goes to. */
  party: RevenueShareParty;
  /** The party's id in the billing system: the provider's, the partner's (e.g. `P-00001`) or the distributor's (e.g. `D-001`). */
  partyId: Scalars['ID']['output'];
  /** The party's share in percent, e.g. `"20.00"`. */
  sharePercent: Scalars['Decimal']['output'];
};

/** A customer's subscription in the billing system, created when a quote is accepted. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Day the contract takes effect (ISO 8601 date). */
  contractEffectiveDate: Scalars['Date']['output'];
  /** Stable subscription id in the billing system. */
  id: Scalars['ID']['output'];
  /** Subscription number, e.g. `A-S00000042`. */
  number: Scalars['String']['output'];
  /** The priced products of the subscription; one per line of the quote it came from. */
  ratePlanCharges: Array<RatePlanCharge>;
  /** Where the subscription is in its life. */
  status: SubscriptionStatus;
  /** Day the current term ends (ISO 8601 date). */
  termEndDate: Scalars['Date']['output'];
  /** Length of the term in months. */
  termMonths: Scalars['Int']['output'];
  /** First day of the current term (ISO 8601 date). */
  termStartDate: Scalars['Date']['output'];
  /** Value of the subscription over its term: the sum of its charges' totals. */
  totalContractedValue: Money;
};

/** Where a subscription is in its life. */
export type SubscriptionStatus =
  | 'ACTIVE'
  | 'CANCELED'
  | 'DRAFT'
  | 'EXPIRED'
  | 'PENDING'
  | 'SUSPENDED';

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
  Invoice: Invoice;
  Partner: Partner;
  Quote: Quote;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
  Partner:
    ( { __typename: 'Partner' }
    & GraphQLRecursivePick<FederationTypes['Partner'], {"id":true}> );
  Quote:
    ( { __typename: 'Quote' }
    & GraphQLRecursivePick<FederationTypes['Quote'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Currency: ResolverTypeWrapper<Scalars['Currency']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Invoice: ResolverTypeWrapper<InvoiceModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  InvoiceConnection: ResolverTypeWrapper<InvoiceConnectionPageModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InvoiceEdge: ResolverTypeWrapper<Omit<InvoiceEdge, 'node'> & { node: ResolversTypes['Invoice'] }>;
  InvoiceItem: ResolverTypeWrapper<InvoiceItemModel>;
  InvoiceStatus: InvoiceStatus;
  Money: ResolverTypeWrapper<MoneyModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Partner: ResolverTypeWrapper<PartnerRefModel>;
  Payout: ResolverTypeWrapper<PayoutModel>;
  PayoutConnection: ResolverTypeWrapper<PayoutConnectionPageModel>;
  PayoutEdge: ResolverTypeWrapper<Omit<PayoutEdge, 'node'> & { node: ResolversTypes['Payout'] }>;
  PayoutStatus: PayoutStatus;
  Quote: ResolverTypeWrapper<QuoteRefModel>;
  RatePlanCharge: ResolverTypeWrapper<RatePlanChargeModel>;
  RevenueShareParty: RevenueShareParty;
  RevenueShareSplit: ResolverTypeWrapper<RevenueShareSplitModel>;
  Subscription: ResolverTypeWrapper<SubscriptionModel>;
  SubscriptionStatus: SubscriptionStatus;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Currency: Scalars['Currency']['output'];
  Date: Scalars['Date']['output'];
  Decimal: Scalars['Decimal']['output'];
  Invoice: InvoiceModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  InvoiceConnection: InvoiceConnectionPageModel;
  Int: Scalars['Int']['output'];
  InvoiceEdge: Omit<InvoiceEdge, 'node'> & { node: ResolversParentTypes['Invoice'] };
  InvoiceItem: InvoiceItemModel;
  Money: MoneyModel;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Partner: PartnerRefModel;
  Payout: PayoutModel;
  PayoutConnection: PayoutConnectionPageModel;
  PayoutEdge: Omit<PayoutEdge, 'node'> & { node: ResolversParentTypes['Payout'] };
  Quote: QuoteRefModel;
  RatePlanCharge: RatePlanChargeModel;
  RevenueShareSplit: RevenueShareSplitModel;
  Subscription: SubscriptionModel;
}>;

export interface CurrencyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Currency'], any> {
  name: 'Currency';
}

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type InvoiceResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  balance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoiceDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['InvoiceItem']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['Quote']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvoiceStatus'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type InvoiceConnectionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceConnection'] = ResolversParentTypes['InvoiceConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['InvoiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type InvoiceEdgeResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceEdge'] = ResolversParentTypes['InvoiceEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
}>;

export type InvoiceItemResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceItem'] = ResolversParentTypes['InvoiceItem']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  serviceEndDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  serviceStartDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PartnerResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Partner'] = ResolversParentTypes['Partner'], FederationReferenceType extends FederationReferenceTypes['Partner'] = FederationReferenceTypes['Partner']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Partner']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoices?: Resolver<Maybe<ResolversTypes['InvoiceConnection']>, ParentType, ContextType, RequireFields<PartnerInvoicesArgs, 'first'>>;
  payouts?: Resolver<Maybe<ResolversTypes['PayoutConnection']>, ParentType, ContextType, RequireFields<PartnerPayoutsArgs, 'first'>>;
}>;

export type PayoutResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Payout'] = ResolversParentTypes['Payout']> = ResolversObject<{
  gross?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoiceNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payoutDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  splits?: Resolver<Array<ResolversTypes['RevenueShareSplit']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PayoutStatus'], ParentType, ContextType>;
}>;

export type PayoutConnectionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PayoutConnection'] = ResolversParentTypes['PayoutConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PayoutEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PayoutEdgeResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PayoutEdge'] = ResolversParentTypes['PayoutEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Payout'], ParentType, ContextType>;
}>;

export type QuoteResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Quote'] = ResolversParentTypes['Quote'], FederationReferenceType extends FederationReferenceTypes['Quote'] = FederationReferenceTypes['Quote']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Quote']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoices?: Resolver<Maybe<Array<ResolversTypes['Invoice']>>, ParentType, ContextType>;
  subscription?: Resolver<Maybe<ResolversTypes['Subscription']>, ParentType, ContextType>;
}>;

export type RatePlanChargeResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['RatePlanCharge'] = ResolversParentTypes['RatePlanCharge']> = ResolversObject<{
  discount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  listPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quoteLineId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type RevenueShareSplitResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['RevenueShareSplit'] = ResolversParentTypes['RevenueShareSplit']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  partner?: Resolver<Maybe<ResolversTypes['Partner']>, ParentType, ContextType>;
  party?: Resolver<ResolversTypes['RevenueShareParty'], ParentType, ContextType>;
  partyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sharePercent?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  contractEffectiveDate?: SubscriptionResolver<ResolversTypes['Date'], "contractEffectiveDate", ParentType, ContextType>;
  id?: SubscriptionResolver<ResolversTypes['ID'], "id", ParentType, ContextType>;
  number?: SubscriptionResolver<ResolversTypes['String'], "number", ParentType, ContextType>;
  ratePlanCharges?: SubscriptionResolver<Array<ResolversTypes['RatePlanCharge']>, "ratePlanCharges", ParentType, ContextType>;
  status?: SubscriptionResolver<ResolversTypes['SubscriptionStatus'], "status", ParentType, ContextType>;
  termEndDate?: SubscriptionResolver<ResolversTypes['Date'], "termEndDate", ParentType, ContextType>;
  termMonths?: SubscriptionResolver<ResolversTypes['Int'], "termMonths", ParentType, ContextType>;
  termStartDate?: SubscriptionResolver<ResolversTypes['Date'], "termStartDate", ParentType, ContextType>;
  totalContractedValue?: SubscriptionResolver<ResolversTypes['Money'], "totalContractedValue", ParentType, ContextType>;
}>;

export type Resolvers<ContextType = BillingContext> = ResolversObject<{
  Currency?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceConnection?: InvoiceConnectionResolvers<ContextType>;
  InvoiceEdge?: InvoiceEdgeResolvers<ContextType>;
  InvoiceItem?: InvoiceItemResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Partner?: PartnerResolvers<ContextType>;
  Payout?: PayoutResolvers<ContextType>;
  PayoutConnection?: PayoutConnectionResolvers<ContextType>;
  PayoutEdge?: PayoutEdgeResolvers<ContextType>;
  Quote?: QuoteResolvers<ContextType>;
  RatePlanCharge?: RatePlanChargeResolvers<ContextType>;
  RevenueShareSplit?: RevenueShareSplitResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
}>;

