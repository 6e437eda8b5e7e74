import DataLoader from 'dataloader';
import type { Product, Quote, QuoteLine } from '../../domain';
import {
  type BreakerOptions,
  clientCredentialsAuth,
  createLegacyHttpClient,
  type LegacyHttpClient,
  UpstreamError,
} from '../http';
import { toProduct, toQuote, toQuoteLine } from './mappers';
import {
  compositeResultSchema,
  PRODUCT_FIELDS,
  QUOTE_FIELDS,
  QUOTE_LINE_FIELDS,
  queryResultSchema,
} from './types';

export interface CpqConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  breaker: BreakerOptions;
}

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
}

export interface CpqAdapter {
  http: LegacyHttpClient;
  createLoaders(): CpqRequestLoaders;
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
  const http = createLegacyHttpClient({
    system: 'cpq',
    baseUrl: config.baseUrl,
    timeoutMs: config.timeoutMs,
    breaker: config.breaker,
    auth: (axios) =>
      clientCredentialsAuth(axios, {
        tokenPath: '/services/oauth2/token',
        clientId: config.clientId,
        clientSecret: config.clientSecret,
      }),
  });

  /** Runs a query and follows nextRecordsUrl, so callers always get every matching record. */
  async function queryAll(operation: string, soql: string): Promise<unknown[]> {
    let page = await http.request({
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
      page = await http.request({ operation, path: page.nextRecordsUrl, schema: queryResultSchema });
      records.push(...page.records);
    }
    return records;
  }

  async function quotesByIds(ids: readonly string[]): Promise<Array<Quote | null | Error>> {
    const results: Array<Quote | null | Error> = [];
    for (const chunk of chunks(ids, IDS_PER_CALL)) {
      const records = await http.request({
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
  ): Promise<Array<T[] | Error>> {
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const chunk of chunks(keys, IDS_PER_CALL)) {
      const records = await queryAll(operation, buildSoql(chunk.map(soqlString).join(', ')));
      for (const mapped of mapEach(records, map)) {
        if (mapped instanceof Error) throw mapped;
        groups.get(mapped[keyField])?.push(mapped);
      }
    }
    return keys.map((key) => groups.get(key) ?? []);
  }

  return {
    http,
    createLoaders: () => ({
      quoteById: new DataLoader((ids) => quotesByIds(ids)),
      quotesByPartnerId: new DataLoader((partnerIds) =>
        groupedQuery(
          'queryQuotes',
          partnerIds,
          (inList) =>
            `SELECT ${QUOTE_FIELDS.join(', ')} FROM SBQQ__Quote__c WHERE SBQQ__Partner__c IN (${inList}) ORDER BY Name DESC`,
          toQuote,
          'partnerId',
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
        ),
      ),
      productBySku: new DataLoader(async (skus) => {
        const bySku = await groupedQuery(
          'queryProducts',
          skus,
          (inList) => `SELECT ${PRODUCT_FIELDS.join(', ')} FROM Product2 WHERE ProductCode IN (${inList})`,
          toProduct,
          'sku',
        );
        return bySku.map((found) => (found instanceof Error ? found : (found[0] ?? null)));
      }),
    }),
  };
}
