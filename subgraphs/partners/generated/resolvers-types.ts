import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { PartnerModel as PartnerModelModel } from '../models';
import { Contact as ContactModel, Certification as CertificationModel, DealRegistration as DealRegistrationModel, DealRegistrationConnectionPage as DealRegistrationConnectionPageModel, Money as MoneyModel } from '../../../domain';
import { PartnersContext } from '../context';
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

/** A partner's use of its per-minute gateway budgets, shared by all its users and the gateway's replicas. */
export type BudgetUsage = {
  __typename?: 'BudgetUsage';
  /** Query cost charged this minute, this query's included (each object a query may return costs 1). */
  cost: Scalars['Int']['output'];
  /** Query cost left this minute; a query costing more is refused with RATE_LIMITED (HTTP 429). */
  remaining: Scalars['Int']['output'];
  /** Requests counted this minute, this one included. */
  requests: Scalars['Int']['output'];
  /** When the minute's cost budget starts again, ISO 8601 in UTC. */
  resetsAt: Scalars['String']['output'];
};

/** Proof that someone at the partner passed the training for one product family. */
export type Certification = {
  __typename?: 'Certification';
  /** Day the certification was earned (ISO 8601 date). */
  certifiedOn: Scalars['Date']['output'];
  /** Last day the certification is valid (ISO 8601 date). */
  expiresOn: Scalars['Date']['output'];
  /** The contact who holds the certification, when the PRM still lists them. */
  holder: Maybe<Contact>;
  /** Stable certification id, e.g. `CRT-000001`. */
  id: Scalars['ID']['output'];
  /** How advanced the certification is. */
  level: CertificationLevel;
  /** The product family the certification covers. */
  productFamily: ProductFamily;
  /**
   * ACTIVE until the expiry date has passed or the PRM has marked it expired; only ACTIVE
   * certifications let the partner sell the family.
   */
  status: CertificationStatus;
};

/** How advanced a certification is. */
export type CertificationLevel =
  | 'ASSOCIATE'
  | 'EXPERT'
  | 'PROFESSIONAL';

/** Whether a certification counts. */
export type CertificationStatus =
  | 'ACTIVE'
  | 'EXPIRED';

/** A person at a partner company. */
export type Contact = {
  __typename?: 'Contact';
  /** Work email address. */
  email: Scalars['String']['output'];
  /** Given name. */
  firstName: Scalars['String']['output'];
  /** Stable contact id, e.g. `CON-000001`. */
  id: Scalars['ID']['output'];
  /** Family name. */
  lastName: Scalars['String']['output'];
  /** True for the partner's primary contact. */
  primary: Scalars['Boolean']['output'];
  /** What the contact does for the partnership. */
  role: ContactRole;
  /** Whether the contact still works with us. */
  status: ContactStatus;
  /** Job title. */
  title: Scalars['String']['output'];
};

/** What a contact does for the partnership. */
export type ContactRole =
  | 'FINANCE'
  | 'PRIMARY'
  | 'SALES'
  | 'TECHNICAL';

/** Whether a contact still works with us. */
export type ContactStatus =
  | 'ACTIVE'
  | 'INACTIVE';

/**
 * A partner's claim on a deal with one customer for one product family: while APPROVED and not
 * expired it protects the partner from channel conflict and gives its quotes an extra discount.
 */
export type DealRegistration = {
  __typename?: 'DealRegistration';
  /** The customer's account id (see `Partner.customers`), or null for a prospect that is not a customer yet. */
  customerAccountId: Maybe<Scalars['ID']['output']>;
  /** The end customer's name as registered. */
  customerName: Scalars['String']['output'];
  /** The deal's expected value, in the partner's currency. */
  estimatedAmount: Money;
  /** Last day the registration protects the deal (ISO 8601 date); 90 days after submission. */
  expiresOn: Scalars['Date']['output'];
  /** Stable registration id, e.g. `DR-000042`. */
  id: Scalars['ID']['output'];
  /** The partner that registered the deal. */
  partner: Partner;
  /** The product family the deal is for. */
  productFamily: ProductFamily;
  /**
   * Extra discount in percent, e.g. `"5.00"`, that pricing gives a quote claiming this registration
   * while it is APPROVED; nothing otherwise.
   */
  protectedDiscount: Scalars['Decimal']['output'];
  /**
   * Where the registration is. SUBMITTED and APPROVED registrations become EXPIRED after their
   * expiry date, whatever the PRM has recorded yet.
   */
  status: DealRegistrationStatus;
  /** Day the registration was submitted (ISO 8601 date). */
  submittedOn: Scalars['Date']['output'];
};

