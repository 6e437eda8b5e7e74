import nock from 'nock';
import { useNockForClients } from './testing-nock';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { createMemoryCache, type KeyValueCache } from '../../runtime';
import { createLegacyHttpClient, type LegacyClientOptions, type LegacyHttpClient } from './client';
import { createLegacyHealthRegistry } from './health';
import { connectionError, upstreamErrorOf } from './testing';
import { waitFor } from '../../test/wait-for';

/**
 * Reference data through the cache: what the caller gets (value and freshness) and how many calls
 * reach the legacy system, when it is healthy, down, or behind an open breaker.
 */
const BASE_URL = 'http://127.0.0.1:1';
const priceBookSchema = z.object({ id: z.string(), currency: z.string() });
const PRICE_BOOK = { id: 'PB-1', currency: 'EUR' };

const clients = useNockForClients();

function client(overrides: Partial<LegacyClientOptions> = {}): LegacyHttpClient {
  const created = createLegacyHttpClient({
    system: 'cpq',
    baseUrl: BASE_URL,
    timeoutMs: 2000,
    breaker: {
      errorThresholdPercentage: 50,
      volumeThreshold: 100,
      resetTimeoutMs: 60_000,
      rollingCountTimeoutMs: 60_000,
    },
    retry: { maxRetries: 0 },
    registry: new Registry(),
    health: createLegacyHealthRegistry(),
    ...overrides,
  });
  clients.push(created);
  return created;
}

const priceBookRequest = { operation: 'getPriceBook', path: '/pricebooks/PB-1', schema: priceBookSchema };

function priceBook(http: LegacyHttpClient, policy: { ttlMs: number; staleTtlMs: number }) {
  return http.cachedRequest(priceBookRequest, { key: 'PB-1', ...policy });
}

/** A price book endpoint that counts its calls; it answers until told to fail. */
function priceBookEndpoint() {
  let calls = 0;
  let down = false;
  nock(BASE_URL)
    .get('/pricebooks/PB-1')
    .times(50)
    .reply(() => {
      calls += 1;
      return down ? [503, '[]'] : [200, JSON.stringify(PRICE_BOOK)];
    });
  return { calls: () => calls, goDown: () => (down = true) };
}

/** Waits (polling) until a value fetched at `asOf` is older than `ms`. */
const olderThan = (asOf: string, ms: number) =>
  waitFor('the value older than the given age', () => Date.now() - Date.parse(asOf) > ms);

