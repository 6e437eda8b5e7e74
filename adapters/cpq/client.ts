import DataLoader from 'dataloader';
import { z } from 'zod';
import {
  Decimal,
  isDecimalString,
  type Customer,
  type PartnerPrice,
  type PriceBook,
  type PriceBookEntry,
  type Product,
  type Quote,
  type QuoteCalculation,
  type QuoteLine,
  type QuoteOpportunity,
  type QuoteStatus,
} from '../../domain';
import {
  type BreakerOptions,
  type CachedValue,
  type CachePolicy,
  type CallPriority,
  chunks,
  clientCredentialsAuth,
  createLegacyHttpClient,
  type LegacyCallContext,
  type LegacyHttpClient,
  type LegacyResilienceOptions,
  readSforceLimitInfo,
  UpstreamError,
  type UpstreamErrorCode,
} from '../http';
import {
  SBQQ_STATUSES,
  toCustomer,
  toPriceBook,
  toPriceBookEntry,
  toPricebook2Record,
  toPricebookEntryRecord,
  toPartnerPrices,
  toProduct,
  toProduct2Record,
  toQuote,
  toQuoteCalculation,
  toQuoteLine,
  toQuoteOpportunity,
} from './mappers';
import {
  ACCOUNT_FIELDS,
  calculationSchema,
  compositeResultSchema,
  createResultSchema,
  noContentSchema,
  OPPORTUNITY_FIELDS,
  PRICEBOOK_ENTRY_FIELDS,
  PRICEBOOK_FIELDS,
  pricebook2Schema,
  type Pricebook2Record,
  pricebookEntrySchema,
  type PricebookEntryRecord,
  product2Schema,
  type Product2Record,
  PRODUCT_FIELDS,
  QUOTE_FIELDS,
  QUOTE_LINE_FIELDS,
  queryResultSchema,
  sfErrorsSchema,
} from './types';

export interface CpqConfig extends LegacyResilienceOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  breaker: BreakerOptions;
  /**
   * How long reference data (products, price books and their entries, a partner's unit prices)
   * stays fresh, and how long it may be served stale while the CPQ is down.
   */
  productCache?: CachePolicy;
}

export const DEFAULT_PRODUCT_CACHE: CachePolicy = { ttlMs: 5 * 60_000, staleTtlMs: 24 * 60 * 60_000 };

/** One price book's entries in one currency. */
export interface PriceBookEntriesKey {
  priceBookId: string;
  currency: string;
}

/** A partner's unit prices from one of its price book's currencies. */
export interface PartnerPricesKey extends PriceBookEntriesKey {
  partnerId: string;
}

const API_BASE = '/services/data/v60.0';
/** Ids per SOQL IN list or composite read: keeps URLs well under common 16 KB limits. */
const IDS_PER_CALL = 200;
/** Pages followed through nextRecordsUrl before the answer is considered runaway. */
const MAX_QUERY_PAGES = 50;
const CALCULATE_PATH = '/services/apexrest/quote/calculate';
/** The external id of quotes and lines that makes a create repeatable (an upsert on it). */
const IDEMPOTENCY_KEY_FIELD = 'Idempotency_Key__c';
/** The calculation endpoint prices at most 200 lines per call. */
const CALCULATION_LINES_PER_CALL = 200;

/** Loaders live for one GraphQL request, so batching and caching never cross tenants or requests. */
export interface CpqRequestLoaders {
  quoteById: DataLoader<string, Quote | null>;
  quotesByPartnerId: DataLoader<string, Quote[]>;
  linesByQuoteId: DataLoader<string, QuoteLine[]>;
  /** The opportunity a quote is the primary quote of, for its (expected) close date. */
  opportunityByQuoteId: DataLoader<string, QuoteOpportunity | null>;
  productBySku: DataLoader<string, Product | null>;
  /** The same products with their freshness: `stale` when served from cache while the CPQ is down. */
  cachedProductBySku: DataLoader<string, CachedValue<Product> | null>;
  quoteLineById: DataLoader<string, QuoteLine | null>;
  customerById: DataLoader<string, Customer | null>;
  customersByPartnerId: DataLoader<string, Customer[]>;
  /** Reference data, cached like products: a region's partner price book. */
  priceBookByRegion: DataLoader<string, CachedValue<PriceBook> | null>;
  /** Reference data: a price book's entries in one currency (an empty list when it has none). */
  priceBookEntries: DataLoader<PriceBookEntriesKey, CachedValue<PriceBookEntry[]>, string>;
  /**
   * Reference data: every product of the partner's price book priced for one unit by the CPQ's
   * calculation (list price less the partner's tier discount; no volume, registration or extra discount).
   */
  partnerPrices: DataLoader<PartnerPricesKey, CachedValue<PartnerPrice[]>, string>;
}

