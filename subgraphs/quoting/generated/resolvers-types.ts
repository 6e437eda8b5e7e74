import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { PartnerRef as PartnerRefModel, Quote as QuoteModel, QuoteLine as QuoteLineModel, ProductRef as ProductRefModel, Money as MoneyModel, QuoteConnectionPage as QuoteConnectionPageModel } from '../../../domain';
import { QuotingContext } from '../server';
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
  /** An ISO 4217 currency code, e.g. `EUR`. */
  Currency: { input: string; output: string; }
  /** A decimal number as a string, e.g. `"1234.50"`. Money is never a float. */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
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
   * The partner's quotes. `first` is 1 to 100 (default 10); `after` is a cursor from a previous page
   * of the same query. Filters combine: `status` (any of), `createdFrom` / `createdTo` (ISO 8601 dates,
   * inclusive). Default order: newest first.
   */
  quotes: QuoteConnection;
};


export type PartnerQuotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  createdFrom?: InputMaybe<Scalars['String']['input']>;
  createdTo?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<QuoteOrder>;
  status?: InputMaybe<Array<QuoteStatus>>;
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
  /** When the quote was created (ISO 8601 timestamp). */
  createdAt: Scalars['String']['output'];
  /** Last day the quote's prices hold (ISO 8601 date). */
  expiresOn: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The quote's lines, in CPQ order. */
  lines: Array<QuoteLine>;
  /** Sum of list price x quantity over all lines. */
  listTotal: Money;
  /** Sum of the lines' net totals: what the customer pays. */
  netTotal: Money;
  /** Human-readable quote number, e.g. `Q-000042`. */
  number: Scalars['String']['output'];
  /** The partner that owns the quote. */
  partner: Partner;
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

/** Where a quote is in its life. */
export type QuoteStatus =
  | 'ACCEPTED'
  | 'APPROVED'
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'PRESENTED'
  | 'REJECTED';

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
  Currency: ResolverTypeWrapper<Scalars['Currency']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Freshness: ResolverTypeWrapper<Freshness>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Money: ResolverTypeWrapper<MoneyModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Partner: ResolverTypeWrapper<PartnerRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Product: ResolverTypeWrapper<ProductRefModel>;
  ProductFamily: ProductFamily;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quote: ResolverTypeWrapper<QuoteModel>;
  QuoteConnection: ResolverTypeWrapper<QuoteConnectionPageModel>;
  QuoteEdge: ResolverTypeWrapper<Omit<QuoteEdge, 'node'> & { node: ResolversTypes['Quote'] }>;
  QuoteLine: ResolverTypeWrapper<QuoteLineModel>;
  QuoteOrder: QuoteOrder;
  QuoteStatus: QuoteStatus;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Currency: Scalars['Currency']['output'];
  Decimal: Scalars['Decimal']['output'];
  Freshness: Freshness;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  Money: MoneyModel;
  PageInfo: PageInfo;
  Partner: PartnerRefModel;
  ID: Scalars['ID']['output'];
  Product: ProductRefModel;
  Query: Record<PropertyKey, never>;
  Quote: QuoteModel;
  QuoteConnection: QuoteConnectionPageModel;
  QuoteEdge: Omit<QuoteEdge, 'node'> & { node: ResolversParentTypes['Quote'] };
  QuoteLine: QuoteLineModel;
}>;

export interface CurrencyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Currency'], any> {
  name: 'Currency';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type FreshnessResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Freshness'] = ResolversParentTypes['Freshness']> = ResolversObject<{
  ageSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PartnerResolvers<ContextType = QuotingContext, ParentType extends ResolversParentTypes['Partner'] = ResolversParentTypes['Partner'], FederationReferenceType extends FederationReferenceTypes['Partner'] = FederationReferenceTypes['Partner']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Partner']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quotes?: Resolver<ResolversTypes['QuoteConnection'], ParentType, ContextType, RequireFields<PartnerQuotesArgs, 'first' | 'orderBy'>>;
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
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['QuoteLine']>, ParentType, ContextType>;
  listTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  netTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['Partner'], ParentType, ContextType>;
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
  discount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  listPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  netPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  netTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = QuotingContext> = ResolversObject<{
  Currency?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Freshness?: FreshnessResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Partner?: PartnerResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quote?: QuoteResolvers<ContextType>;
  QuoteConnection?: QuoteConnectionResolvers<ContextType>;
  QuoteEdge?: QuoteEdgeResolvers<ContextType>;
  QuoteLine?: QuoteLineResolvers<ContextType>;
}>;

