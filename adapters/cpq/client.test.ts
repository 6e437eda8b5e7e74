import { generateDataset, type SbqqQuote, type SbqqQuoteLine } from '../../legacy/seed/dataset';
import { createCpqApp } from '../../legacy/cpq/server';
import { parseSoql } from '../../legacy/cpq/soql';
import { listen, type RunningServer } from '../../runtime';
import type { Quote, QuoteLine } from '../../domain';
import { Registry } from 'prom-client';
import { createLegacyHealthRegistry, DEFAULT_BREAKER_OPTIONS } from '../http';
import { waitFor } from '../../test/wait-for';
import { classifyCpqAnswer, createCpqAdapter, soqlString } from './client';

const CREDENTIALS = { clientId: 'partner-graph', clientSecret: 'cpq-test-secret' };
const QUERY = 'GET /services/data/v60.0/query';
const QUERY_CURSOR = 'GET /services/data/v60.0/query/:cursor';
const COMPOSITE = 'GET /services/data/v60.0/composite/sobjects/:sobject';

const STATUSES: Record<SbqqQuote['SBQQ__Status__c'], Quote['status']> = {
  Draft: 'DRAFT',
  'In Review': 'IN_REVIEW',
  Approved: 'APPROVED',
  Presented: 'PRESENTED',
  Accepted: 'ACCEPTED',
  Rejected: 'REJECTED',
};

/** What a seeded quote must look like once it has been through the adapter. */
function expectedQuote(record: SbqqQuote): Quote {
  return {
    id: record.Id,
    number: record.Name,
    partnerId: record.SBQQ__Partner__c,
    status: STATUSES[record.SBQQ__Status__c],
    currency: record.CurrencyIsoCode,
    listTotal: { amount: record.SBQQ__ListAmount__c, currency: record.CurrencyIsoCode },
    netTotal: { amount: record.SBQQ__NetAmount__c, currency: record.CurrencyIsoCode },
    expiresOn: record.SBQQ__ExpirationDate__c,
    createdAt: record.CreatedDate,
    customerAccountId: record.SBQQ__Account__c,
    dealRegistrationId: record.Deal_Registration__c,
  };
}

function expectedLine(record: SbqqQuoteLine): QuoteLine {
  return {
    id: record.Id,
    quoteId: record.SBQQ__Quote__c,
    sku: record.SBQQ__ProductCode__c,
    productName: record.SBQQ__ProductName__c,
    quantity: record.SBQQ__Quantity__c,
    listPrice: { amount: record.SBQQ__ListPrice__c, currency: record.CurrencyIsoCode },
    discountPercent: record.SBQQ__Discount__c,
    additionalDiscountPercent: record.SBQQ__AdditionalDiscount__c,
    netPrice: { amount: record.SBQQ__NetPrice__c, currency: record.CurrencyIsoCode },
    netTotal: { amount: record.SBQQ__NetTotal__c, currency: record.CurrencyIsoCode },
  };
}

async function legacyCalls(server: RunningServer): Promise<Record<string, number>> {
  const response = await fetch(`${server.url}/__stats`);
  return ((await response.json()) as { calls: Record<string, number> }).calls;
}

async function resetLegacy(server: RunningServer): Promise<void> {
  await fetch(`${server.url}/__stats`, { method: 'DELETE' });
  await fetch(`${server.url}/__faults`, { method: 'DELETE' });
}

async function startCpq(queryBatchSize: number) {
  const dataset = generateDataset({ seed: 11, scale: 'small' });
  const server = await listen(
    createCpqApp(dataset, { ...CREDENTIALS, tokenTtlMs: 60 * 60 * 1000, queryBatchSize }).app,
    0,
  );
  const adapter = createCpqAdapter({
    baseUrl: server.url,
    ...CREDENTIALS,
    timeoutMs: 5000,
    breaker: DEFAULT_BREAKER_OPTIONS,
  });
  // Fetch the token now, so that the tests count only the calls their loads cost.
  await adapter.createLoaders().quoteById.load(dataset.quotes[0]!.Id);
  return { dataset, server, adapter };
}

