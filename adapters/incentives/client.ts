import DataLoader from 'dataloader';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LRUCache } from 'lru-cache';
import { z, type ZodType } from 'zod';
import type { Accrual, IncentiveProgram, IncentiveTransaction, PartnerAccruals } from '../../domain';
import {
  type BreakerOptions,
  type CachedValue,
  type CachePolicy,
  createLegacyHttpClient,
  isUpstreamError,
  chunks,
  type LegacyCallContext,
  type LegacyHttpClient,
  type LegacyResilienceOptions,
  staticHeaderAuth,
  UpstreamError,
  type UpstreamErrorCode,
  mapByKey,
  settlePerKey,
} from '../http';
import { toAccrual, toIncentiveProgram, toIncentiveTransaction, toProgramRecord } from './mappers';
import {
  faultSchema,
  partnerAccrualListSchema,
  programListSchema,
  programRecordSchema,
  type ProgramRecord,
  quoteAccrualListSchema,
  transactionListSchema,
} from './types';

export interface IncentivesConfig extends LegacyResilienceOptions {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs: number;
  breaker: BreakerOptions;
  /** How long program rules stay fresh, and how long they may be served stale while the system is down. */
  programCache?: CachePolicy;
  /**
   * How long one listing of the pending queue serves every request of this process (ms); 0 lists
   * it for every request. The queue is every partner's (megabytes of XML on a busy day), changes
   * when a deal is fed in or the nightly batch runs, and is only read to estimate commission.
   */
  pendingTtlMs?: number;
}

export const DEFAULT_PROGRAM_CACHE: CachePolicy = { ttlMs: 5 * 60_000, staleTtlMs: 24 * 60 * 60_000 };
export const DEFAULT_PENDING_TTL_MS = 30_000;

/** The one key of the programs loader: the system lists its programs whole. */
export const ALL_PROGRAMS = 'all';

const API_BASE = '/ics/v1';
/** The system's largest page. */
const PAGE_SIZE = 200;
/** Pages of one list before the answer is considered runaway. */
const MAX_PAGES = 50;
/** Quote ids per `GET accruals?quoteIds=`, the system's limit. */
const QUOTE_IDS_PER_CALL = 100;

/**
 * Loaders live for one GraphQL request, so batching and caching never cross tenants or requests.
 * The ledger is per partner on the wire (`partners/{id}/accruals`), so accrualsByPartnerId costs
 * one paged list per partner asked for, all in parallel; accruals by quote are read 100 at a time.
 */
export interface IncentivesRequestLoaders {
  /** Every program with its rules: reference data, cached, and served stale while the system is down. */
  programs: DataLoader<typeof ALL_PROGRAMS, CachedValue<IncentiveProgram[]>>;
  /** A partner's whole ledger, in posting order; empty for a partner the system does not know yet. */
  accrualsByPartnerId: DataLoader<string, PartnerAccruals>;
  /** The accrual posted for a quote, or null while none is. */
  accrualsByQuoteId: DataLoader<string, Accrual | null>;
  /**
   * The queue of transactions waiting for the nightly batch: one listing, at most `pendingTtlMs`
   * old, shared by every request of the process. Pass the ledger's `lastBatchRunAt`: a listing
   * asked for before this process first saw that batch run may still hold deals the batch has
   * posted or rejected since, and is listed again (once per batch run, whatever the two systems'
   * clocks say). Within one request, every call with the same batch run sees the same listing.
   */
  pendingQueue(lastBatchRunAt?: string | null): Promise<PendingQueue>;
}

/** One listing of the pending queue. */
export interface PendingQueue {
  /** When the listing was asked for, in ms since the epoch. */
  listedAt: number;
  /** Every partner's transactions waiting for the batch, in queue order. */
  transactions: readonly IncentiveTransaction[];
  /** The same transactions, per partner. */
  byPartner: ReadonlyMap<string, readonly IncentiveTransaction[]>;
}

export interface IncentivesAdapter {
  http: LegacyHttpClient;
  createLoaders(context?: LegacyCallContext): IncentivesRequestLoaders;
}