export interface NewQuote {
  partnerId: string;
  customerAccountId: string;
  currency: string;
  dealRegistrationId: string | null;
  /** Makes the create an upsert on the quote's external id: a repeat finds the first quote. */
  idempotencyKey?: string;
}

export interface NewQuoteLine {
  sku: string;
  quantity: number;
  /** Percent, e.g. "2.50". */
  additionalDiscountPercent?: string;
  /** Makes the create an upsert on the line's external id: a repeat finds the first line. */
  idempotencyKey?: string;
}

export interface QuoteLineChange {
  quantity?: number;
  additionalDiscountPercent?: string;
}

/** A price calculation, and when it was saved, the version (entity tag) of the quote it saved. */
export interface CalculatedQuote {
  calculation: QuoteCalculation;
  /** Null only for a calculation that was not saved. */
  savedVersion: string | null;
}

/**
 * Quote writes, bound to one request's deadline. Every line write makes the CPQ reprice the whole
 * quote and set its status (In Review when a line needs approval, else Draft). A create with an
 * idempotency key is Salesforce's upsert on the external id `Idempotency_Key__c`
 * (`PATCH sobjects/{type}/Idempotency_Key__c/{key}`), which the CPQ recognises when repeated, so
 * it may be retried; a key that made a different record is refused with CONFLICT. Every other write is reported at once when it fails or times out, never
 * retried (adapters/http retries writes only with a key), and its error says whether it may have
 * been applied (`outcome`).
 */
export interface CpqCommands {
  /** The new quote's id. */
  createQuote(quote: NewQuote): Promise<string>;
  /** The new line's id. */
  addQuoteLine(quoteId: string, line: NewQuoteLine): Promise<string>;
  updateQuoteLine(lineId: string, change: QuoteLineChange): Promise<void>;
  removeQuoteLine(lineId: string): Promise<void>;
  /**
   * With `ifVersion`, only if the quote is still at that version (the CPQ checks `If-Match`, so this
   * holds across replicas); a quote changed since is refused with CONFLICT and left as it is.
   */
  setQuoteStatus(quoteId: string, status: QuoteStatus, options?: { ifVersion?: string }): Promise<void>;
  /** The CPQ's price calculation of a saved quote; with `save`, its prices and status are stored. */
  calculateQuote(quoteId: string, options: { save: boolean }): Promise<CalculatedQuote>;
}

export interface CpqAdapter {
  http: LegacyHttpClient;
  createLoaders(context?: LegacyCallContext): CpqRequestLoaders;
  createCommands(context?: LegacyCallContext): CpqCommands;
}

/**
 * The CPQ's API limit (Salesforce's org-wide daily request allowance) comes back as a 403 whose body
 * says REQUEST_LIMIT_EXCEEDED; any other 403 is left to its status (a 412, a lost race, is the shared
 * client's CONFLICT).
 */
export function classifyCpqAnswer(status: number, bodyText: string): UpstreamErrorCode | undefined {
  if (status !== 403) return undefined;
  let errors;
  try {
    errors = sfErrorsSchema.safeParse(JSON.parse(bodyText));
  } catch {
    return undefined;
  }
  return errors.success && errors.data.some((error) => error.errorCode === 'REQUEST_LIMIT_EXCEEDED')
    ? 'UPSTREAM_RATE_LIMITED'
    : undefined;
}

