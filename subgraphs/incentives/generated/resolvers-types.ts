import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { QuoteModel as QuoteModelModel, ProductKey as ProductKeyModel, IncentiveEstimateModel as IncentiveEstimateModelModel, IncentiveProgramModel as IncentiveProgramModelModel, AccrualConnectionPage as AccrualConnectionPageModel, PartnerIncentivesModel as PartnerIncentivesModelModel } from '../models';
import { PartnerRef as PartnerRefModel, Money as MoneyModel, IncentiveComponent as IncentiveComponentModel, Spiff as SpiffModel, Accrual as AccrualModel } from '../../../domain';
import { IncentivesContext } from '../context';
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

/** How a program pays above quota. */
export type Accelerator = {
  __typename?: 'Accelerator';
  /** The base rate's multiplier above that threshold, e.g. `"1.50"`. */
  multiplier: Scalars['Decimal']['output'];
  /** Percent of the quarterly quota above which the accelerator pays, e.g. `"100"`. */
  quotaAttainmentPercent: Scalars['Decimal']['output'];
};

/** A commission the nightly batch posted to the incentive ledger. Posted accruals never change. */
export type Accrual = {
  __typename?: 'Accrual';
  acceleratorAmount: Money;
  /** The commission: base + SPIFF + accelerator + cap adjustment. */
  amount: Money;
  baseAmount: Money;
  /** What the per-deal cap took off; zero or negative. */
  capAdjustment: Money;
  /** The day the deal closed (ISO 8601 date). */
  closeDate: Scalars['Date']['output'];
  dealAmount: Money;
  id: Scalars['ID']['output'];
  /** The partner's tier when the accrual was posted. */
  partnerTier: PartnerTier;
  /** When the nightly batch posted it (ISO 8601 timestamp). */
  postedAt: Scalars['String']['output'];
  /** Id of the program the commission was computed under. */
  programId: Scalars['ID']['output'];
  /** The calendar quarter of the close date, e.g. `2026-Q4`. */
  quarter: Scalars['String']['output'];
  /** The accepted quote the commission is for. Its fields come from the quoting subgraph (CPQ): null, with an error at this path, when they cannot be read. */
  quote: Maybe<Quote>;
  spiffAmount: Money;
};