/** A page of deal registrations. */
export type DealRegistrationConnection = {
  __typename?: 'DealRegistrationConnection';
  /** The registrations of this page, each with its cursor. */
  edges: Array<DealRegistrationEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of registrations across all pages (after the status filter). */
  totalCount: Scalars['Int']['output'];
};

/** A deal registration in a page of registrations. */
export type DealRegistrationEdge = {
  __typename?: 'DealRegistrationEdge';
  /** Pass as `after` to get the registrations after this one. */
  cursor: Scalars['String']['output'];
  /** The registration. */
  node: DealRegistration;
};

/** Where a deal registration is. */
export type DealRegistrationStatus =
  /** Accepted: the deal is protected and its quotes get the protected discount. */
  | 'APPROVED'
  /** Past its expiry date: no protection, no discount. */
  | 'EXPIRED'
  /** Refused by the channel team. */
  | 'REJECTED'
  /** Waiting for the channel team's decision; no discount yet. */
  | 'SUBMITTED';

/** An amount in one currency, rounded to 2 decimal places (half up). */
export type Money = {
  __typename?: 'Money';
  /** The amount as a decimal string. */
  amount: Scalars['Decimal']['output'];
  /** The currency of the amount. */
  currency: Scalars['Currency']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Registers a deal for the signed-in user's partner with the PRM; it starts SUBMITTED and protects
   * the deal for 90 days once APPROVED. Needs the partner_rep or partner_admin role (channel managers
   * read only: FORBIDDEN). With an idempotencyKey, a repeat answers the registration the first call made.
   */
  registerDeal: RegisterDealPayload;
};


export type MutationRegisterDealArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: RegisterDealInput;
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

/**
 * A company that resells or refers our products. Owned by the partners subgraph (the PRM);
 * other subgraphs add what they know about the partner: quotes, invoices, incentives. When the PRM
 * cannot be asked (down, too slow, rate limiting), your own partner still comes with its `id` and
 * what the other systems serve; each field below from the PRM is then null, with the coded error at its path.
 */
export type Partner = {
  __typename?: 'Partner';
  /** The partner's sales target for the calendar year, in its currency. Null (with an error at this path) only when the PRM cannot be asked. */
  annualQuota: Maybe<Money>;
  /**
   * The partner's certifications, current and expired. A product family may be sold only while the
   * partner holds at least one ACTIVE certification for it. Null (with an error at this path) only
   * when the PRM cannot be asked.
   */
  certifications: Maybe<Array<Certification>>;
  /** People at the partner, in the PRM's order (the primary contact first). Null (with an error at this path) only when the PRM cannot be asked. */
  contacts: Maybe<Array<Contact>>;
  /** ISO 3166-1 alpha-2 country of the partner's billing address. Null (with an error at this path) only when the PRM cannot be asked. */
  country: Maybe<Scalars['String']['output']>;
  /** The currency the partner quotes and is paid in. Null (with an error at this path) only when the PRM cannot be asked. */
  currency: Maybe<Scalars['Currency']['output']>;
  /**
   * The partner's deal registrations, newest first. `first` is 1 to 100 (default 10); `after` is a
   * cursor from a previous page of the same query; `status` keeps registrations in any of the statuses given.
   * Null (with an error at this path) when the PRM cannot be asked or an argument is invalid.
   */
  dealRegistrations: Maybe<DealRegistrationConnection>;
  /** Stable partner id, e.g. `P-00001`. */
  id: Scalars['ID']['output'];
  /** Legal or trading name. Null (with an error at this path) only when the PRM cannot be asked. */
  name: Maybe<Scalars['String']['output']>;
  /** A quarter of the annual quota: the target incentive accelerators are measured against. Null (with an error at this path) only when the PRM cannot be asked. */
  quarterlyQuota: Maybe<Money>;
  /** Sales region, e.g. `EMEA`. Null (with an error at this path) only when the PRM cannot be asked. */
  region: Maybe<Scalars['String']['output']>;
  /** Whether the partner may transact. Null (with an error at this path) only when the PRM cannot be asked. */
  status: Maybe<PartnerStatus>;
  /** Program tier; drives discounts and commission rates. Null (with an error at this path) only when the PRM cannot be asked. */
  tier: Maybe<PartnerTier>;
  /**
   * What your partner has spent of its gateway budgets this minute, as the gateway counted it when it
   * admitted this request (the `RateLimit` and `RateLimit-Policy` response headers list every budget,
   * your user's share included). Null for any partner but your own, and when the gateway counts no
   * budgets or could not count this request.
   */
  usage: Maybe<BudgetUsage>;
};