/** A SOQL string literal: quotes and backslashes escaped, so an id can never change the query. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Maps cached wire records to domain objects, keeping a malformed one as an Error for its key. */
function mapCached<R, T>(
  cached: Array<CachedValue<R> | null | Error>,
  map: (record: R) => T,
): Array<CachedValue<T> | null | Error> {
  return cached.map((result) => {
    if (result === null || result instanceof Error) return result;
    try {
      return { value: map(result.value), freshness: result.freshness };
    } catch (error) {
      return error as Error;
    }
  });
}

/** Maps every record, keeping a malformed one as an Error for its own key rather than failing the batch. */
function mapEach<T>(records: unknown[], map: (record: unknown) => T): Array<T | Error> {
  return records.map((record) => {
    try {
      return map(record);
    } catch (error) {
      return error as Error;
    }
  });
}

/** Whether a field the CPQ holds has the value a create sends: percents come back as "5.00" for "5". */
function sameFieldValue(held: unknown, sent: string | number | null): boolean {
  if ((held ?? null) === sent) return true;
  return (
    held !== null &&
    held !== undefined &&
    sent !== null &&
    isDecimalString(String(held)) &&
    isDecimalString(String(sent)) &&
    new Decimal(String(held)).eq(String(sent))
  );
}
/**
 * Which CPQ calls keep the org's API allowance when it runs low (adapters/http/allowance.ts):
 * quote work a partner is doing now goes last; a partner's whole quote list, the catalog and
 * price lists (dashboards, reports, exports; reference data that is cached and served stale
 * anyway) go first.
 */
const CPQ_PRIORITIES: Readonly<Record<string, CallPriority>> = {
  createQuote: 'interactive',
  createQuoteLine: 'interactive',
  updateQuote: 'interactive',
  updateQuoteLine: 'interactive',
  deleteQuoteLine: 'interactive',
  calculateQuote: 'interactive',
  calculateAndSaveQuote: 'interactive',
  getQuotes: 'interactive',
  getQuoteLines: 'interactive',
  queryQuoteLines: 'interactive',
  getAccounts: 'standard',
  queryOpportunities: 'standard',
  queryAccounts: 'bulk',
  queryQuotes: 'bulk',
  queryProducts: 'bulk',
  queryPriceBooks: 'bulk',
  queryPriceBookEntries: 'bulk',
  calculatePartnerPrices: 'bulk',
};

