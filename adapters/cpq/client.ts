import DataLoader from 'dataloader';
import type { Product, Quote, QuoteLine } from '../../domain';
import {
  type BreakerOptions,
  type CachedValue,
  type CachePolicy,
  clientCredentialsAuth,
  createLegacyHttpClient,
  type LegacyCallContext,
  type LegacyHttpClient,
  type LegacyResilienceOptions,
  UpstreamError,
  type UpstreamErrorCode,
} from '../http';
import { toProduct, toProduct2Record, toQuote, toQuoteLine } from './mappers';
import {
  compositeResultSchema,
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
  /** How long products stay fresh, and how long they may be served stale while the CPQ is down. */
  productCache?: CachePolicy;
}

export const DEFAULT_PRODUCT_CACHE: CachePolicy = { ttlMs: 5 * 60_000, staleTtlMs: 24 * 60 * 60_000 };

const API_BASE = '/services/data/v60.0';
/** Ids per SOQL IN list or composite read: keeps URLs well under common 16 KB limits. */
const IDS_PER_CALL = 200;
/** Pages followed through nextRecordsUrl before the answer is considered runaway. */
const MAX_QUERY_PAGES = 50;

/** Loaders live for one GraphQL request, so batching and caching never cross tenants or requests. */
export interface CpqRequestLoaders {
  quoteById: DataLoader<string, Quote | null>;
  quotesByPartnerId: DataLoader<string, Quote[]>;
  linesByQuoteId: DataLoader<string, QuoteLine[]>;
  productBySku: DataLoader<string, Product | null>;
  /** The same products with their freshness: `stale` when served from cache while the CPQ is down. */
  cachedProductBySku: DataLoader<string, CachedValue<Product> | null>;
}

export interface CpqAdapter {
  http: LegacyHttpClient;
  createLoaders(context?: LegacyCallContext): CpqRequestLoaders;
}

/**
 * The CPQ's API limit (Salesforce's org-wide daily request allowance) comes back as a 403 whose body
 * says REQUEST_LIMIT_EXCEEDED; any other 403 is left to its status.
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

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
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

export function createCpqAdapter(config: CpqConfig): CpqAdapter {
  const { baseUrl, clientId, clientSecret, productCache = DEFAULT_PRODUCT_CACHE, ...resilience } = config;
  const http = createLegacyHttpClient({
    ...resilience,
    system: 'cpq',
    baseUrl,
    classify: classifyCpqAnswer,
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

  async function quotesByIds(
    ids: readonly string[],
    context: LegacyCallContext,
  ): Promise<Array<Quote | null | Error>> {
    const results: Array<Quote | null | Error> = [];
    for (const chunk of chunks(ids, IDS_PER_CALL)) {
      const records = await http.request({
        ...context,
        operation: 'getQuotes',
        path: `${API_BASE}/composite/sobjects/SBQQ__Quote__c`,
        params: { ids: chunk.join(','), fields: QUOTE_FIELDS.join(',') },
        schema: compositeResultSchema,
      });
      results.push(
        ...chunk.map((_id, index) =>
          records[index] == null ? null : mapEach([records[index]], toQuote)[0]!,
        ),
      );
    }
    return results;
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
  async function productsBySku(
    skus: readonly string[],
    context: LegacyCallContext,
  ): Promise<Array<CachedValue<Product> | null | Error>> {
    const cached = await http.cachedBatch(skus, {
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
    return cached.map((result) => {
      if (result === null || result instanceof Error) return result;
      try {
        return { value: toProduct(result.value), freshness: result.freshness };
      } catch (error) {
        return error as Error;
      }
    });
  }

  return {
    http,
    createLoaders: (context = {}) => {
      const cachedProductBySku = new DataLoader((skus: readonly string[]) => productsBySku(skus, context));
      return {
        quoteById: new DataLoader((ids) => quotesByIds(ids, context)),
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