/** Elements that repeat inside their wrapper; a list of one is still a list. */
const LIST_ITEMS = new Set([
  'Program',
  'BaseRate',
  'Spiff',
  'DealCap',
  'Accrual',
  'Transaction',
  'Line',
  'AccrualId',
  'Rejection',
]);

const xmlParser = new XMLParser({
  parseTagValue: false,
  trimValues: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  // `Program` and `Transaction` are also whole documents, which are not lists.
  isArray: (name, jPath) => LIST_ITEMS.has(name) && jPath !== name,
});

/** Parses an XML body; text that is not well-formed XML throws (the client makes it UPSTREAM_BAD_RESPONSE). */
export function parseIncentivesXml(text: string): unknown {
  if (text.trim() === '' || XMLValidator.validate(text) !== true) {
    throw new SyntaxError('not a well-formed XML document');
  }
  return xmlParser.parse(text);
}

/** The system's fault codes that are business answers, not failures of the system. */
const FAULT_CODES: Record<string, UpstreamErrorCode> = {
  PROGRAM_NOT_FOUND: 'NOT_FOUND',
  PARTNER_NOT_FOUND: 'NOT_FOUND',
  INVALID_PAGING: 'BAD_USER_INPUT',
  INVALID_REQUEST: 'BAD_USER_INPUT',
  INVALID_TRANSACTION: 'BAD_USER_INPUT',
  MALFORMED_XML: 'BAD_USER_INPUT',
  DUPLICATE_TRANSACTION: 'CONFLICT',
};

const FAULT_START = /^\s*(<\?xml[^>]*\?>\s*)?<Fault[\s>/]/;

/**
 * A `<Fault>` body says what went wrong in the system's own codes. Business faults are classified
 * by code, whatever the status; some older endpoints answer a fault with 200, which is never data.
 * 429 and 5xx are left to their status, so that they are retried and count against the breaker.
 */
export function classifyIncentivesAnswer(status: number, bodyText: string): UpstreamErrorCode | undefined {
  if (status === 429 || status >= 500 || !FAULT_START.test(bodyText)) return undefined;
  let fault;
  try {
    fault = faultSchema.safeParse(parseIncentivesXml(bodyText));
  } catch {
    return status < 400 ? 'UPSTREAM_BAD_RESPONSE' : undefined;
  }
  if (!fault.success) return status < 400 ? 'UPSTREAM_BAD_RESPONSE' : undefined;
  return FAULT_CODES[fault.data.Fault.Code] ?? (status < 400 ? 'UPSTREAM_UNAVAILABLE' : undefined);
}

/** The items of an XML list, which is '' when empty. */
function itemsOf<K extends string>(list: '' | { [P in K]: unknown[] }, item: K): unknown[] {
  return list === '' ? [] : list[item];
}

function pendingTtl(ms: number): number {
  if (!Number.isInteger(ms) || ms < 0) {
    throw new TypeError(`pendingTtlMs must be a non-negative integer of milliseconds, got ${String(ms)}`);
  }
  return ms;
}

function queueOf(listedAt: number, transactions: IncentiveTransaction[]): PendingQueue {
  const byPartner = new Map<string, IncentiveTransaction[]>();
  for (const transaction of transactions) {
    const own = byPartner.get(transaction.partnerId);
    if (own) own.push(transaction);
    else byPartner.set(transaction.partnerId, [transaction]);
  }
  return { listedAt, transactions: Object.freeze(transactions), byPartner };
}