export function createCpqAdapter(config: CpqConfig): CpqAdapter {
  const { baseUrl, clientId, clientSecret, productCache = DEFAULT_PRODUCT_CACHE, ...resilience } = config;
  const http = createLegacyHttpClient({
    ...resilience,
    system: 'cpq',
    baseUrl,
    classify: classifyCpqAnswer,
    readAllowance: readSforceLimitInfo,
    priorities: CPQ_PRIORITIES,
    auth: (axios) =>
      clientCredentialsAuth(axios, {
        tokenPath: '/services/oauth2/token',
        clientId,
        clientSecret,
      }),
  });

  /** Runs a query and follows nextRecordsUrl, so callers always get every matching record. */
  async function queryAll(operation: string, soql: string, context: LegacyCallContext): Promise<unknown[]> {
    let page = await http.request({
      ...context,
      operation,
      path: `${API_BASE}/query`,
      params: { q: soql },
      schema: queryResultSchema,
    });
    const records = [...page.records];
    for (let pages = 1; page.nextRecordsUrl; pages += 1) {
      if (pages >= MAX_QUERY_PAGES) {
        throw new UpstreamError(
          'UPSTREAM_BAD_RESPONSE',
          `cpq query returned more than ${MAX_QUERY_PAGES} pages`,
          {
            system: 'cpq',
            operation,
            breaker: 'closed',
          },
        );
      }
      page = await http.request({
        ...context,
        operation,
        path: page.nextRecordsUrl,
        schema: queryResultSchema,
      });
      records.push(...page.records);
    }
    return records;
  }

  function quotesByIds(ids: readonly string[], context: LegacyCallContext) {
    return byIds('SBQQ__Quote__c', QUOTE_FIELDS, 'getQuotes', ids, toQuote, context);
  }

  /** Groups records by a key field, for IN-list queries that answer several loader keys at once. */
  async function groupedQuery<T extends { [K in F]: string }, F extends string>(
    operation: string,
    keys: readonly string[],
    buildSoql: (inList: string) => string,
    map: (record: unknown) => T,
    keyField: F,
    context: LegacyCallContext,
  ): Promise<Array<T[] | Error>> {
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const chunk of chunks(keys, IDS_PER_CALL)) {
      const records = await queryAll(operation, buildSoql(chunk.map(soqlString).join(', ')), context);
      for (const mapped of mapEach(records, map)) {
        if (mapped instanceof Error) throw mapped;
        groups.get(mapped[keyField])?.push(mapped);
      }
    }
    return keys.map((key) => groups.get(key) ?? []);
  }

  /**
   * Products are reference data: served from the cache while fresh, fetched in one query for the
   * rest, and served stale (marked so) while the CPQ is down. The cache keeps the wire record, so
   * a value read back is validated and mapped exactly like one just fetched.
   */
  function productRecordsBySku(
    skus: readonly string[],
    context: LegacyCallContext,
  ): Promise<Array<CachedValue<Product2Record> | null | Error>> {
    return http.cachedBatch(skus, {
      ...productCache,
      operation: 'queryProducts',
      namespace: 'product',
      schema: product2Schema,
      load: async (missing) => {
        const found = new Map<string, Product2Record>();
        for (const chunk of chunks(missing, IDS_PER_CALL)) {
          const soql = `SELECT ${PRODUCT_FIELDS.join(', ')} FROM Product2 WHERE ProductCode IN (${chunk.map(soqlString).join(', ')})`;
          for (const record of await queryAll('queryProducts', soql, context)) {
            const product = toProduct2Record(record);
            found.set(product.ProductCode, product);
          }
        }
        return found;
      },
    });
  }

  async function productsBySku(
    skus: readonly string[],
    context: LegacyCallContext,
  ): Promise<Array<CachedValue<Product> | null | Error>> {
    return mapCached(await productRecordsBySku(skus, context), toProduct);
  }

  /** Regions' partner price books, through the reference cache. */
  async function priceBooksByRegion(
    regions: readonly string[],
    context: LegacyCallContext,
  ): Promise<Array<CachedValue<PriceBook> | null | Error>> {
    const cached = await http.cachedBatch(regions, {
      ...productCache,
      operation: 'queryPriceBooks',
      namespace: 'pricebook',
      schema: pricebook2Schema,
      load: async (missing) => {
        const found = new Map<string, Pricebook2Record>();
        const soql = `SELECT ${PRICEBOOK_FIELDS.join(', ')} FROM Pricebook2 WHERE Region__c IN (${missing.map(soqlString).join(', ')})`;
        for (const record of await queryAll('queryPriceBooks', soql, context)) {
          const book = toPricebook2Record(record);
          // A region has one active partner book; an inactive one never shadows it.
          if (book.Region__c && (book.IsActive || !found.has(book.Region__c))) {
            found.set(book.Region__c, book);
          }
        }
        return found;
      },
    });
    return mapCached(cached, toPriceBook);
  }

  const entriesCacheKey = ({ priceBookId, currency }: PriceBookEntriesKey) => `${priceBookId}:${currency}`;

  /** Price books' entries per currency, through the reference cache: one query for every key missing. */
  async function entriesOf(
    keys: readonly PriceBookEntriesKey[],
    context: LegacyCallContext,
  ): Promise<Array<CachedValue<PriceBookEntry[]> | Error>> {
    const cached = await http.cachedBatch(keys.map(entriesCacheKey), {
      ...productCache,
      operation: 'queryPriceBookEntries',
      namespace: 'pricebook-entries',
      schema: z.array(pricebookEntrySchema),
      load: async (missing) => {
        const found = new Map<string, PricebookEntryRecord[]>(missing.map((key) => [key, []]));
        const missingKeys = keys.filter((key) => found.has(entriesCacheKey(key)));
        const books = [...new Set(missingKeys.map((key) => key.priceBookId))];
        const currencies = [...new Set(missingKeys.map((key) => key.currency))];
        const soql =
          `SELECT ${PRICEBOOK_ENTRY_FIELDS.join(', ')} FROM PricebookEntry` +
          ` WHERE Pricebook2Id IN (${books.map(soqlString).join(', ')})` +
          ` AND CurrencyIsoCode IN (${currencies.map(soqlString).join(', ')}) ORDER BY ProductCode`;
        for (const record of await queryAll('queryPriceBookEntries', soql, context)) {
          const entry = toPricebookEntryRecord(record);
          found.get(`${entry.Pricebook2Id}:${entry.CurrencyIsoCode}`)?.push(entry);
        }
        return found;
      },
    });
    // load answers every key it is asked for (an empty book is an empty list), so null is a defect.
    return mapCached(cached, (records) => records.map(toPriceBookEntry)).map(
      (result, index) => result ?? new Error(`no entries for ${entriesCacheKey(keys[index]!)}`),
    );
  }

  const calculatedLineSchema = calculationSchema.shape.lines;

  /**
   * A partner's unit prices, through the reference cache: the CPQ's calculation of one unit of every
   * product in the price book, so the tier discount is the CPQ's own, never recomputed here.
   */
  async function partnerPricesOf(
    keys: readonly PartnerPricesKey[],
    context: LegacyCallContext,
  ): Promise<Array<CachedValue<PartnerPrice[]> | Error>> {
    const cacheKey = (key: PartnerPricesKey) => `${key.partnerId}:${entriesCacheKey(key)}`;
    const cached = await http.cachedBatch(keys.map(cacheKey), {
      ...productCache,
      operation: 'calculatePartnerPrices',
      namespace: 'partner-prices',
      schema: calculatedLineSchema,
      load: async (missing) => {
        const missingKeys = keys.filter((key) => missing.includes(cacheKey(key)));
        const entries = await entriesOf(missingKeys, context);
        const priced = await Promise.all(
          missingKeys.map(async (key, index) => {
            const book = entries[index]!;
            if (book instanceof Error) throw book;
            const skus = book.value.filter((entry) => entry.active).map((entry) => entry.sku);
            const lines: z.infer<typeof calculatedLineSchema> = [];
            for (const chunk of chunks(skus, CALCULATION_LINES_PER_CALL)) {
              const calculation = await http.request({
                ...context,
                operation: 'calculatePartnerPrices',
                method: 'POST',
                path: CALCULATE_PATH,
                body: {
                  partnerId: key.partnerId,
                  currency: key.currency,
                  lines: chunk.map((sku) => ({ productCode: sku, quantity: 1 })),
                },
                schema: calculationSchema,
              });
              lines.push(...calculation.lines);
            }
            return [cacheKey(key), lines] as const;
          }),
        );
        return new Map(priced);
      },
    });
    return cached.map((result, index) => {
      if (result === null) return new Error(`no prices for ${cacheKey(keys[index]!)}`);
      if (result instanceof Error) return result;
      return { value: toPartnerPrices(result.value, keys[index]!.currency), freshness: result.freshness };
    });
  }

  async function byIds<T>(
    type: string,
    fields: readonly string[],
    operation: string,
    ids: readonly string[],
    map: (record: unknown) => T,
    context: LegacyCallContext,
  ): Promise<Array<T | null | Error>> {
    const results: Array<T | null | Error> = [];
    for (const chunk of chunks(ids, IDS_PER_CALL)) {
      const records = await http.request({
        ...context,
        operation,
        path: `${API_BASE}/composite/sobjects/${type}`,
        params: { ids: chunk.join(','), fields: fields.join(',') },
        schema: compositeResultSchema,
      });
      results.push(
        ...chunk.map((_id, index) => (records[index] == null ? null : mapEach([records[index]], map)[0]!)),
      );
    }
    return results;
  }

  function createCommands(context: LegacyCallContext = {}): CpqCommands {
    const sobject = (type: string, id?: string) =>
      `${API_BASE}/sobjects/${type}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;
    const change = (
      operation: string,
      method: 'PATCH' | 'DELETE',
      path: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) =>
      http.request({
        ...context,
        operation,
        method,
        path,
        body,
        headers,
        parse: (text) => text,
        schema: noContentSchema,
      });
    /**
     * A POST, or with a key the upsert that finds the record a repeat of it created. Salesforce's
     * upsert rewrites the fields of the record it finds, so a key reused for another quote or line
     * would change the first one (even an approved quote's customer): the keyed record is read
     * first, answered as it is when it holds what `body` asks for, and refused (CONFLICT) when it
     * holds something else. `unset` is what a field left out of `body` is stored as.
     */
    const create = async (
      type: 'SBQQ__Quote__c' | 'SBQQ__QuoteLine__c',
      operation: string,
      idempotencyKey: string | undefined,
      body: Record<string, string | number>,
      unset: Record<string, string | null>,
    ): Promise<string> => {
      if (idempotencyKey !== undefined) {
        const compared = { ...unset, ...body };
        const [keyed] = await queryAll(
          `${operation}ByKey`,
          `SELECT Id, ${Object.keys(compared).join(', ')} FROM ${type} WHERE ${IDEMPOTENCY_KEY_FIELD} = ${soqlString(idempotencyKey)}`,
          context,
        );
        if (keyed !== undefined) {
          const held = keyed as Record<string, unknown>;
          const differs = Object.entries(compared).some(
            ([field, value]) => !sameFieldValue(held[field], value),
          );
          if (differs) {
            throw new UpstreamError('CONFLICT', `cpq ${type} idempotency key was used for another record`, {
              system: 'cpq',
              operation,
              breaker: 'closed',
            });
          }
          return String(held.Id);
        }
      }
      const created = await http.request({
        ...context,
        operation,
        ...(idempotencyKey === undefined
          ? { method: 'POST' as const, path: sobject(type) }
          : {
              method: 'PATCH' as const,
              path: `${sobject(type)}/${IDEMPOTENCY_KEY_FIELD}/${encodeURIComponent(idempotencyKey)}`,
              idempotencyKey,
            }),
        body,
        schema: createResultSchema,
      });
      return created.id;
    };
    return {
      async createQuote(quote) {
        return create(
          'SBQQ__Quote__c',
          'createQuote',
          quote.idempotencyKey,
          {
            SBQQ__Partner__c: quote.partnerId,
            SBQQ__Account__c: quote.customerAccountId,
            CurrencyIsoCode: quote.currency,
            ...(quote.dealRegistrationId ? { Deal_Registration__c: quote.dealRegistrationId } : {}),
          },
          { Deal_Registration__c: null },
        );
      },
      async addQuoteLine(quoteId, line) {
        const [product] = await productRecordsBySku([line.sku], context);
        if (product instanceof Error) throw product;
        if (!product) {
          throw new UpstreamError('NOT_FOUND', `cpq has no product ${line.sku}`, {
            system: 'cpq',
            operation: 'createQuoteLine',
            breaker: 'closed',
          });
        }
        return create(
          'SBQQ__QuoteLine__c',
          'createQuoteLine',
          line.idempotencyKey,
          {
            SBQQ__Quote__c: quoteId,
            SBQQ__Product__c: product.value.Id,
            SBQQ__Quantity__c: line.quantity,
            ...(line.additionalDiscountPercent === undefined
              ? {}
              : { SBQQ__AdditionalDiscount__c: line.additionalDiscountPercent }),
          },
          { SBQQ__AdditionalDiscount__c: '0' },
        );
      },
      async updateQuoteLine(lineId, { quantity, additionalDiscountPercent }) {
        await change('updateQuoteLine', 'PATCH', sobject('SBQQ__QuoteLine__c', lineId), {
          ...(quantity === undefined ? {} : { SBQQ__Quantity__c: quantity }),
          ...(additionalDiscountPercent === undefined
            ? {}
            : { SBQQ__AdditionalDiscount__c: additionalDiscountPercent }),
        });
      },
      async removeQuoteLine(lineId) {
        await change('deleteQuoteLine', 'DELETE', sobject('SBQQ__QuoteLine__c', lineId));
      },
      async setQuoteStatus(quoteId, status, { ifVersion } = {}) {
        await change(
          'updateQuote',
          'PATCH',
          sobject('SBQQ__Quote__c', quoteId),
          { SBQQ__Status__c: SBQQ_STATUSES[status] },
          ifVersion === undefined ? undefined : { 'If-Match': ifVersion },
        );
      },
      async calculateQuote(quoteId, { save }) {
        const calculation = await http.request({
          ...context,
          operation: save ? 'calculateAndSaveQuote' : 'calculateQuote',
          method: 'POST',
          path: CALCULATE_PATH,
          body: { quoteId, save },
          schema: calculationSchema,
        });
        // Without the saved version no later write could be made conditional on what was priced.
        if (save && !calculation.savedQuote) {
          throw new UpstreamError(
            'UPSTREAM_BAD_RESPONSE',
            'cpq saved a calculation without the quote version',
            {
              system: 'cpq',
              operation: 'calculateAndSaveQuote',
              breaker: 'closed',
            },
          );
        }
        return {
          calculation: toQuoteCalculation(calculation),
          savedVersion: calculation.savedQuote?.etag ?? null,
        };
      },
    };
  }

  return {
    http,
    createCommands,
    createLoaders: (context = {}) => {
      const cachedProductBySku = new DataLoader((skus: readonly string[]) => productsBySku(skus, context));
      return {
        quoteById: new DataLoader((ids) => quotesByIds(ids, context)),
        quoteLineById: new DataLoader((ids) =>
          byIds('SBQQ__QuoteLine__c', QUOTE_LINE_FIELDS, 'getQuoteLines', ids, toQuoteLine, context),
        ),
        customerById: new DataLoader((ids) =>
          byIds('Account', ACCOUNT_FIELDS, 'getAccounts', ids, toCustomer, context),
        ),
        customersByPartnerId: new DataLoader((partnerIds) =>
          groupedQuery(
            'queryAccounts',
            partnerIds,
            (inList) =>
              `SELECT ${ACCOUNT_FIELDS.join(', ')} FROM Account WHERE Partner__c IN (${inList}) ORDER BY Name`,
            toCustomer,
            'partnerId',
            context,
          ),
        ),
        priceBookByRegion: new DataLoader((regions) => priceBooksByRegion(regions, context)),
        priceBookEntries: new DataLoader((keys) => entriesOf(keys, context), { cacheKeyFn: entriesCacheKey }),
        partnerPrices: new DataLoader((keys) => partnerPricesOf(keys, context), {
          cacheKeyFn: (key) => `${key.partnerId}:${entriesCacheKey(key)}`,
        }),
        quotesByPartnerId: new DataLoader((partnerIds) =>
          groupedQuery(
            'queryQuotes',
            partnerIds,
            (inList) =>
              `SELECT ${QUOTE_FIELDS.join(', ')} FROM SBQQ__Quote__c WHERE SBQQ__Partner__c IN (${inList}) ORDER BY Name DESC`,
            toQuote,
            'partnerId',
            context,
          ),
        ),
        linesByQuoteId: new DataLoader((quoteIds) =>
          groupedQuery(
            'queryQuoteLines',
            quoteIds,
            (inList) =>
              `SELECT ${QUOTE_LINE_FIELDS.join(', ')} FROM SBQQ__QuoteLine__c WHERE SBQQ__Quote__c IN (${inList}) ORDER BY Name`,
            toQuoteLine,
            'quoteId',
            context,
          ),
        ),
        opportunityByQuoteId: new DataLoader(async (quoteIds) =>
          (
            await groupedQuery(
              'queryOpportunities',
              quoteIds,
              (inList) =>
                `SELECT ${OPPORTUNITY_FIELDS.join(', ')} FROM Opportunity WHERE SBQQ__PrimaryQuote__c IN (${inList})`,
              toQuoteOpportunity,
              'quoteId',
              context,
            )
          ).map((found) => (found instanceof Error ? found : (found[0] ?? null))),
        ),
        cachedProductBySku,
        // Shares cachedProductBySku's batch, so asking for both costs one query.
        productBySku: new DataLoader(async (skus) =>
          (await cachedProductBySku.loadMany(skus)).map((result) =>
            result instanceof Error ? result : (result?.value ?? null),
          ),
        ),
      };
    },
  };
}
