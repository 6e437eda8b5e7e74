import DataLoader from 'dataloader';
import { z, type ZodType } from 'zod';
import type { BillingAccount, Invoice, Payout, Subscription } from '../../domain';
import {
  type BreakerOptions,
  chunks,
  clientCredentialsAuth,
  createLegacyHttpClient,
  type LegacyCallContext,
  type LegacyHttpClient,
  type LegacyResilienceOptions,
  UpstreamError,
  type UpstreamErrorCode,
  settlePerKey,
} from '../http';
import {
  codeForRejection,
  type RejectionCode,
  toBillingAccount,
  toInvoice,
  toPayout,
  toSubscription,
} from './mappers';
import {
  accountListSchema,
  invoiceListSchema,
  payoutListSchema,
  recordSchema,
  subscriptionListSchema,
  zuoraRejectionSchema,
  type ZuoraRejection,
} from './types';

export interface BillingConfig extends LegacyResilienceOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  breaker: BreakerOptions;
}

const API_BASE = '/v1';
/** The billing API's largest id list per call (`quoteIds`, `accountIds`). */
const IDS_PER_CALL = 100;
/** The billing API's largest page. */
const PAGE_SIZE = 100;
/** Pages followed through nextPage before the answer is considered runaway. */
const MAX_PAGES = 50;

/** Loaders live for one GraphQL request, so batching and caching never cross tenants or requests. */
export interface BillingRequestLoaders {
  /** The subscription an accepted quote became; the newest one if the quote was subscribed twice. */
  subscriptionByQuoteId: DataLoader<string, Subscription | null>;
  invoicesByQuoteId: DataLoader<string, Invoice[]>;
  /** The billing accounts of a partner's customers: what decides whose a billing record is. */
  accountsByPartnerId: DataLoader<string, BillingAccount[]>;
  invoicesByPartnerId: DataLoader<string, Invoice[]>;
  payoutsByPartnerId: DataLoader<string, Payout[]>;
  /** One invoice by id, or null; the billing API reads invoices by id one at a time. */
  invoiceById: DataLoader<string, Invoice | null>;
}

export interface BillingAdapter {
  http: LegacyHttpClient;
  createLoaders(context?: LegacyCallContext): BillingRequestLoaders;
}

/** What a client is told for each kind of `success: false`; the legacy reason text never leaves. */
const REJECTION_MESSAGES: Record<RejectionCode, string> = {
  NOT_FOUND: 'has no such record',
  BAD_USER_INPUT: 'rejected the request as invalid',
  CONFLICT: 'refused the request under one of its business rules',
  UPSTREAM_BAD_RESPONSE: 'refused the request without a reason the graph understands',
};

/** Every answer schema here requires `success: true`, so `false` can only be a rejection. */
function isRejection(answer: unknown): answer is ZuoraRejection {
  return (answer as { success?: unknown }).success === false;
}

/** Groups mapped records under their key; one malformed record fails the batch, as its key is unknown. */
function groupBy<T>(
  keys: readonly string[],
  records: unknown[],
  map: (record: unknown) => T,
  keyOf: (item: T) => string | null,
) {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const record of records) {
    const item = map(record);
    const key = keyOf(item);
    if (key !== null) groups.get(key)?.push(item);
  }
  return groups;
}