export function createIncentivesAdapter(config: IncentivesConfig): IncentivesAdapter {
  const {
    baseUrl,
    username,
    password,
    programCache = DEFAULT_PROGRAM_CACHE,
    pendingTtlMs = DEFAULT_PENDING_TTL_MS,
    ...resilience
  } = config;
  const basic = Buffer.from(`${username}:${password}`).toString('base64');
  const http = createLegacyHttpClient({
    ...resilience,
    system: 'incentives',
    baseUrl,
    classify: classifyIncentivesAnswer,
    auth: () => staticHeaderAuth('authorization', `Basic ${basic}`),
  });

  /**
   * Every item of a paged list: the first page says how many pages there are, and the others are
   * fetched in parallel (the system takes 100-300 ms a call, whatever the page size).
   */
  async function allPages<D>(
    operation: string,
    path: string,
    params: Record<string, string>,
    schema: ZodType<D>,
    pageOf: (document: D) => { totalPages: number; items: unknown[] },
    context: LegacyCallContext,
  ): Promise<{ first: D; items: unknown[] }> {
    const fetchPage = async (page: number) =>
      http.request({
        ...context,
        operation,
        path,
        params: { ...params, page, pageSize: PAGE_SIZE },
        schema,
        parse: parseIncentivesXml,
      });
    const first = await fetchPage(1);
    const { totalPages, items } = pageOf(first);
    if (totalPages > MAX_PAGES) {
      throw new UpstreamError('UPSTREAM_BAD_RESPONSE', `incentives listed more than ${MAX_PAGES} pages`, {
        system: 'incentives',
        operation,
        breaker: 'closed',
      });
    }
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, totalPages - 1) }, (_, index) => fetchPage(index + 2)),
    );
    return { first, items: [...items, ...rest.flatMap((document) => pageOf(document).items)] };
  }

  async function listProgramRecords(context: LegacyCallContext): Promise<ProgramRecord[]> {
    const { items } = await allPages(
      'listPrograms',
      `${API_BASE}/programs`,
      {},
      programListSchema,
      ({ ProgramList }) => ({
        totalPages: Number(ProgramList.Paging.TotalPages),
        items: itemsOf(ProgramList.Programs, 'Program'),
      }),
      context,
    );
    return items.map(toProgramRecord);
  }

  /**
   * Programs are reference data: served from the cache while fresh, listed whole otherwise, and
   * served stale (marked so) while the system is down. The cache keeps the wire records, so a value
   * read back is validated and mapped exactly like one just fetched.
   */
  async function programs(context: LegacyCallContext): Promise<CachedValue<IncentiveProgram[]>> {
    const [cached] = await http.cachedBatch([ALL_PROGRAMS], {
      ...programCache,
      operation: 'listPrograms',
      namespace: 'programs',
      schema: z.array(programRecordSchema),
      load: async () => new Map([[ALL_PROGRAMS, await listProgramRecords(context)]]),
    });
    if (cached instanceof Error) throw cached;
    // load always answers its one key, so there is a value here.
    return { value: cached!.value.map(toIncentiveProgram), freshness: cached!.freshness };
  }

  async function partnerAccruals(partnerId: string, context: LegacyCallContext): Promise<PartnerAccruals> {
    try {
      const { first, items } = await allPages(
        'listPartnerAccruals',
        `${API_BASE}/partners/${encodeURIComponent(partnerId)}/accruals`,
        {},
        partnerAccrualListSchema,
        ({ AccrualList }) => ({
          totalPages: Number(AccrualList.Paging.TotalPages),
          items: itemsOf(AccrualList.Accruals, 'Accrual'),
        }),
        context,
      );
      return { partnerId, accruals: items.map(toAccrual), lastBatchRunAt: first.AccrualList.LastBatchRunAt };
    } catch (error) {
      // The system learns of partners from its own feed: one it has not heard of has earned nothing yet.
      if (isUpstreamError(error) && error.code === 'NOT_FOUND') {
        return { partnerId, accruals: [], lastBatchRunAt: null };
      }
      throw error;
    }
  }

  async function accrualsByQuoteIds(
    quoteIds: readonly string[],
    context: LegacyCallContext,
  ): Promise<Array<Accrual | null | Error>> {
    const documents = await Promise.all(
      chunks(quoteIds, QUOTE_IDS_PER_CALL).map((chunk) =>
        http.request({
          ...context,
          operation: 'getAccrualsByQuote',
          path: `${API_BASE}/accruals`,
          params: { quoteIds: chunk.join(',') },
          schema: quoteAccrualListSchema,
          parse: parseIncentivesXml,
        }),
      ),
    );
    const found = new Map<string, Accrual | Error>();
    mapByKey(
      documents.flatMap((document) => itemsOf(document.AccrualList.Accruals, 'Accrual')),
      (record) => (record as { QuoteId?: unknown } | null)?.QuoteId,
      toAccrual,
      found,
    );
    return quoteIds.map((quoteId) => found.get(quoteId) ?? null);
  }

  /**
   * The shared listing runs under no request's deadline (each of its calls is still bounded by
   * `timeoutMs`): it serves every request waiting for it, and one impatient caller must not fail
   * them all. Each caller waits only until its own deadline (see pendingQueue below).
   */
  async function listPending(context: LegacyCallContext): Promise<PendingQueue> {
    const listedAt = Date.now();
    const { items } = await allPages(
      'listTransactions',
      `${API_BASE}/transactions`,
      { status: 'Pending' },
      transactionListSchema,
      ({ TransactionList }) => ({
        totalPages: Number(TransactionList.Paging.TotalPages),
        items: itemsOf(TransactionList.Transactions, 'Transaction'),
      }),
      { requestId: context.requestId },
    );
    return queueOf(listedAt, items.map(toIncentiveTransaction));
  }

  /**
   * lru-cache's fetch keeps one listing in flight at a time (concurrent requests wait for the same
   * call) and keeps a failed one out of the cache.
   */
  const ttl = pendingTtl(pendingTtlMs);
  const sharedQueue =
    ttl > 0
      ? new LRUCache<'PENDING', PendingQueue, LegacyCallContext>({
          max: 1,
          ttl,
          fetchMethod: (_key, _stale, { context }) => listPending(context),
        })
      : undefined;

  /** The last batch run the ledger reported, and when this process first saw it (its own clock). */
  let latestBatch: { runAt: string; seenAt: number } | undefined;
  function listedNoEarlierThan(lastBatchRunAt: string | null | undefined): number {
    if (!lastBatchRunAt) return 0;
    if (latestBatch?.runAt !== lastBatchRunAt) latestBatch = { runAt: lastBatchRunAt, seenAt: Date.now() };
    return latestBatch.seenAt;
  }

  async function sharedListing(notBefore: number, context: LegacyCallContext): Promise<PendingQueue> {
    if (!sharedQueue) return listPending(context);
    const cached = await sharedQueue.fetch('PENDING', { context });
    if (cached && cached.listedAt >= notBefore) return cached;
    // fetch answers a value or throws; undefined only if the entry was evicted mid-flight.
    return (await sharedQueue.fetch('PENDING', { context, forceRefresh: true })) ?? listPending(context);
  }

  /** The shared listing, or UPSTREAM_TIMEOUT at the caller's own deadline if that comes first. */
  function pendingQueue(notBefore: number, context: LegacyCallContext): Promise<PendingQueue> {
    const listing = sharedListing(notBefore, context);
    if (context.deadline === undefined) return listing;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new UpstreamError('UPSTREAM_TIMEOUT', 'incentives did not answer in time (listTransactions)', {
              system: 'incentives',
              operation: 'listTransactions',
              breaker: 'closed',
            }),
          ),
        Math.max(0, context.deadline! - Date.now()),
      );
    });
    return Promise.race([listing, expired]).finally(() => clearTimeout(timer));
  }

  return {
    http,
    createLoaders: (context = {}) => {
      const queues = new Map<number, Promise<PendingQueue>>();
      return {
        programs: new DataLoader((keys) => settlePerKey(keys, () => programs(context))),
        accrualsByPartnerId: new DataLoader((partnerIds) =>
          settlePerKey(partnerIds, (partnerId) => partnerAccruals(partnerId, context)),
        ),
        accrualsByQuoteId: new DataLoader((quoteIds) => accrualsByQuoteIds(quoteIds, context)),
        pendingQueue(lastBatchRunAt) {
          const notBefore = listedNoEarlierThan(lastBatchRunAt);
          let queue = queues.get(notBefore);
          if (!queue) {
            queue = pendingQueue(notBefore, context);
            queues.set(notBefore, queue);
          }
          return queue;
        },
      };
    },
  };
}
