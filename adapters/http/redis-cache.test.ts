import { createServer, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import nock from 'nock';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { createRedisCache, type RedisCache } from '../../runtime';
import { createLegacyHttpClient, type LegacyHttpClient } from './client';
import { createLegacyHealthRegistry } from './health';
import { connectionError } from './testing';
import { waitFor } from '../../test/wait-for';

/**
 * The reference-data cache in a real Redis (127.0.0.1:6379), shared by two clients as two replicas
 * would share it: what one fetched, the other serves — fresh, or stale while the system is down.
 * Every key lives under a prefix unique to this run, removed afterwards.
 */
const REDIS_URL = 'redis://127.0.0.1:6379';
const BASE_URL = 'http://127.0.0.1:1';
const KEY_PREFIX = `partner-graph-test:${process.pid}:${Date.now()}:`;
const priceBookSchema = z.object({ id: z.string(), currency: z.string() });
const PRICE_BOOK = { id: 'PB-1', currency: 'EUR' };
const priceBookRequest = { operation: 'getPriceBook', path: '/pricebooks/PB-1', schema: priceBookSchema };

let admin: Redis;
const caches: RedisCache[] = [];
const clients: LegacyHttpClient[] = [];

/** One replica: its own client and its own Redis connection, over the same keys. */
async function replica(
  cache: RedisCache = createRedisCache({ redis: REDIS_URL, keyPrefix: KEY_PREFIX }),
  expectedStatus: 'up' | 'down' = 'up',
): Promise<LegacyHttpClient> {
  caches.push(cache);
  // A cache answers from process memory until its connection is ready.
  await waitFor('the Redis cache in its expected status', () => cache.status() === expectedStatus);
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
    cache,
    registry: new Registry(),
    health: createLegacyHealthRegistry(),
  });
  clients.push(created);
  return created;
}

async function prefixedKeys(): Promise<string[]> {
  return admin.keys(`${KEY_PREFIX}*`);
}

beforeAll(() => {
  admin = new Redis(REDIS_URL);
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  clients.splice(0).forEach((created) => created.close());
  await Promise.all(caches.splice(0).map((cache) => cache.close()));
  nock.cleanAll();
  const keys = await prefixedKeys();
  if (keys.length > 0) await admin.del(...keys);
});
afterAll(async () => {
  await admin.quit();
  nock.restore();
  nock.enableNetConnect();
});

describe('createRedisCache shared by two clients', () => {
  it('answers the second client from what the first fetched, without calling the system', async () => {
    const scope = nock(BASE_URL).get('/pricebooks/PB-1').reply(200, PRICE_BOOK);
    const second = nock(BASE_URL).get('/pricebooks/PB-1').reply(200, PRICE_BOOK);
    const policy = { key: 'PB-1', ttlMs: 60_000, staleTtlMs: 120_000 };
    const filled = await (await replica()).cachedRequest(priceBookRequest, policy);

    const served = await (await replica()).cachedRequest(priceBookRequest, policy);

    expect(scope.isDone()).toBe(true);
    expect(second.isDone()).toBe(false);
    expect(served).toMatchObject({
      value: PRICE_BOOK,
      freshness: { stale: false, asOf: filled.freshness.asOf },
    });
  });

  it('lets the second client serve stale what the first fetched, while the system is down', async () => {
    nock(BASE_URL).get('/pricebooks/PB-1').reply(200, PRICE_BOOK);
    const policy = { key: 'PB-1', ttlMs: 5, staleTtlMs: 60_000 };
    const filled = await (await replica()).cachedRequest(priceBookRequest, policy);
    await waitFor(
      'the cached value older than 5 ms',
      () => Date.now() - Date.parse(filled.freshness.asOf) > 5,
    );
    const down = nock(BASE_URL)
      .get('/pricebooks/PB-1')
      .replyWithError(connectionError('ECONNREFUSED', 'connect ECONNREFUSED'));

    const served = await (await replica()).cachedRequest(priceBookRequest, policy);

    expect(down.isDone()).toBe(true);
    expect(served.value).toEqual(PRICE_BOOK);
    expect(served.freshness).toMatchObject({ stale: true, asOf: filled.freshness.asOf });
    expect(served.freshness.ageMs).toBeGreaterThan(5);
  });

  it('stores entries under the key prefix, expiring after staleTtlMs', async () => {
    nock(BASE_URL).get('/pricebooks/PB-1').reply(200, PRICE_BOOK);

    await (
      await replica()
    ).cachedRequest(priceBookRequest, { key: 'PB-1', ttlMs: 60_000, staleTtlMs: 120_000 });

    const key = `${KEY_PREFIX}cpq:getPriceBook:PB-1`;
    expect(await prefixedKeys()).toEqual([key]);
    const ttl = await admin.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });

  it('leaves a Redis client it was given open when closed', async () => {
    const cache = createRedisCache({ redis: admin, keyPrefix: KEY_PREFIX });
    await cache.set('k', 'v', 60_000);

    await cache.close();

    expect(await cache.get('k')).toBe('v');
  });
});

describe('createRedisCache while Redis is unreachable', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  let silentUrl: string;
  let closedUrl: string;
  beforeAll(async () => {
    // Accepts connections and never answers: a Redis that hangs rather than refuses.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `redis://127.0.0.1:${(silent.address() as { port: number }).port}`;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    closedUrl = `redis://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise((resolve) => closed.close(resolve));
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));
  });

  it.each([
    ['refuses connections', () => closedUrl],
    ['accepts and never answers', () => silentUrl],
  ])('serves from process memory at once when Redis %s', async (_case, url) => {
    // Timeouts far beyond the test's own: a lookup that waited for Redis would never finish in time.
    const cache = createRedisCache({
      redis: url(),
      keyPrefix: KEY_PREFIX,
      connectTimeoutMs: 600_000,
      commandTimeoutMs: 600_000,
    });
    const client = await replica(cache, 'down');
    const once = nock(BASE_URL).get('/pricebooks/PB-1').reply(200, PRICE_BOOK);
    const again = nock(BASE_URL).get('/pricebooks/PB-1').reply(200, PRICE_BOOK);
    const policy = { key: 'PB-1', ttlMs: 60_000, staleTtlMs: 120_000 };

    await client.cachedRequest(priceBookRequest, policy);
    const served = await client.cachedRequest(priceBookRequest, policy);

    expect(served.value).toEqual(PRICE_BOOK);
    expect(once.isDone()).toBe(true);
    expect(again.isDone()).toBe(false);
    expect(cache.status()).toBe('down');
  });
});

describe('createRedisCache key prefixes', () => {
  it('keeps two stacks sharing one Redis apart', async () => {
    const mine = createRedisCache({ redis: REDIS_URL, keyPrefix: `${KEY_PREFIX}a:` });
    const theirs = createRedisCache({ redis: REDIS_URL, keyPrefix: `${KEY_PREFIX}b:` });
    caches.push(mine, theirs);
    await waitFor('both Redis caches up', () => mine.status() === 'up' && theirs.status() === 'up');

    await mine.set('cpq:getPriceBook:PB-1', 'mine', 60_000);
    await theirs.set('cpq:getPriceBook:PB-1', 'theirs', 60_000);

    expect(await mine.get('cpq:getPriceBook:PB-1')).toBe('mine');
    expect(await theirs.get('cpq:getPriceBook:PB-1')).toBe('theirs');
    expect((await prefixedKeys()).sort()).toEqual([
      `${KEY_PREFIX}a:cpq:getPriceBook:PB-1`,
      `${KEY_PREFIX}b:cpq:getPriceBook:PB-1`,
    ]);
  });
});
