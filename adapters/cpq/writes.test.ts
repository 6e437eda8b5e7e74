import { Registry } from 'prom-client';
import { generateDataset } from '../../legacy/seed/dataset';
import { createCpqApp } from '../../legacy/cpq/server';
import { listen, type RunningServer } from '../../runtime';
import { createLegacyHealthRegistry, DEFAULT_BREAKER_OPTIONS } from '../http';
import { upstreamErrorOf } from '../http/testing';
import { waitFor } from '../../test/wait-for';
import { createCpqAdapter, type CpqAdapter } from './client';

/**
 * The CPQ adapter's catalog reads (customers, price books, a partner's unit prices) and quote
 * writes, against the stand-in: what they return, what they cost, and that writes are never retried.
 */
const CREDENTIALS = { clientId: 'partner-graph', clientSecret: 'cpq-test-secret' };
const TODAY = '2026-12-01';
const QUERY = 'GET /services/data/v60.0/query';
const CALCULATE = 'POST /services/apexrest/quote/calculate';
const dataset = generateDataset({ seed: 11, scale: 'small' });
const partner = dataset.partners.find((p) => p.region === 'EMEA' && p.partnerLevel.name === 'Gold')!;
const customer = dataset.customers.find((c) => c.Partner__c === partner.id)!;
const secondCustomer = dataset.customers.find((c) => c.Partner__c === partner.id && c.Id !== customer.Id)!;
const book = dataset.priceBooks.find((b) => b.Region__c === partner.region)!;

async function legacyCalls(server: RunningServer): Promise<Record<string, number>> {
  const response = await fetch(`${server.url}/__stats`);
  return ((await response.json()) as { calls: Record<string, number> }).calls;
}