/**
 * A company that resells or refers our products. Owned by the partners subgraph (the PRM);
 * other subgraphs add what they know about the partner: quotes, invoices, incentives. When the PRM
 * cannot be asked (down, too slow, rate limiting), your own partner still comes with its `id` and
 * what the other systems serve; each field below from the PRM is then null, with the coded error at its path.
 */
export type PartnerDealRegistrationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<DealRegistrationStatus>>;
};

/** Whether a partner may transact. */
export type PartnerStatus =
  | 'ACTIVE'
  | 'SUSPENDED'
  | 'TERMINATED';

/** Partner program tiers, lowest first. */
export type PartnerTier =
  | 'GOLD'
  | 'PLATINUM'
  | 'REGISTERED'
  | 'SILVER';

/** Product families of the catalog. */
export type ProductFamily =
  | 'CLOUD'
  | 'NETWORK'
  | 'SECURITY'
  | 'SUPPORT';

export type Query = {
  __typename?: 'Query';
  /** The partner of the signed-in user. */
  me: Maybe<Partner>;
  /** A partner by id, or null when there is none. Partner users may read only their own partner (else FORBIDDEN); channel managers may read any. */
  partner: Maybe<Partner>;
};


export type QueryPartnerArgs = {
  id: Scalars['ID']['input'];
};

/** What `registerDeal` needs: who the customer is, what they will buy, and for how much. */
export type RegisterDealInput = {
  /** The customer's account id when it already is one of your customers. */
  customerAccountId?: InputMaybe<Scalars['ID']['input']>;
  /** The customer's name, 1 to 200 characters; registrations are unique per customer name and family. */
  customerName: Scalars['String']['input'];
  /** The deal's expected value in your partner currency: a positive decimal with up to 2 places. */
  estimatedAmount: Scalars['Decimal']['input'];
  /** The product family the deal is for. */
  productFamily: ProductFamily;
};

