import Decimal from 'decimal.js';
import { listen, type RunningServer } from '../../runtime';
import { waitFor } from '../../test/wait-for';
import { generateDataset } from '../seed/dataset';
import { API_BASE, createCpqApp, type CpqOptions } from './server';

const dataset = generateDataset({ seed: 11, scale: 'small' });
const credentials = { clientId: 'test-client', clientSecret: 'test-secret' };
const options: CpqOptions = { ...credentials, tokenTtlMs: 60 * 60 * 1000, queryBatchSize: 2000 };

interface QueryPage {
  totalSize: number;
  done: boolean;
  records: Array<Record<string, unknown>>;
  nextRecordsUrl?: string;
}

function requestToken(baseUrl: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${baseUrl}/services/oauth2/token`, { method: 'POST', body: new URLSearchParams(form) });
}

async function issueToken(baseUrl: string): Promise<string> {
  const response = await requestToken(baseUrl, {
    grant_type: 'client_credentials',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function getJson<T = unknown>(url: string, token?: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as T };
}

function soqlUrl(baseUrl: string, soql: string): string {
  return `${baseUrl}${API_BASE}/query?q=${encodeURIComponent(soql)}`;
}

async function startCpq(
  overrides: Partial<CpqOptions> = {},
): Promise<{ server: RunningServer; token: string }> {
  const server = await listen(createCpqApp(dataset, { ...options, ...overrides }).app, 0);
  try {
    return { server, token: await issueToken(server.url) };
  } catch (error) {
    await server.close();
    throw error;
  }
}

const partnerQuotes = dataset.quotes.filter((quote) => quote.SBQQ__Partner__c === 'P-00003');
const [firstQuote, secondQuote] = dataset.quotes;
if (!firstQuote || !secondQuote || partnerQuotes.length <= 5)
  throw new Error('seed 11 no longer fits these tests');
/** A quote as the API shows it: the dataset's record with the stamp and external id every write keeps. */
const served = (quote: object) => ({
  ...quote,
  LastModifiedDate: expect.any(String),
  Idempotency_Key__c: null,
});

describe('CPQ stand-in', () => {
  let server: RunningServer;
  let token: string;
  let base: string;

  beforeAll(async () => {
    ({ server, token } = await startCpq());
    base = server.url;
  });
  afterAll(() => server.close());

  describe('OAuth token endpoint', () => {
    it('issues a bearer token and the instance URL for the right client credentials', async () => {
      const response = await requestToken(base, {
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, string>;
      expect(body).toMatchObject({ token_type: 'Bearer', instance_url: base });
      expect(body.access_token).toMatch(/^00D\S{20,}$/);
      expect(
        (await getJson(`${base}${API_BASE}/sobjects/Product2/${dataset.products[0]!.Id}`, body.access_token))
          .status,
      ).toBe(200);
    });

    it('also accepts the credentials as JSON', async () => {
      const response = await fetch(`${base}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
        }),
      });
      expect(response.status).toBe(200);
    });

    it('answers 400 invalid_client for a wrong secret', async () => {
      const response = await requestToken(base, {
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: 'wrong',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_client' });
    });

    it('answers 400 unsupported_grant_type for another grant', async () => {
      const response = await requestToken(base, {
        grant_type: 'password',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
    });
  });

  describe('session', () => {
    const quoteUrl = () => `${base}${API_BASE}/sobjects/SBQQ__Quote__c/${firstQuote.Id}`;

    it('answers 401 INVALID_SESSION_ID without a token', async () => {
      expect(await getJson(quoteUrl())).toEqual({
        status: 401,
        body: [{ errorCode: 'INVALID_SESSION_ID', message: expect.any(String) }],
      });
    });

    it('answers 401 INVALID_SESSION_ID for a token it never issued', async () => {
      expect(await getJson(quoteUrl(), '00Dforged')).toMatchObject({
        status: 401,
        body: [{ errorCode: 'INVALID_SESSION_ID' }],
      });
    });

    it('answers 401 INVALID_SESSION_ID once a token has expired', async () => {
      const tokenTtlMs = 200;
      // Taken before the token is issued, so the token cannot expire earlier than requestedAt + TTL.
      const requestedAt = Date.now();
      const short = await startCpq({ tokenTtlMs });
      try {
        const url = `${short.server.url}${API_BASE}/sobjects/SBQQ__Quote__c/${firstQuote.Id}`;
        expect((await getJson(url, short.token)).status).toBe(200);
        let expired: Awaited<ReturnType<typeof getJson>> | undefined;
        await waitFor(
          'the token expired',
          async () => (expired = await getJson(url, short.token)).status !== 200,
        );
        expect(expired).toMatchObject({ status: 401, body: [{ errorCode: 'INVALID_SESSION_ID' }] });
        expect(Date.now() - requestedAt).toBeGreaterThanOrEqual(tokenTtlMs);
        expect((await getJson(url, await issueToken(short.server.url))).status).toBe(200);
      } finally {
        await short.server.close();
      }
    });
  });

  describe('sObject read by id', () => {
    it('returns the record as the dataset has it', async () => {
      expect(await getJson(`${base}${API_BASE}/sobjects/SBQQ__Quote__c/${firstQuote.Id}`, token)).toEqual({
        status: 200,
        body: served(firstQuote),
      });
    });

    it('shows a product without its generator-only price table', async () => {
      const { prices: _prices, ...product } = dataset.products[0]!;
      expect(await getJson(`${base}${API_BASE}/sobjects/Product2/${product.Id}`, token)).toEqual({
        status: 200,
        body: product,
      });
    });

    it('answers 404 NOT_FOUND for an unknown id or sObject type', async () => {
      expect(
        await getJson(`${base}${API_BASE}/sobjects/SBQQ__Quote__c/a0Q000000000000ZZZ`, token),
      ).toMatchObject({
        status: 404,
        body: [{ errorCode: 'NOT_FOUND' }],
      });
      expect(await getJson(`${base}${API_BASE}/sobjects/Contract/${firstQuote.Id}`, token)).toMatchObject({
        status: 404,
        body: [{ errorCode: 'NOT_FOUND' }],
      });
    });
  });

  describe('composite read', () => {
    const compositeUrl = (query: string) => `${base}${API_BASE}/composite/sobjects/SBQQ__Quote__c?${query}`;

    it('answers in the order asked, with null for a missing id', async () => {
      const ids = [secondQuote.Id, 'a0Q000000000000ZZZ', firstQuote.Id].join(',');
      expect(await getJson(compositeUrl(`ids=${ids}`), token)).toEqual({
        status: 200,
        body: [served(secondQuote), null, served(firstQuote)],
      });
    });

    it('projects to the requested fields, keeping attributes and Id', async () => {
      const { body } = await getJson(
        compositeUrl(`ids=${firstQuote.Id}&fields=Name,SBQQ__NetAmount__c`),
        token,
      );
      expect(body).toEqual([
        {
          attributes: firstQuote.attributes,
          Id: firstQuote.Id,
          Name: firstQuote.Name,
          SBQQ__NetAmount__c: firstQuote.SBQQ__NetAmount__c,
        },
      ]);
    });

    // Short ids keep the URL under Node's 16 KiB header limit; the stand-in counts ids, not their length.
    it('accepts 2000 ids and answers 400 INVALID_QUERY_PARAMETER for 2001', async () => {
      const manyIds = (count: number) => Array.from({ length: count }, (_, index) => `x${index}`).join(',');
      const atLimit = await getJson<unknown[]>(compositeUrl(`ids=${manyIds(2000)}`), token);
      expect(atLimit.status).toBe(200);
      expect(atLimit.body).toHaveLength(2000);
      expect(await getJson(compositeUrl(`ids=${manyIds(2001)}`), token)).toMatchObject({
        status: 400,
        body: [{ errorCode: 'INVALID_QUERY_PARAMETER' }],
      });
    });

    it('answers 400 INVALID_QUERY_PARAMETER without ids', async () => {
      for (const query of ['', 'ids=', 'ids=,,']) {
        expect(await getJson(compositeUrl(query), token)).toMatchObject({
          status: 400,
          body: [{ errorCode: 'INVALID_QUERY_PARAMETER' }],
        });
      }
    });
  });

  describe('query', () => {
    it('filters, orders and projects', async () => {
      const { status, body } = await getJson<QueryPage>(
        soqlUrl(
          base,
          "SELECT Id, Name FROM SBQQ__Quote__c WHERE SBQQ__Partner__c = 'P-00003' ORDER BY Name DESC",
        ),
        token,
      );
      const expected = [...partnerQuotes].sort((a, b) => b.Name.localeCompare(a.Name));
      expect(status).toBe(200);
      expect(body).toEqual({
        totalSize: expected.length,
        done: true,
        records: expected.map((quote) => ({ attributes: quote.attributes, Id: quote.Id, Name: quote.Name })),
      });
    });

    it('combines IN, != and AND', async () => {
      const { body } = await getJson<QueryPage>(
        soqlUrl(
          base,
          "SELECT Id FROM SBQQ__Quote__c WHERE SBQQ__Partner__c IN ('P-00001', 'P-00002') AND SBQQ__Status__c != 'Accepted'",
        ),
        token,
      );
      const expected = dataset.quotes.filter(
        (quote) =>
          ['P-00001', 'P-00002'].includes(quote.SBQQ__Partner__c) && quote.SBQQ__Status__c !== 'Accepted',
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(body.records.map((record) => record.Id)).toEqual(expected.map((quote) => quote.Id));
    });

    it('applies OFFSET then LIMIT after ordering', async () => {
      const { body } = await getJson<QueryPage>(
        soqlUrl(base, 'SELECT Name FROM SBQQ__Quote__c ORDER BY Name ASC LIMIT 3 OFFSET 2'),
        token,
      );
      const names = dataset.quotes.map((quote) => quote.Name).sort();
      expect(body.records.map((record) => record.Name)).toEqual(names.slice(2, 5));
      expect(body.totalSize).toBe(3);
    });

    it('orders amounts by value, not as text', async () => {
      const { body } = await getJson<QueryPage>(
        soqlUrl(
          base,
          'SELECT SBQQ__NetAmount__c FROM SBQQ__Quote__c ORDER BY SBQQ__NetAmount__c DESC LIMIT 5',
        ),
        token,
      );
      const largest = dataset.quotes
        .map((quote) => quote.SBQQ__NetAmount__c)
        .sort((a, b) => new Decimal(b).comparedTo(a))
        .slice(0, 5);
      expect(body.records.map((record) => record.SBQQ__NetAmount__c)).toEqual(largest);
    });

    it('orders numbers by value, not as text', async () => {
      const { body } = await getJson<QueryPage>(
        soqlUrl(
          base,
          'SELECT SBQQ__Quantity__c FROM SBQQ__QuoteLine__c ORDER BY SBQQ__Quantity__c DESC LIMIT 1',
        ),
        token,
      );
      const largest = Math.max(...dataset.quoteLines.map((line) => line.SBQQ__Quantity__c));
      expect(body.records.map((record) => record.SBQQ__Quantity__c)).toEqual([largest]);
    });

    it('answers COUNT() with the count and no records', async () => {
      const { body } = await getJson<QueryPage>(
        soqlUrl(base, `SELECT COUNT() FROM SBQQ__QuoteLine__c WHERE SBQQ__Quote__c = '${firstQuote.Id}'`),
        token,
      );
      const expected = dataset.quoteLines.filter((line) => line.SBQQ__Quote__c === firstQuote.Id).length;
      expect(expected).toBeGreaterThan(0);
      expect(body).toEqual({ totalSize: expected, done: true, records: [] });
    });

    it.each([
      ['MALFORMED_QUERY', "SELECT Id FROM SBQQ__Quote__c WHERE Name = 'a' OR Name = 'b'"],
      ['MALFORMED_QUERY', ''],
      ['INVALID_FIELD', 'SELECT Id, Bogus__c FROM SBQQ__Quote__c'],
      ['INVALID_FIELD', "SELECT Id FROM SBQQ__Quote__c WHERE Bogus__c = 'x'"],
      ['INVALID_FIELD', 'SELECT Id FROM SBQQ__Quote__c ORDER BY Bogus__c'],
      ['INVALID_FIELD', 'SELECT prices FROM Product2'],
      ['INVALID_TYPE', 'SELECT Id FROM Contract'],
    ])('answers 400 %s for %j', async (errorCode, soql) => {
      expect(await getJson(soqlUrl(base, soql), token)).toMatchObject({ status: 400, body: [{ errorCode }] });
    });
  });

  describe('query paging', () => {
    let paged: RunningServer;
    let pagedToken: string;
    const partnerSoql = "SELECT Id FROM SBQQ__Quote__c WHERE SBQQ__Partner__c = 'P-00003' ORDER BY Name";

    beforeAll(async () => {
      ({ server: paged, token: pagedToken } = await startCpq({ queryBatchSize: 5 }));
    });
    afterAll(() => paged.close());

    it('hands out pages of the batch size until done, with the full totalSize on each', async () => {
      const expected = [...partnerQuotes]
        .sort((a, b) => a.Name.localeCompare(b.Name))
        .map((quote) => quote.Id);
      const pages: QueryPage[] = [
        (await getJson<QueryPage>(soqlUrl(paged.url, partnerSoql), pagedToken)).body,
      ];
      while (!pages.at(-1)!.done && pages.length <= expected.length) {
        const next = pages.at(-1)!.nextRecordsUrl;
        expect(next).toMatch(new RegExp(`^${API_BASE.replace(/\./g, '\\.')}/query/\\S+$`));
        pages.push((await getJson<QueryPage>(`${paged.url}${next}`, pagedToken)).body);
      }
      expect(pages).toHaveLength(Math.ceil(expected.length / 5));
      expect(pages.map((page) => page.totalSize)).toEqual(pages.map(() => expected.length));
      expect(pages.slice(0, -1).every((page) => page.records.length === 5 && !page.done)).toBe(true);
      expect(pages.at(-1)).not.toHaveProperty('nextRecordsUrl');
      expect(pages.flatMap((page) => page.records.map((record) => record.Id))).toEqual(expected);
    });

    it('answers in one page when the rows fit the batch', async () => {
      const { body } = await getJson<QueryPage>(
        soqlUrl(paged.url, 'SELECT Id FROM Product2 LIMIT 5'),
        pagedToken,
      );
      expect(body).toMatchObject({ totalSize: 5, done: true });
      expect(body.records).toHaveLength(5);
      expect(body).not.toHaveProperty('nextRecordsUrl');
    });

    it('answers 400 INVALID_QUERY_LOCATOR for a used or unknown cursor', async () => {
      const first = await getJson<QueryPage>(soqlUrl(paged.url, partnerSoql), pagedToken);
      const next = `${paged.url}${first.body.nextRecordsUrl}`;
      expect((await getJson(next, pagedToken)).status).toBe(200);
      expect(await getJson(next, pagedToken)).toMatchObject({
        status: 400,
        body: [{ errorCode: 'INVALID_QUERY_LOCATOR' }],
      });
      expect(await getJson(`${paged.url}${API_BASE}/query/01gunknown-5`, pagedToken)).toMatchObject({
        status: 400,
        body: [{ errorCode: 'INVALID_QUERY_LOCATOR' }],
      });
    });
  });
});