async function injectFault(server: RunningServer, fault: Record<string, unknown>): Promise<void> {
  await fetch(`${server.url}/__faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
}

describe('CPQ adapter: catalog reads and quote writes against the stand-in', () => {
  let server: RunningServer;
  const adapters: CpqAdapter[] = [];

  beforeAll(async () => {
    server = await listen(
      createCpqApp(dataset, {
        ...CREDENTIALS,
        tokenTtlMs: 3_600_000,
        queryBatchSize: 2000,
        today: () => TODAY,
      }).app,
      0,
    );
  });
  afterEach(() => adapters.splice(0).forEach((adapter) => adapter.http.close()));
  afterAll(async () => {
    await server?.close();
  });

  /** An adapter with its own cache and its token fetched, and the stand-in's counters reset. */
  async function freshAdapter(productCache = { ttlMs: 60_000, staleTtlMs: 120_000 }): Promise<CpqAdapter> {
    const adapter = createCpqAdapter({
      baseUrl: server.url,
      ...CREDENTIALS,
      timeoutMs: 5000,
      breaker: DEFAULT_BREAKER_OPTIONS,
      retry: { maxRetries: 2, baseDelayMs: 1 },
      productCache,
      registry: new Registry(),
      health: createLegacyHealthRegistry(),
    });
    adapters.push(adapter);
    await fetch(`${server.url}/__faults`, { method: 'DELETE' });
    await adapter.createLoaders().quoteById.load(dataset.quotes[0]!.Id);
    await fetch(`${server.url}/__stats`, { method: 'DELETE' });
    return adapter;
  }

  it("lists a partner's customers and reads one by id", async () => {
    const adapter = await freshAdapter();
    const loaders = adapter.createLoaders();

    const [customers, one, unknown] = await Promise.all([
      loaders.customersByPartnerId.load(partner.id),
      loaders.customerById.load(customer.Id),
      loaders.customerById.load('001000000000ZZZZAAA'),
    ]);

    expect(customers.map((c) => c.id).sort()).toEqual(
      dataset.customers
        .filter((c) => c.Partner__c === partner.id)
        .map((c) => c.Id)
        .sort(),
    );
    expect(one).toEqual({
      id: customer.Id,
      name: customer.Name,
      partnerId: partner.id,
      country: customer.BillingCountry,
      currency: customer.CurrencyIsoCode,
    });
    expect(unknown).toBeNull();
  });

  it("reads a region's price book, its entries and the partner's unit prices, then serves them from the cache", async () => {
    const adapter = await freshAdapter();
    const catalogOf = async () => {
      const loaders = adapter.createLoaders();
      const priceBook = await loaders.priceBookByRegion.load(partner.region);
      const key = { priceBookId: priceBook!.value.id, currency: partner.currencyCode };
      return {
        priceBook,
        entries: await loaders.priceBookEntries.load(key),
        prices: await loaders.partnerPrices.load({ ...key, partnerId: partner.id }),
      };
    };

    const { priceBook, entries, prices } = await catalogOf();

    expect(priceBook?.value).toEqual({ id: book.Id, name: book.Name, region: partner.region, active: true });
    const seededEntries = dataset.priceBookEntries
      .filter((e) => e.Pricebook2Id === book.Id && e.CurrencyIsoCode === partner.currencyCode)
      .sort((a, b) => a.ProductCode.localeCompare(b.ProductCode));
    expect(entries.value.map((entry) => entry.sku)).toEqual(seededEntries.map((entry) => entry.ProductCode));
    expect(entries.value[0]).toEqual({
      priceBookId: book.Id,
      sku: seededEntries[0]!.ProductCode,
      listPrice: { amount: seededEntries[0]!.UnitPrice, currency: partner.currencyCode },
      active: true,
    });
    // Gold: 10% tier discount, nothing else on one unit.
    const first = prices.value.find((price) => price.sku === seededEntries[0]!.ProductCode)!;
    expect(first.partnerDiscountPercent).toBe('10.00');
    expect(Number(first.partnerPrice.amount)).toBeCloseTo(Number(seededEntries[0]!.UnitPrice) * 0.9, 2);
    expect(prices.value).toHaveLength(seededEntries.length);
    expect(prices.freshness.stale).toBe(false);
    expect(await legacyCalls(server)).toEqual({ [QUERY]: 2, [CALCULATE]: 1 });

    await fetch(`${server.url}/__stats`, { method: 'DELETE' });
    await catalogOf();
    expect(await legacyCalls(server)).toEqual({});
  });

  it('serves price book data stale while the CPQ is down', async () => {
    const adapter = await freshAdapter({ ttlMs: 5, staleTtlMs: 60_000 });
    const key = { priceBookId: book.Id, currency: partner.currencyCode, partnerId: partner.id };
    const fetched = await adapter.createLoaders().partnerPrices.load(key);
    await waitFor(
      'the fetched value older than 5 ms',
      () => Date.now() - Date.parse(fetched.freshness.asOf) > 5,
    );
    await injectFault(server, { down: true });

    const stale = await adapter.createLoaders().partnerPrices.load(key);

    expect(stale.value).toEqual(fetched.value);
    expect(stale.freshness).toMatchObject({ stale: true, asOf: fetched.freshness.asOf });
  });

  it('creates a quote, adds, changes and removes lines, and prices it: every line write reprices', async () => {
    const adapter = await freshAdapter();
    const commands = adapter.createCommands();
    const [product, second] = dataset.products;

    const quoteId = await commands.createQuote({
      partnerId: partner.id,
      customerAccountId: customer.Id,
      currency: partner.currencyCode,
      dealRegistrationId: null,
    });
    const lineId = await commands.addQuoteLine(quoteId, { sku: product!.ProductCode, quantity: 10 });
    const secondId = await commands.addQuoteLine(quoteId, {
      sku: second!.ProductCode,
      quantity: 1,
      additionalDiscountPercent: '2.5',
    });
    await commands.updateQuoteLine(lineId, { quantity: 50 });

    const loaders = adapter.createLoaders();
    const [quote, lines, line] = await Promise.all([
      loaders.quoteById.load(quoteId),
      loaders.linesByQuoteId.load(quoteId),
      loaders.quoteLineById.load(secondId),
    ]);
    expect(quote).toMatchObject({
      partnerId: partner.id,
      status: 'DRAFT',
      customerAccountId: customer.Id,
      dealRegistrationId: null,
    });
    expect(lines.map((l) => [l.sku, l.quantity, l.discountPercent])).toEqual([
      [product!.ProductCode, 50, '18.00'],
      [second!.ProductCode, 1, '12.50'],
    ]);
    expect(line).toMatchObject({ quoteId, additionalDiscountPercent: '2.50' });

    await commands.removeQuoteLine(secondId);
    const { calculation, savedVersion } = await commands.calculateQuote(quoteId, { save: false });
    expect(savedVersion).toBeNull();
    expect(calculation).toMatchObject({
      quoteId,
      partnerId: partner.id,
      approvalLimitPercent: '25.00',
      approvalRequired: false,
      warnings: [],
    });
    expect(calculation.lines).toEqual([
      expect.objectContaining({
        sku: product!.ProductCode,
        quantity: 50,
        volumeDiscountPercent: '8.00',
        partnerDiscountPercent: '10.00',
        totalDiscountPercent: '18.00',
      }),
    ]);

    await commands.updateQuoteLine(lineId, { additionalDiscountPercent: '30' });
    expect(await adapter.createLoaders().quoteById.load(quoteId)).toMatchObject({ status: 'IN_REVIEW' });
    await commands.setQuoteStatus(quoteId, 'APPROVED');
    expect(await adapter.createLoaders().quoteById.load(quoteId)).toMatchObject({ status: 'APPROVED' });
  });

  it('sets a status only on the version it names: CONFLICT once a line changed, without touching the breaker', async () => {
    const adapter = await freshAdapter();
    const commands = adapter.createCommands();
    const quoteId = await commands.createQuote({
      partnerId: partner.id,
      customerAccountId: customer.Id,
      currency: partner.currencyCode,
      dealRegistrationId: null,
    });
    const lineId = await commands.addQuoteLine(quoteId, {
      sku: dataset.products[0]!.ProductCode,
      quantity: 1,
    });
    const { savedVersion } = await commands.calculateQuote(quoteId, { save: true });
    expect(savedVersion).toEqual(expect.any(String));
    await commands.updateQuoteLine(lineId, { additionalDiscountPercent: '40' });

    const lost = await upstreamErrorOf(
      commands.setQuoteStatus(quoteId, 'APPROVED', { ifVersion: savedVersion! }),
    );

    expect(lost).toMatchObject({ code: 'CONFLICT', upstream: { system: 'cpq', operation: 'updateQuote' } });
    expect(lost.isSystemFailure).toBe(false);
    expect(await adapter.createLoaders().quoteById.load(quoteId)).toMatchObject({ status: 'IN_REVIEW' });
    const { savedVersion: current } = await commands.calculateQuote(quoteId, { save: true });
    await commands.setQuoteStatus(quoteId, 'APPROVED', { ifVersion: current! });
    expect(await adapter.createLoaders().quoteById.load(quoteId)).toMatchObject({ status: 'APPROVED' });
  });

  it('reports refusals with their codes: unknown sku NOT_FOUND, bad quantity BAD_USER_INPUT', async () => {
    const adapter = await freshAdapter();
    const commands = adapter.createCommands();
    const quoteId = await commands.createQuote({
      partnerId: partner.id,
      customerAccountId: customer.Id,
      currency: partner.currencyCode,
      dealRegistrationId: null,
    });

    expect(
      await upstreamErrorOf(commands.addQuoteLine(quoteId, { sku: 'NOPE-0000', quantity: 1 })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await upstreamErrorOf(
        commands.addQuoteLine(quoteId, { sku: dataset.products[0]!.ProductCode, quantity: 0 }),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { system: 'cpq', operation: 'createQuoteLine' } });
    expect(await upstreamErrorOf(commands.removeQuoteLine('a0R000000000ZZZZAAA'))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('upserts a create with an idempotency key: a repeat answers the same record, and a 503 is retried', async () => {
    const adapter = await freshAdapter();
    const commands = adapter.createCommands();
    const upsert = 'PATCH /services/data/v60.0/sobjects/:sobject/:field/:value';
    const quote = {
      partnerId: partner.id,
      customerAccountId: customer.Id,
      currency: partner.currencyCode,
      dealRegistrationId: null,
      idempotencyKey: `${partner.id}:adapter-upsert`,
    };
    const first = await commands.createQuote(quote);
    await injectFault(server, { route: upsert, errorRate: 1, errorStatus: 503 });
    await upstreamErrorOf(commands.createQuote({ ...quote, idempotencyKey: `${partner.id}:adapter-503` }));
    const attemptsOfTheFailedCall = (await legacyCalls(server))[upsert]! - 1;
    await fetch(`${server.url}/__faults`, { method: 'DELETE' });

    const again = await commands.createQuote(quote);
    const other = await upstreamErrorOf(
      commands.createQuote({ ...quote, customerAccountId: secondCustomer.Id }),
    );

    expect(again).toBe(first);
    expect(attemptsOfTheFailedCall).toBeGreaterThan(1);
    expect(other).toMatchObject({ code: 'CONFLICT', upstream: { system: 'cpq', operation: 'createQuote' } });
    expect(await adapter.createLoaders().quoteById.load(first)).toMatchObject({
      customerAccountId: customer.Id,
    });
    expect((await legacyCalls(server))['POST /services/data/v60.0/sobjects/:sobject']).toBeUndefined();
  });

  it('never retries a write: a 503 on create fails after one attempt', async () => {
    const adapter = await freshAdapter();
    await injectFault(server, {
      route: 'POST /services/data/v60.0/sobjects/:sobject',
      errorRate: 1,
      errorStatus: 503,
    });

    const error = await upstreamErrorOf(
      adapter.createCommands().createQuote({
        partnerId: partner.id,
        customerAccountId: customer.Id,
        currency: partner.currencyCode,
        dealRegistrationId: null,
      }),
    );

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect((await legacyCalls(server))['POST /services/data/v60.0/sobjects/:sobject']).toBe(1);
  });
});