describe('createMemoryCache', () => {
  it('returns a value until its time to live has passed', async () => {
    const cache = createMemoryCache();
    await cache.set('k', 'v', 30);
    // lru-cache times entries by performance.now(): read the same clock, after the entry was set.
    const setAt = performance.now();

    expect(await cache.get('k')).toBe('v');
    await waitFor('the entry past its time to live', () => performance.now() - setAt > 30);
    expect(await cache.get('k')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.set('a', '1', 60_000);
    await cache.set('b', '2', 60_000);
    await cache.get('a');

    await cache.set('c', '3', 60_000);

    expect(await cache.get('a')).toBe('1');
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toBe('3');
  });

  it('refuses a maxEntries that is not a positive integer', () => {
    expect(() => createMemoryCache({ maxEntries: 0 })).toThrow(
      'maxEntries must be a positive integer, got 0',
    );
  });
});

describe('cachedRequest', () => {
  const POLICY = { ttlMs: 60_000, staleTtlMs: 120_000 };

  it('calls the system on a miss and reports the value as fresh, fetched now', async () => {
    const legacy = priceBookEndpoint();
    const before = Date.now();

    const result = await priceBook(client(), POLICY);

    expect(result.value).toEqual(PRICE_BOOK);
    expect(result.freshness).toMatchObject({ stale: false, ageMs: 0 });
    expect(Date.parse(result.freshness.asOf)).toBeGreaterThanOrEqual(before);
    expect(legacy.calls()).toBe(1);
  });

  it('answers a fresh hit without calling the system', async () => {
    const legacy = priceBookEndpoint();
    const http = client();
    const first = await priceBook(http, POLICY);

    const second = await priceBook(http, POLICY);

    expect(second.value).toEqual(PRICE_BOOK);
    expect(second.freshness.stale).toBe(false);
    expect(second.freshness.asOf).toBe(first.freshness.asOf);
    expect(legacy.calls()).toBe(1);
  });

  it('fetches again once the value is older than ttlMs', async () => {
    const legacy = priceBookEndpoint();
    const http = client();
    const first = await priceBook(http, { ttlMs: 5, staleTtlMs: 60_000 });
    await olderThan(first.freshness.asOf, 5);

    const second = await priceBook(http, { ttlMs: 5, staleTtlMs: 60_000 });

    expect(second.freshness.stale).toBe(false);
    expect(legacy.calls()).toBe(2);
  });

  it('serves the last good value, marked stale with its age, while the system is down', async () => {
    nock(BASE_URL).get('/pricebooks/PB-1').reply(200, PRICE_BOOK);
    const http = client();
    const first = await priceBook(http, { ttlMs: 5, staleTtlMs: 60_000 });
    await olderThan(first.freshness.asOf, 5);
    const failed = nock(BASE_URL)
      .get('/pricebooks/PB-1')
      .replyWithError(connectionError('ECONNREFUSED', 'connect ECONNREFUSED'));

    const served = await priceBook(http, { ttlMs: 5, staleTtlMs: 60_000 });

    expect(failed.isDone()).toBe(true);
    expect(served.value).toEqual(PRICE_BOOK);
    expect(served.freshness.stale).toBe(true);
    expect(served.freshness.asOf).toBe(first.freshness.asOf);
    expect(served.freshness.ageMs).toBeGreaterThan(5);
  });

  it('serves the last good value while the breaker is open, without calling the system', async () => {
    const legacy = priceBookEndpoint();
    const http = client({
      breaker: {
        errorThresholdPercentage: 50,
        volumeThreshold: 2,
        resetTimeoutMs: 60_000,
        rollingCountTimeoutMs: 60_000,
      },
    });
    const first = await priceBook(http, { ttlMs: 5, staleTtlMs: 60_000 });
    legacy.goDown();
    for (let call = 0; call < 2; call += 1) await upstreamErrorOf(http.request(priceBookRequest));
    expect(http.breakerStates()).toEqual({ getPriceBook: 'open' });
    await olderThan(first.freshness.asOf, 5);
    const callsBefore = legacy.calls();

    const served = await priceBook(http, { ttlMs: 5, staleTtlMs: 60_000 });

    expect(served).toMatchObject({
      value: PRICE_BOOK,
      freshness: { stale: true, asOf: first.freshness.asOf },
    });
    expect(legacy.calls()).toBe(callsBefore);
  });

  it('does not serve a value older than staleTtlMs', async () => {
    const legacy = priceBookEndpoint();
    const http = client();
    const first = await priceBook(http, { ttlMs: 5, staleTtlMs: 40 });
    legacy.goDown();
    await olderThan(first.freshness.asOf, 40);

    const error = await upstreamErrorOf(priceBook(http, { ttlMs: 5, staleTtlMs: 40 }));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('does not serve stale data when the system refuses rather than fails (rate limit)', async () => {
    nock(BASE_URL).get('/pricebooks/PB-1').reply(200, PRICE_BOOK);
    const http = client();
    const first = await priceBook(http, { ttlMs: 5, staleTtlMs: 60_000 });
    await olderThan(first.freshness.asOf, 5);
    nock(BASE_URL).get('/pricebooks/PB-1').reply(429, []);

    const error = await upstreamErrorOf(priceBook(http, { ttlMs: 5, staleTtlMs: 60_000 }));

    expect(error.code).toBe('UPSTREAM_RATE_LIMITED');
  });

  it('fails with the system failure when nothing was ever cached', async () => {
    nock(BASE_URL).get('/pricebooks/PB-1').reply(503, []);

    const error = await upstreamErrorOf(priceBook(client(), POLICY));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('treats a cache that fails as a miss and still answers from the system', async () => {
    const legacy = priceBookEndpoint();
    const broken: KeyValueCache = {
      get: () => Promise.reject(new Error('cache down')),
      set: () => Promise.reject(new Error('cache down')),
      delete: () => Promise.reject(new Error('cache down')),
    };

    const result = await priceBook(client({ cache: broken }), POLICY);

    expect(result.value).toEqual(PRICE_BOOK);
    expect(legacy.calls()).toBe(1);
  });

  it('treats a cached value that no longer matches the schema as a miss', async () => {
    const legacy = priceBookEndpoint();
    const cache = createMemoryCache();
    await cache.set(
      'cpq:getPriceBook:PB-1',
      JSON.stringify({ value: { id: 1 }, fetchedAt: Date.now() }),
      60_000,
    );

    const result = await priceBook(client({ cache }), POLICY);

    expect(result.value).toEqual(PRICE_BOOK);
    expect(legacy.calls()).toBe(1);
  });

  it('refuses a staleTtlMs shorter than ttlMs', async () => {
    await expect(priceBook(client(), { ttlMs: 1000, staleTtlMs: 10 })).rejects.toThrow(
      'staleTtlMs must be an integer no smaller than ttlMs (1000), got 10',
    );
  });
});

describe('cachedBatch', () => {
  const productSchema = z.object({ sku: z.string(), name: z.string() });
  type Product = z.infer<typeof productSchema>;
  const PRODUCTS: Product[] = [
    { sku: 'NET-1', name: 'Router' },
    { sku: 'NET-2', name: 'Switch' },
    { sku: 'NET-3', name: 'Firewall' },
  ];

  /** A products endpoint answering `?skus=a,b`, recording which skus each call asked for. */
  function productsEndpoint() {
    const asked: string[][] = [];
    let down = false;
    nock(BASE_URL)
      .get('/products')
      .query(true)
      .times(50)
      .reply((uri) => {
        const skus = new URL(uri, BASE_URL).searchParams.get('skus')!.split(',');
        asked.push(skus);
        if (down) return [503, '[]'];
        return [200, JSON.stringify(PRODUCTS.filter((product) => skus.includes(product.sku)))];
      });
    return { asked, goDown: () => (down = true) };
  }

  function products(http: LegacyHttpClient, skus: string[], policy = { ttlMs: 60_000, staleTtlMs: 120_000 }) {
    return http.cachedBatch(skus, {
      ...policy,
      operation: 'queryProducts',
      namespace: 'product',
      schema: productSchema,
      load: async (missing) => {
        const found = await http.request({
          operation: 'queryProducts',
          path: '/products',
          params: { skus: missing.join(',') },
          schema: z.array(productSchema),
        });
        return new Map(found.map((product) => [product.sku, product]));
      },
    });
  }

  it('fetches only the keys that are not fresh, in one call, with null for a key without a record', async () => {
    const legacy = productsEndpoint();
    const http = client();
    await products(http, ['NET-1']);

    const results = await products(http, ['NET-1', 'NET-2', 'NOPE']);

    expect(results.map((result) => (result instanceof Error ? result : (result?.value ?? null)))).toEqual([
      PRODUCTS[0],
      PRODUCTS[1],
      null,
    ]);
    expect(legacy.asked).toEqual([['NET-1'], ['NET-2', 'NOPE']]);
  });

  it('asks again for a key that had no record, since records can be created', async () => {
    const legacy = productsEndpoint();
    const http = client();
    await products(http, ['NOPE']);

    await products(http, ['NOPE']);

    expect(legacy.asked).toEqual([['NOPE'], ['NOPE']]);
  });

  it('on a system failure serves each key stale when it can, and the error for the others', async () => {
    const legacy = productsEndpoint();
    const http = client();
    const policy = { ttlMs: 5, staleTtlMs: 60_000 };
    const [first] = await products(http, ['NET-1'], policy);
    if (!first || first instanceof Error) throw new Error('expected NET-1 to load');
    legacy.goDown();
    await olderThan(first.freshness.asOf, 5);

    const [stale, missing] = await products(http, ['NET-1', 'NET-2'], policy);

    expect(stale).toMatchObject({ value: PRODUCTS[0], freshness: { stale: true } });
    expect(missing).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });
});