/** A page of accruals. */
export type AccrualConnection = {
  __typename?: 'AccrualConnection';
  edges: Array<AccrualEdge>;
  pageInfo: PageInfo;
  /** Number of accruals across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An accrual in a page of accruals. */
export type AccrualEdge = {
  __typename?: 'AccrualEdge';
  cursor: Scalars['String']['output'];
  node: Accrual;
};

/** A program's commission rate for one product family at one partner tier. */
export type BaseRate = {
  __typename?: 'BaseRate';
  partnerTier: PartnerTier;
  productFamily: ProductFamily;
  /** Percent of the line net total, e.g. `"4.00"`. */
  ratePercent: Scalars['Decimal']['output'];
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

/** One program rule's part of a commission. */
export type IncentiveComponent = {
  __typename?: 'IncentiveComponent';
  /** What the rule adds to the total; negative for CAP. */
  amount: Money;
  /** What the rule paid for, e.g. the rates and SPIFFs that applied. */
  description: Scalars['String']['output'];
  kind: IncentiveComponentKind;
};

/** The program rules, in the order they apply. */
export type IncentiveComponentKind =
  /** The base again, times the multiplier less one, on the part of the deal above the quarterly quota. */
  | 'ACCELERATOR'
  /** The base rate of each line's product family at the partner's tier. */
  | 'BASE'
  /** What the per-deal cap takes off base + SPIFF + accelerator. */
  | 'CAP'
  /** A time-boxed bonus on a product whose window holds the close date (the highest, when several do). */
  | 'SPIFF';

/**
 * What a partner earns on a quote, by the rules of the incentive program covering its close date:
 * before the deal closes, an estimate; the nightly batch posts the same amount.
 */
export type IncentiveEstimate = {
  __typename?: 'IncentiveEstimate';
  /**
   * Deal amounts the partner booked in the same quarter ahead of this deal: accruals in the ledger
   * and accepted deals waiting for the nightly batch that close before it. Above the quota, the accelerator pays.
   */
  bookedBeforeInQuarter: Money;
  /** How the total comes about: one component per rule that pays (BASE always), in the order the rules apply. */
  breakdown: Array<IncentiveComponent>;
  /**
   * The close date the estimate assumes (ISO 8601 date): the day an accepted quote closed; for an
   * open quote, its expected close date, or today when that has passed. SPIFF windows and the quarter
   * depend on it.
   */
  closeDate: Scalars['Date']['output'];
  /** The amount commission is paid on: the sum of the lines' net totals. */
  dealAmount: Money;
  /** How current the program rules behind the estimate are: stale while the incentive system is down. */
  freshness: Freshness;
  /** Why the incentive system would not pay this deal (e.g. no program covers the close date); null when it would. */
  ineligibleReason: Maybe<Scalars['String']['output']>;
  /** The program whose rules apply: the one covering the close date. Null when none does. */
  program: Maybe<IncentiveProgram>;
  /** The calendar quarter of the close date, e.g. `2026-Q4`: quota and accelerator count per quarter. */
  quarter: Scalars['String']['output'];
  /** The partner's quota for one quarter (a quarter of the annual quota). */
  quarterlyQuota: Money;
  /** The commission: the sum of the breakdown's amounts. Zero when the incentive system would not pay the deal. */
  total: Money;
};

/**
 * A commission program: its rules for deals closing between its start and end dates. Reference data:
 * cached, and served stale (see `freshness`) while the incentive system is down.
 */
export type IncentiveProgram = {
  __typename?: 'IncentiveProgram';
  /** Extra commission above the quarterly quota. */
  accelerator: Accelerator;
  /** Commission percent by product family and partner tier. */
  baseRates: Array<BaseRate>;
  /** The most one deal earns, per currency. */
  dealCaps: Array<Money>;
  /** Last day a deal may close to fall under the program (ISO 8601 date). */
  endDate: Scalars['Date']['output'];
  /** How current these rules are. */
  freshness: Freshness;
  /** Stable program id, e.g. `PRG-2026-CORE`. */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Time-boxed bonuses on single products. */
  spiffs: Array<Spiff>;
  /** First day a deal may close to fall under the program (ISO 8601 date). */
  startDate: Scalars['Date']['output'];
  status: IncentiveProgramStatus;
};

/** Whether deals may still fall under a program. */
export type IncentiveProgramStatus =
  | 'ACTIVE'
  | 'CLOSED';

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
   * The partner's commission in one calendar quarter: `quarter` like `2026-Q4`, the current quarter
   * when omitted. Partner users may read only their own partner's (else FORBIDDEN).
   */
  incentives: Maybe<PartnerIncentives>;
};


export type PartnerIncentivesArgs = {
  quarter?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A partner's commission in one calendar quarter: what the ledger holds, and what the nightly batch
 * will add for accepted deals still waiting for it. Amounts are in the partner's currency.
 */
export type PartnerIncentives = {
  __typename?: 'PartnerIncentives';
  /** The quarter's posted accruals, in posting order. `first` is 1 to 100 (default 10). */
  accruals: AccrualConnection;
  /** Deal amounts booked in the quarter: posted and pending. */
  booked: Money;
  /** Commission posted to the ledger for deals closed in the quarter. */
  earned: Money;
  /** When the nightly batch last posted to the ledger (ISO 8601 timestamp); null before the first. */
  lastBatchRunAt: Maybe<Scalars['String']['output']>;
  /** Commission on the quarter's accepted deals waiting for the nightly batch, computed by the program rules. */
  pending: Money;
  /** earned + pending: what the ledger will hold for the quarter once the batch has run. */
  projected: Money;
  /** The calendar quarter, e.g. `2026-Q4`. */
  quarter: Scalars['String']['output'];
  /** The partner's quota for the quarter (a quarter of the annual quota). */
  quarterlyQuota: Money;
  /** booked / quarterlyQuota, in percent with 2 places, e.g. `"87.50"`. */
  quotaAttainment: Scalars['Decimal']['output'];
};


/**
 * A partner's commission in one calendar quarter: what the ledger holds, and what the nightly batch
 * will add for accepted deals still waiting for it. Amounts are in the partner's currency.
 */
export type PartnerIncentivesAccrualsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Partner program tiers, lowest first. */
export type PartnerTier =
  | 'GOLD'
  | 'PLATINUM'
  | 'REGISTERED'
  | 'SILVER';

export type Product = {
  __typename?: 'Product';
  family: ProductFamily;
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
  /** The commission programs, oldest first, with their rules. */
  incentivePrograms: Array<IncentiveProgram>;
};

export type Quote = {
  __typename?: 'Quote';
  closeDate: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  /** The commission the nightly batch posted to the ledger for this quote; null until it has. */
  incentiveAccrual: Maybe<Accrual>;
  /**
   * What the partner will earn on this quote, broken down by program rule, computed with the rules
   * the incentive system applies: once the quote is accepted and the nightly batch has run, the
   * ledger's accrual (`incentiveAccrual`) equals this to the cent, as long as the deal closes on the
   * assumed `closeDate`. Null for a rejected quote, which earns nothing.
   */
  incentiveEstimate: Maybe<IncentiveEstimate>;
  lines: Array<QuoteLine>;
  netTotal: Money;
  partner: Maybe<Partner>;
  status: QuoteStatus;
};

export type QuoteLine = {
  __typename?: 'QuoteLine';
  netTotal: Money;
  product: Product;
};

/** Where a quote is in its life. */
export type QuoteStatus =
  | 'ACCEPTED'
  | 'APPROVED'
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'PRESENTED'
  | 'REJECTED';

/** A sales performance incentive: an extra rate on one product for deals closing within a window. */
export type Spiff = {
  __typename?: 'Spiff';
  /** Last day of the window (ISO 8601 date, inclusive). */
  endDate: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The product the SPIFF pays on. Its fields come from the quoting subgraph (CPQ): null, with an error at this path, when they cannot be read. */
  product: Maybe<Product>;
  /** Percent of the line net total, on top of the base rate. */
  ratePercent: Scalars['Decimal']['output'];
  /** First day of the window (ISO 8601 date, inclusive). */
  startDate: Scalars['Date']['output'];
};

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
  IncentiveProgram: IncentiveProgram;
  Partner: Partner;
  Quote: Quote;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  IncentiveProgram:
    ( { __typename: 'IncentiveProgram' }
    & GraphQLRecursivePick<FederationTypes['IncentiveProgram'], {"id":true}> );
  Partner:
    ( { __typename: 'Partner' }
    & GraphQLRecursivePick<FederationTypes['Partner'], {"id":true}> );
  Quote:
    ( { __typename: 'Quote' }
    & GraphQLRecursivePick<FederationTypes['Quote'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Quote'], {"status":true,"closeDate":true,"netTotal":{"currency":true},"partner":{"id":true},"lines":{"netTotal":{"amount":true,"currency":true},"product":{"sku":true,"family":true}}}> ) );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Accelerator: ResolverTypeWrapper<Accelerator>;
  Accrual: ResolverTypeWrapper<AccrualModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AccrualConnection: ResolverTypeWrapper<AccrualConnectionPageModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AccrualEdge: ResolverTypeWrapper<Omit<AccrualEdge, 'node'> & { node: ResolversTypes['Accrual'] }>;
  BaseRate: ResolverTypeWrapper<BaseRate>;
  Currency: ResolverTypeWrapper<Scalars['Currency']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Freshness: ResolverTypeWrapper<Freshness>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  IncentiveComponent: ResolverTypeWrapper<IncentiveComponentModel>;
  IncentiveComponentKind: IncentiveComponentKind;
  IncentiveEstimate: ResolverTypeWrapper<IncentiveEstimateModelModel>;
  IncentiveProgram: ResolverTypeWrapper<IncentiveProgramModelModel>;
  IncentiveProgramStatus: IncentiveProgramStatus;
  Money: ResolverTypeWrapper<MoneyModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Partner: ResolverTypeWrapper<PartnerRefModel>;
  PartnerIncentives: ResolverTypeWrapper<PartnerIncentivesModelModel>;
  PartnerTier: PartnerTier;
  Product: ResolverTypeWrapper<ProductKeyModel>;
  ProductFamily: ProductFamily;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quote: ResolverTypeWrapper<QuoteModelModel>;
  QuoteLine: ResolverTypeWrapper<Omit<QuoteLine, 'netTotal' | 'product'> & { netTotal: ResolversTypes['Money'], product: ResolversTypes['Product'] }>;
  QuoteStatus: QuoteStatus;
  Spiff: ResolverTypeWrapper<SpiffModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Accelerator: Accelerator;
  Accrual: AccrualModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  AccrualConnection: AccrualConnectionPageModel;
  Int: Scalars['Int']['output'];
  AccrualEdge: Omit<AccrualEdge, 'node'> & { node: ResolversParentTypes['Accrual'] };
  BaseRate: BaseRate;
  Currency: Scalars['Currency']['output'];
  Date: Scalars['Date']['output'];
  Decimal: Scalars['Decimal']['output'];
  Freshness: Freshness;
  Boolean: Scalars['Boolean']['output'];
  IncentiveComponent: IncentiveComponentModel;
  IncentiveEstimate: IncentiveEstimateModelModel;
  IncentiveProgram: IncentiveProgramModelModel;
  Money: MoneyModel;
  PageInfo: PageInfo;
  Partner: PartnerRefModel;
  PartnerIncentives: PartnerIncentivesModelModel;
  Product: ProductKeyModel;
  Query: Record<PropertyKey, never>;
  Quote: QuoteModelModel;
  QuoteLine: Omit<QuoteLine, 'netTotal' | 'product'> & { netTotal: ResolversParentTypes['Money'], product: ResolversParentTypes['Product'] };
  Spiff: SpiffModel;
}>;

export type AcceleratorResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['Accelerator'] = ResolversParentTypes['Accelerator']> = ResolversObject<{
  multiplier?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  quotaAttainmentPercent?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type AccrualResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['Accrual'] = ResolversParentTypes['Accrual']> = ResolversObject<{
  acceleratorAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  baseAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  capAdjustment?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  closeDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  dealAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partnerTier?: Resolver<ResolversTypes['PartnerTier'], ParentType, ContextType>;
  postedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  programId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quarter?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['Quote']>, ParentType, ContextType>;
  spiffAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type AccrualConnectionResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['AccrualConnection'] = ResolversParentTypes['AccrualConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AccrualEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AccrualEdgeResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['AccrualEdge'] = ResolversParentTypes['AccrualEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Accrual'], ParentType, ContextType>;
}>;

export type BaseRateResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['BaseRate'] = ResolversParentTypes['BaseRate']> = ResolversObject<{
  partnerTier?: Resolver<ResolversTypes['PartnerTier'], ParentType, ContextType>;
  productFamily?: Resolver<ResolversTypes['ProductFamily'], ParentType, ContextType>;
  ratePercent?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
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

export type FreshnessResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['Freshness'] = ResolversParentTypes['Freshness']> = ResolversObject<{
  ageSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type IncentiveComponentResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['IncentiveComponent'] = ResolversParentTypes['IncentiveComponent']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['IncentiveComponentKind'], ParentType, ContextType>;
}>;

export type IncentiveEstimateResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['IncentiveEstimate'] = ResolversParentTypes['IncentiveEstimate']> = ResolversObject<{
  bookedBeforeInQuarter?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  breakdown?: Resolver<Array<ResolversTypes['IncentiveComponent']>, ParentType, ContextType>;
  closeDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  dealAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  freshness?: Resolver<ResolversTypes['Freshness'], ParentType, ContextType>;
  ineligibleReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  program?: Resolver<Maybe<ResolversTypes['IncentiveProgram']>, ParentType, ContextType>;
  quarter?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quarterlyQuota?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type IncentiveProgramResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['IncentiveProgram'] = ResolversParentTypes['IncentiveProgram'], FederationReferenceType extends FederationReferenceTypes['IncentiveProgram'] = FederationReferenceTypes['IncentiveProgram']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['IncentiveProgram']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accelerator?: Resolver<ResolversTypes['Accelerator'], ParentType, ContextType>;
  baseRates?: Resolver<Array<ResolversTypes['BaseRate']>, ParentType, ContextType>;
  dealCaps?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  endDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  freshness?: Resolver<ResolversTypes['Freshness'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  spiffs?: Resolver<Array<ResolversTypes['Spiff']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IncentiveProgramStatus'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PartnerResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['Partner'] = ResolversParentTypes['Partner'], FederationReferenceType extends FederationReferenceTypes['Partner'] = FederationReferenceTypes['Partner']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Partner']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  incentives?: Resolver<Maybe<ResolversTypes['PartnerIncentives']>, ParentType, ContextType, Partial<PartnerIncentivesArgs>>;
}>;

export type PartnerIncentivesResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['PartnerIncentives'] = ResolversParentTypes['PartnerIncentives']> = ResolversObject<{
  accruals?: Resolver<ResolversTypes['AccrualConnection'], ParentType, ContextType, RequireFields<PartnerIncentivesAccrualsArgs, 'first'>>;
  booked?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  earned?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  lastBatchRunAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  projected?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  quarter?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quarterlyQuota?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  quotaAttainment?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = ResolversObject<{
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  incentivePrograms?: Resolver<Array<ResolversTypes['IncentiveProgram']>, ParentType, ContextType>;
}>;

export type QuoteResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['Quote'] = ResolversParentTypes['Quote'], FederationReferenceType extends FederationReferenceTypes['Quote'] = FederationReferenceTypes['Quote']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Quote']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  incentiveAccrual?: Resolver<Maybe<ResolversTypes['Accrual']>, ParentType, ContextType>;
  incentiveEstimate?: Resolver<Maybe<ResolversTypes['IncentiveEstimate']>, ParentType, ContextType>;
}>;

export type SpiffResolvers<ContextType = IncentivesContext, ParentType extends ResolversParentTypes['Spiff'] = ResolversParentTypes['Spiff']> = ResolversObject<{
  endDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  ratePercent?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = IncentivesContext> = ResolversObject<{
  Accelerator?: AcceleratorResolvers<ContextType>;
  Accrual?: AccrualResolvers<ContextType>;
  AccrualConnection?: AccrualConnectionResolvers<ContextType>;
  AccrualEdge?: AccrualEdgeResolvers<ContextType>;
  BaseRate?: BaseRateResolvers<ContextType>;
  Currency?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Freshness?: FreshnessResolvers<ContextType>;
  IncentiveComponent?: IncentiveComponentResolvers<ContextType>;
  IncentiveEstimate?: IncentiveEstimateResolvers<ContextType>;
  IncentiveProgram?: IncentiveProgramResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Partner?: PartnerResolvers<ContextType>;
  PartnerIncentives?: PartnerIncentivesResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quote?: QuoteResolvers<ContextType>;
  Spiff?: SpiffResolvers<ContextType>;
}>;