/** What `registerDeal` did. */
export type RegisterDealPayload = {
  __typename?: 'RegisterDealPayload';
  /**
   * The new registration. On CONFLICT with a registration of your own for the same customer and
   * family, that existing registration, so a repeated request finds what the first one created.
   */
  dealRegistration: Maybe<DealRegistration>;
  /** Why the registration was not made; empty on success. */
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
  DealRegistration: DealRegistration;
  Partner: Partner;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  DealRegistration:
    ( { __typename: 'DealRegistration' }
    & GraphQLRecursivePick<FederationTypes['DealRegistration'], {"id":true}> );
  Partner:
    ( { __typename: 'Partner' }
    & GraphQLRecursivePick<FederationTypes['Partner'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  BudgetUsage: ResolverTypeWrapper<BudgetUsage>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Certification: ResolverTypeWrapper<CertificationModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CertificationLevel: CertificationLevel;
  CertificationStatus: CertificationStatus;
  Contact: ResolverTypeWrapper<ContactModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ContactRole: ContactRole;
  ContactStatus: ContactStatus;
  Currency: ResolverTypeWrapper<Scalars['Currency']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DealRegistration: ResolverTypeWrapper<DealRegistrationModel>;
  DealRegistrationConnection: ResolverTypeWrapper<DealRegistrationConnectionPageModel>;
  DealRegistrationEdge: ResolverTypeWrapper<Omit<DealRegistrationEdge, 'node'> & { node: ResolversTypes['DealRegistration'] }>;
  DealRegistrationStatus: DealRegistrationStatus;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Money: ResolverTypeWrapper<MoneyModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Partner: ResolverTypeWrapper<PartnerModelModel>;
  PartnerStatus: PartnerStatus;
  PartnerTier: PartnerTier;
  ProductFamily: ProductFamily;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterDealInput: RegisterDealInput;
  RegisterDealPayload: ResolverTypeWrapper<Omit<RegisterDealPayload, 'dealRegistration'> & { dealRegistration?: Maybe<ResolversTypes['DealRegistration']> }>;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  BudgetUsage: BudgetUsage;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  Certification: CertificationModel;
  ID: Scalars['ID']['output'];
  Contact: ContactModel;
  Boolean: Scalars['Boolean']['output'];
  Currency: Scalars['Currency']['output'];
  Date: Scalars['Date']['output'];
  DealRegistration: DealRegistrationModel;
  DealRegistrationConnection: DealRegistrationConnectionPageModel;
  DealRegistrationEdge: Omit<DealRegistrationEdge, 'node'> & { node: ResolversParentTypes['DealRegistration'] };
  Decimal: Scalars['Decimal']['output'];
  Money: MoneyModel;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Partner: PartnerModelModel;
  Query: Record<PropertyKey, never>;
  RegisterDealInput: RegisterDealInput;
  RegisterDealPayload: Omit<RegisterDealPayload, 'dealRegistration'> & { dealRegistration?: Maybe<ResolversParentTypes['DealRegistration']> };
  UserError: UserError;
}>;

export type BudgetUsageResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['BudgetUsage'] = ResolversParentTypes['BudgetUsage']> = ResolversObject<{
  cost?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  remaining?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resetsAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CertificationResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['Certification'] = ResolversParentTypes['Certification']> = ResolversObject<{
  certifiedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  expiresOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  holder?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['CertificationLevel'], ParentType, ContextType>;
  productFamily?: Resolver<ResolversTypes['ProductFamily'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CertificationStatus'], ParentType, ContextType>;
}>;

export type ContactResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  primary?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ContactRole'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ContactStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface CurrencyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Currency'], any> {
  name: 'Currency';
}

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type DealRegistrationResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['DealRegistration'] = ResolversParentTypes['DealRegistration'], FederationReferenceType extends FederationReferenceTypes['DealRegistration'] = FederationReferenceTypes['DealRegistration']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['DealRegistration']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customerAccountId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  customerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  estimatedAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  expiresOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['Partner'], ParentType, ContextType>;
  productFamily?: Resolver<ResolversTypes['ProductFamily'], ParentType, ContextType>;
  protectedDiscount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DealRegistrationStatus'], ParentType, ContextType>;
  submittedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type DealRegistrationConnectionResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['DealRegistrationConnection'] = ResolversParentTypes['DealRegistrationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DealRegistrationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type DealRegistrationEdgeResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['DealRegistrationEdge'] = ResolversParentTypes['DealRegistrationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DealRegistration'], ParentType, ContextType>;
}>;

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type MoneyResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  registerDeal?: Resolver<ResolversTypes['RegisterDealPayload'], ParentType, ContextType, RequireFields<MutationRegisterDealArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PartnerResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['Partner'] = ResolversParentTypes['Partner'], FederationReferenceType extends FederationReferenceTypes['Partner'] = FederationReferenceTypes['Partner']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Partner']> | FederationReferenceType, FederationReferenceType, ContextType>;
  annualQuota?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  certifications?: Resolver<Maybe<Array<ResolversTypes['Certification']>>, ParentType, ContextType>;
  contacts?: Resolver<Maybe<Array<ResolversTypes['Contact']>>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['Currency']>, ParentType, ContextType>;
  dealRegistrations?: Resolver<Maybe<ResolversTypes['DealRegistrationConnection']>, ParentType, ContextType, RequireFields<PartnerDealRegistrationsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quarterlyQuota?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['PartnerStatus']>, ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['PartnerTier']>, ParentType, ContextType>;
  usage?: Resolver<Maybe<ResolversTypes['BudgetUsage']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  me?: Resolver<Maybe<ResolversTypes['Partner']>, ParentType, ContextType>;
  partner?: Resolver<Maybe<ResolversTypes['Partner']>, ParentType, ContextType, RequireFields<QueryPartnerArgs, 'id'>>;
}>;

export type RegisterDealPayloadResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['RegisterDealPayload'] = ResolversParentTypes['RegisterDealPayload']> = ResolversObject<{
  dealRegistration?: Resolver<Maybe<ResolversTypes['DealRegistration']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = PartnersContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['UserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PartnersContext> = ResolversObject<{
  BudgetUsage?: BudgetUsageResolvers<ContextType>;
  Certification?: CertificationResolvers<ContextType>;
  Contact?: ContactResolvers<ContextType>;
  Currency?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  DealRegistration?: DealRegistrationResolvers<ContextType>;
  DealRegistrationConnection?: DealRegistrationConnectionResolvers<ContextType>;
  DealRegistrationEdge?: DealRegistrationEdgeResolvers<ContextType>;
  Decimal?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Partner?: PartnerResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RegisterDealPayload?: RegisterDealPayloadResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