export function createBillingAdapter(config: BillingConfig): BillingAdapter {
  const { baseUrl, clientId, clientSecret, ...resilience } = config;
  const http = createLegacyHttpClient({
    ...resilience,
    system: 'billing',
    baseUrl,
    auth: (axios) => clientCredentialsAuth(axios, { tokenPath: '/oauth/token', clientId, clientSecret }),
  });

  function upstreamError(code: UpstreamErrorCode, message: string, operation: string): UpstreamError {
    return new UpstreamError(code, `billing ${message} (${operation})`, {
      system: 'billing',
      operation,
      breaker: http.breakerStates()[operation] ?? 'closed',
    });
  }

  /**
   * One call. A `success: false` answer is a business answer from a healthy system, so it is mapped
   * here, after the call, rather than by the client's classify hook: the breaker sees a success,
   * and an unexplained rejection (UPSTREAM_BAD_RESPONSE) never counts as the system failing.
   */
  async function call<T>(
    operation: string,
    path: string,
    params: Record<string, string | number> | undefined,
    schema: ZodType<T>,
    context: LegacyCallContext,
  ): Promise<T> {
    const answer: T | ZuoraRejection = await http.request({
      ...context,
      operation,
      path,
      params,
      schema: z.union([zuoraRejectionSchema, schema]),
    });
    if (isRejection(answer)) {
      const code = codeForRejection(answer);
      throw upstreamError(code, REJECTION_MESSAGES[code], operation);
    }
    return answer;
  }

  /**
   * nextPage is a URL on the billing system itself, absolute (Zuora) or root-relative (the
   * stand-in). One pointing anywhere else is refused: following it would hand over the token.
   */
  function nextPageUrl(nextPage: string, operation: string): string {
    const base = new URL(baseUrl);
    const next = new URL(nextPage, base);
    if (next.origin !== base.origin) {
      throw upstreamError('UPSTREAM_BAD_RESPONSE', 'returned a next page on another host', operation);
    }
    return next.href;
  }

  /** Reads a list and follows nextPage, so callers always get every matching record. */
  async function listAll<P extends { nextPage?: string }>(
    operation: string,
    path: string,
    params: Record<string, string>,
    schema: ZodType<P>,
    recordsOf: (page: P) => unknown[],
    context: LegacyCallContext,
  ): Promise<unknown[]> {
    let page = await call(operation, path, { ...params, pageSize: PAGE_SIZE }, schema, context);
    const records = [...recordsOf(page)];
    for (let pages = 1; page.nextPage; pages += 1) {
      if (pages >= MAX_PAGES) {
        throw upstreamError('UPSTREAM_BAD_RESPONSE', `returned more than ${MAX_PAGES} pages`, operation);
      }
      page = await call(operation, nextPageUrl(page.nextPage, operation), undefined, schema, context);
      records.push(...recordsOf(page));
    }
    return records;
  }

  async function accountsOf(partnerId: string, context: LegacyCallContext): Promise<BillingAccount[]> {
    const records = await listAll(
      'getAccounts',
      `${API_BASE}/accounts`,
      { partnerId },
      accountListSchema,
      (page) => page.accounts,
      context,
    );
    const accounts = records.map(toBillingAccount);
    // An account of another partner here would open that partner's invoices to this one.
    if (accounts.some((account) => account.partnerId !== partnerId)) {
      throw upstreamError('UPSTREAM_BAD_RESPONSE', "listed another partner's account", 'getAccounts');
    }
    return accounts;
  }

  async function payoutsOf(partnerId: string, context: LegacyCallContext): Promise<Payout[]> {
    const records = await listAll(
      'getPayouts',
      `${API_BASE}/payouts`,
      { partnerId },
      payoutListSchema,
      (page) => page.payouts,
      context,
    );
    const payouts = records.map(toPayout);
    if (payouts.some((payout) => payout.partnerId !== partnerId)) {
      throw upstreamError('UPSTREAM_BAD_RESPONSE', "listed another partner's payout", 'getPayouts');
    }
    return payouts;
  }

  /** Invoices of many quotes or accounts, IDS_PER_CALL ids per call. */
  async function invoicesBy(
    filter: 'quoteIds' | 'accountIds',
    ids: readonly string[],
    context: LegacyCallContext,
  ): Promise<unknown[]> {
    const records: unknown[] = [];
    for (const chunk of chunks(ids, IDS_PER_CALL)) {
      records.push(
        ...(await listAll(
          'getInvoices',
          `${API_BASE}/invoices`,
          { [filter]: chunk.join(',') },
          invoiceListSchema,
          (page) => page.invoices,
          context,
        )),
      );
    }
    return records;
  }

  async function subscriptionsByQuoteIds(
    quoteIds: readonly string[],
    context: LegacyCallContext,
  ): Promise<Array<Subscription | null>> {
    const records: unknown[] = [];
    for (const chunk of chunks(quoteIds, IDS_PER_CALL)) {
      records.push(
        ...(await listAll(
          'getSubscriptions',
          `${API_BASE}/subscriptions`,
          { quoteIds: chunk.join(',') },
          subscriptionListSchema,
          (page) => page.subscriptions,
          context,
        )),
      );
    }
    const groups = groupBy(quoteIds, records, toSubscription, (subscription) => subscription.quoteId);
    return quoteIds.map(
      (id) =>
        groups
          .get(id)!
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number.localeCompare(a.number))[0] ??
        null,
    );
  }

  async function invoiceById(id: string, context: LegacyCallContext): Promise<Invoice | null> {
    try {
      const record = await call(
        'getInvoice',
        `${API_BASE}/invoices/${encodeURIComponent(id)}`,
        undefined,
        recordSchema,
        context,
      );
      return toInvoice(record);
    } catch (error) {
      if (error instanceof UpstreamError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  return {
    http,
    createLoaders: (context = {}) => {
      const accountsByPartnerId = new DataLoader((partnerIds: readonly string[]) =>
        settlePerKey(partnerIds, (partnerId) => accountsOf(partnerId, context)),
      );
      return {
        accountsByPartnerId,
        subscriptionByQuoteId: new DataLoader((quoteIds) => subscriptionsByQuoteIds(quoteIds, context)),
        invoicesByQuoteId: new DataLoader(async (quoteIds) => {
          const groups = groupBy(
            quoteIds,
            await invoicesBy('quoteIds', quoteIds, context),
            toInvoice,
            (invoice) => invoice.quoteId,
          );
          return quoteIds.map((id) => groups.get(id)!);
        }),
        // Shares accountsByPartnerId, so the tenancy check on the same partner costs no extra call.
        invoicesByPartnerId: new DataLoader(async (partnerIds) => {
          const accounts = await accountsByPartnerId.loadMany(partnerIds);
          const accountIds = accounts.flatMap((list) =>
            list instanceof Error ? [] : list.map((account) => account.id),
          );
          const groups = groupBy(
            accountIds,
            await invoicesBy('accountIds', accountIds, context),
            toInvoice,
            (invoice) => invoice.accountId,
          );
          return accounts.map((list) =>
            list instanceof Error ? list : list.flatMap((account) => groups.get(account.id)!),
          );
        }),
        payoutsByPartnerId: new DataLoader((partnerIds: readonly string[]) =>
          settlePerKey(partnerIds, (partnerId) => payoutsOf(partnerId, context)),
        ),
        invoiceById: new DataLoader((ids: readonly string[]) =>
          settlePerKey(ids, (id) => invoiceById(id, context)),
        ),
      };
    },
  };
}