describe('soqlString', () => {
  it('quotes a plain value', () => {
    expect(soqlString('P-00001')).toBe("'P-00001'");
  });

  it('escapes quotes and backslashes', () => {
    expect(soqlString("O'Brien")).toBe("'O\\'Brien'");
    expect(soqlString('C:\\dir')).toBe("'C:\\\\dir'");
    expect(soqlString("\\'")).toBe("'\\\\\\''");
  });

  it.each(["P-1' OR Name != '", "x\\' , 'P-00002", 'ends with a backslash\\', "''"])(
    'keeps %j one value inside an IN list',
    (value) => {
      const query = parseSoql(
        `SELECT Id FROM SBQQ__Quote__c WHERE SBQQ__Partner__c IN (${soqlString(value)}, 'P-00003')`,
      );

      expect(query.where).toEqual([
        { field: 'SBQQ__Partner__c', operator: 'IN', values: [value, 'P-00003'] },
      ]);
    },
  );
});

describe('classifyCpqAnswer', () => {
  it('turns the API limit (403 REQUEST_LIMIT_EXCEEDED) into UPSTREAM_RATE_LIMITED', () => {
    const body = JSON.stringify([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);

    expect(classifyCpqAnswer(403, body)).toBe('UPSTREAM_RATE_LIMITED');
  });

  it.each([
    ['another 403', 403, JSON.stringify([{ message: 'no access', errorCode: 'INSUFFICIENT_ACCESS' }])],
    ['a 403 that is not JSON', 403, '<html>Forbidden</html>'],
    ['a 403 of another shape', 403, JSON.stringify({ errorCode: 'REQUEST_LIMIT_EXCEEDED' })],
    [
      'REQUEST_LIMIT_EXCEEDED with another status',
      500,
      JSON.stringify([{ errorCode: 'REQUEST_LIMIT_EXCEEDED' }]),
    ],
    ['a success', 200, JSON.stringify({ totalSize: 0, done: true, records: [] })],
  ])('leaves %s to its status', (_case, status, body) => {
    expect(classifyCpqAnswer(status, body)).toBeUndefined();
  });
});

describe('createCpqAdapter against the CPQ stand-in', () => {
  let cpq: Awaited<ReturnType<typeof startCpq>>;

  beforeAll(async () => {
    cpq = await startCpq(2000);
  });
  afterAll(async () => {
    cpq?.adapter.http.close();
    await cpq?.server.close();
  });
  beforeEach(async () => {
    await resetLegacy(cpq.server);
  });

  function seededQuotesOf(partnerId: string): SbqqQuote[] {
    return cpq.dataset.quotes
      .filter((quote) => quote.SBQQ__Partner__c === partnerId)
      .sort((a, b) => b.Name.localeCompare(a.Name));
  }

  it("loads 5 partners' quotes in one query, newest number first", async () => {
    const partnerIds = cpq.dataset.partners.slice(0, 5).map((partner) => partner.id);
    const loaders = cpq.adapter.createLoaders();

    const quotes = await Promise.all(partnerIds.map((id) => loaders.quotesByPartnerId.load(id)));

    expect(quotes).toEqual(partnerIds.map((id) => seededQuotesOf(id).map(expectedQuote)));
    expect(quotes.every((partnerQuotes) => partnerQuotes.length > 0)).toBe(true);
    expect(await legacyCalls(cpq.server)).toEqual({ [QUERY]: 1 });
  });

  it('gives a partner without quotes an empty list', async () => {
    const loaders = cpq.adapter.createLoaders();

    const [known, unknown] = await Promise.all([
      loaders.quotesByPartnerId.load('P-00001'),
      loaders.quotesByPartnerId.load('P-99999'),
    ]);

    expect(known).toHaveLength(seededQuotesOf('P-00001').length);
    expect(unknown).toEqual([]);
    expect(await legacyCalls(cpq.server)).toEqual({ [QUERY]: 1 });
  });

  it('loads the lines of 50 quotes in one query', async () => {
    const quoteIds = cpq.dataset.quotes.slice(0, 50).map((quote) => quote.Id);
    const loaders = cpq.adapter.createLoaders();

    const lines = await Promise.all(quoteIds.map((id) => loaders.linesByQuoteId.load(id)));

    expect(lines).toEqual(
      quoteIds.map((id) =>
        cpq.dataset.quoteLines
          .filter((line) => line.SBQQ__Quote__c === id)
          .sort((a, b) => a.Name.localeCompare(b.Name))
          .map(expectedLine),
      ),
    );
    expect(lines.every((quoteLines) => quoteLines.length > 0)).toBe(true);
    expect(await legacyCalls(cpq.server)).toEqual({ [QUERY]: 1 });
  });

  it('loads the opportunities (close dates) of 50 quotes in one query, null for a quote without one', async () => {
    const quoteIds = cpq.dataset.quotes.slice(0, 50).map((quote) => quote.Id);
    const loaders = cpq.adapter.createLoaders();

    const [opportunities, unknown] = await Promise.all([
      Promise.all(quoteIds.map((id) => loaders.opportunityByQuoteId.load(id))),
      loaders.opportunityByQuoteId.load('a0Q999999999999AAA'),
    ]);

    expect(opportunities).toEqual(
      quoteIds.map((id) => {
        const opportunity = cpq.dataset.opportunities.find((o) => o.SBQQ__PrimaryQuote__c === id)!;
        return { id: opportunity.Id, quoteId: id, closeDate: opportunity.CloseDate };
      }),
    );
    expect(unknown).toBeNull();
    expect(await legacyCalls(cpq.server)).toEqual({ [QUERY]: 1 });
  });

  it('loads 50 quotes by id in one composite call, with null for an unknown id', async () => {
    const records = cpq.dataset.quotes.slice(100, 150);
    const loaders = cpq.adapter.createLoaders();

    const [quotes, unknown] = await Promise.all([
      Promise.all(records.map((record) => loaders.quoteById.load(record.Id))),
      loaders.quoteById.load('a0Q000000000ZZZZAAA'),
    ]);

    expect(quotes).toEqual(records.map(expectedQuote));
    expect(unknown).toBeNull();
    expect(await legacyCalls(cpq.server)).toEqual({ [COMPOSITE]: 1 });
  });

  it('loads several products by sku in one query, with null for an unknown sku', async () => {
    const products = cpq.dataset.products.slice(0, 3);
    const loaders = cpq.adapter.createLoaders();

    const loaded = await Promise.all([
      ...products.map((product) => loaders.productBySku.load(product.ProductCode)),
      loaders.productBySku.load('NOPE-0000'),
    ]);

    expect(loaded).toEqual([
      ...products.map((product) => ({
        sku: product.ProductCode,
        name: product.Name,
        family: product.Family.toUpperCase(),
        active: product.IsActive,
      })),
      null,
    ]);
    expect(await legacyCalls(cpq.server)).toEqual({ [QUERY]: 1 });
  });

  it('rejects records of the wrong types as UPSTREAM_BAD_RESPONSE', async () => {
    const fault = await fetch(`${cpq.server.url}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: QUERY, malformed: 'wrong-types' }),
    });
    expect(fault.status).toBe(201);
    const loaders = cpq.adapter.createLoaders();

    await expect(loaders.quotesByPartnerId.load('P-00001')).rejects.toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
    });
  });
});

describe('createCpqAdapter against a CPQ that pages its query results', () => {
  let cpq: Awaited<ReturnType<typeof startCpq>>;

  beforeAll(async () => {
    cpq = await startCpq(10);
  });
  afterAll(async () => {
    cpq?.adapter.http.close();
    await cpq?.server.close();
  });

  it('follows nextRecordsUrl until every record is loaded', async () => {
    await resetLegacy(cpq.server);
    const partnerIds = cpq.dataset.partners.slice(0, 5).map((partner) => partner.id);
    const seeded = cpq.dataset.quotes.filter((quote) => partnerIds.includes(quote.SBQQ__Partner__c));
    const loaders = cpq.adapter.createLoaders();

    const quotes = await Promise.all(partnerIds.map((id) => loaders.quotesByPartnerId.load(id)));

    expect(
      quotes
        .flat()
        .map((quote) => quote.id)
        .sort(),
    ).toEqual(seeded.map((quote) => quote.Id).sort());
    expect(await legacyCalls(cpq.server)).toEqual({
      [QUERY]: 1,
      [QUERY_CURSOR]: Math.ceil(seeded.length / 10) - 1,
    });
  });
});

describe('createCpqAdapter product cache against the CPQ stand-in', () => {
  const dataset = generateDataset({ seed: 11, scale: 'small' });
  let server: RunningServer;
  const adapters: Array<ReturnType<typeof createCpqAdapter>> = [];

  beforeAll(async () => {
    server = await listen(
      createCpqApp(dataset, { ...CREDENTIALS, tokenTtlMs: 60 * 60 * 1000, queryBatchSize: 2000 }).app,
      0,
    );
  });
  afterEach(() => adapters.splice(0).forEach((adapter) => adapter.http.close()));
  afterAll(async () => {
    await server?.close();
  });

  /** An adapter of its own (and so an empty cache), with its token already fetched. */
  async function adapterWith(productCache: { ttlMs: number; staleTtlMs: number }) {
    const adapter = createCpqAdapter({
      baseUrl: server.url,
      ...CREDENTIALS,
      timeoutMs: 5000,
      breaker: DEFAULT_BREAKER_OPTIONS,
      retry: { maxRetries: 1, baseDelayMs: 1 },
      productCache,
      registry: new Registry(),
      health: createLegacyHealthRegistry(),
    });
    adapters.push(adapter);
    await adapter.createLoaders().quoteById.load(dataset.quotes[0]!.Id);
    await resetLegacy(server);
    return adapter;
  }

  const [first, second] = dataset.products;
  const expectedProduct = (product: typeof first) => ({
    sku: product!.ProductCode,
    name: product!.Name,
    family: product!.Family.toUpperCase(),
    active: product!.IsActive,
  });

  it('answers a later request for the same product from the cache, without a query', async () => {
    const adapter = await adapterWith({ ttlMs: 60_000, staleTtlMs: 120_000 });
    await adapter.createLoaders().productBySku.load(first!.ProductCode);

    const loaded = await adapter.createLoaders().cachedProductBySku.load(first!.ProductCode);

    expect(loaded).toMatchObject({ value: expectedProduct(first), freshness: { stale: false } });
    expect(await legacyCalls(server)).toEqual({ [QUERY]: 1 });
  });

  it('loads a product and its freshness in one query', async () => {
    const adapter = await adapterWith({ ttlMs: 60_000, staleTtlMs: 120_000 });
    const loaders = adapter.createLoaders();

    const [product, cached] = await Promise.all([
      loaders.productBySku.load(first!.ProductCode),
      loaders.cachedProductBySku.load(first!.ProductCode),
    ]);

    expect(product).toEqual(expectedProduct(first));
    expect(cached?.value).toEqual(product);
    expect(await legacyCalls(server)).toEqual({ [QUERY]: 1 });
  });

  it('while the CPQ is down, serves products it fetched before, marked stale', async () => {
    const adapter = await adapterWith({ ttlMs: 5, staleTtlMs: 60_000 });
    const fetched = await adapter.createLoaders().cachedProductBySku.load(first!.ProductCode);
    await waitFor(
      'the fetched value older than 5 ms',
      () => Date.now() - Date.parse(fetched!.freshness.asOf) > 5,
    );
    await fetch(`${server.url}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: QUERY, down: true }),
    });
    const loaders = adapter.createLoaders();

    const [cached, product, neverFetched] = await Promise.all([
      loaders.cachedProductBySku.load(first!.ProductCode),
      loaders.productBySku.load(first!.ProductCode),
      loaders.productBySku.load(second!.ProductCode).catch((error: unknown) => error),
    ]);

    expect(cached).toMatchObject({
      value: expectedProduct(first),
      freshness: { stale: true, asOf: fetched!.freshness.asOf },
    });
    expect(cached!.freshness.ageMs).toBeGreaterThan(5);
    expect(product).toEqual(expectedProduct(first));
    expect(neverFetched).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect((await legacyCalls(server))[QUERY]).toBeGreaterThan(0);
  });
});
