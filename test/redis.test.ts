import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { APQ_TTL_SECONDS, sha256 } from '../gateway';
import type { RunningStack } from '../scripts/stack';
import { postGraphQL, startTestStack, tokenFor } from './stack';
import { waitFor } from './wait-for';

/**
 * REDIS_URL as an operator sees it: /readyz says whether Redis is up, a Redis that is not there
 * costs no request its answer, and REDIS_KEY_PREFIX keeps stacks sharing one Redis apart (APQ keys
 * included, under `<prefix>apq:`).
 */
const REDIS_URL = 'redis://127.0.0.1:6379';
const PREFIX = `partner-graph-test:${process.pid}:${Date.now()}:`;
const PRODUCTS = '{ me { catalog { priceBook { entries { product { sku } } } } } }';

interface Readiness {
  status: string;
  redis?: string;
  subgraphs: Array<{ name: string; redis?: string }>;
}

async function readiness(stack: RunningStack): Promise<Readiness> {
  const response = await fetch(`${stack.gateway.url}/readyz`);
  return (await response.json()) as Readiness;
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `redis://127.0.0.1:${port}`;
}

describe('REDIS_URL unreachable', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startTestStack({ REDIS_URL: await closedPortUrl(), REDIS_KEY_PREFIX: PREFIX });
  });
  afterAll(() => stack.close());

  it('says in /readyz that Redis is down, and still serves the catalog', async () => {
    await waitFor('the gateway ready', async () => (await readiness(stack)).status !== 'not ready', {
      timeoutMs: 10_000,
    });
    const ready = await readiness(stack);
    expect(ready).toMatchObject({ status: 'degraded', redis: 'down' });
    // Each subgraph says so of its own reference-data cache (billing caches nothing).
    expect(Object.fromEntries(ready.subgraphs.map((s) => [s.name, s.redis]))).toEqual({
      partners: 'down',
      quoting: 'down',
      billing: undefined,
      incentives: 'down',
    });

    const answer = await postGraphQL<{ me: { catalog: { priceBook: { entries: unknown[] } } } }>(
      stack.urls.gateway,
      await tokenFor(),
      { query: PRODUCTS },
    );

    expect(answer.errors).toBeUndefined();
    expect(answer.data!.me.catalog.priceBook.entries.length).toBeGreaterThan(0);
  });
});

describe('REDIS_URL reachable, with REDIS_KEY_PREFIX', () => {
  let stack: RunningStack;
  let admin: Redis;
  beforeAll(async () => {
    admin = new Redis(REDIS_URL);
    stack = await startTestStack({ REDIS_URL, REDIS_KEY_PREFIX: PREFIX });
  });
  afterAll(async () => {
    await stack.close();
    const keys = await admin.keys(`${PREFIX}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  it('says in /readyz that Redis is up', async () => {
    await waitFor('Redis up', async () => (await readiness(stack)).status === 'ready', { timeoutMs: 10_000 });
    const ready = await readiness(stack);
    expect(ready).toMatchObject({ status: 'ready', redis: 'up' });
    expect(
      ready.subgraphs
        .filter((s) => s.redis === 'up')
        .map((s) => s.name)
        .sort(),
    ).toEqual(['incentives', 'partners', 'quoting']);
  });

  /** Registers `query` by APQ once Redis is up; answers the key Apollo stores it under. */
  async function registerByApq(query: string): Promise<string> {
    await waitFor('Redis up', async () => (await readiness(stack)).redis === 'up', { timeoutMs: 10_000 });
    const stored = await postGraphQL(stack.urls.gateway, await tokenFor(), {
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
    });
    expect(stored.errors).toBeUndefined();
    return `${PREFIX}apq:${sha256(query)}`;
  }

  it('stores reference data and APQ entries under the prefix only, APQ under <prefix>apq:', async () => {
    const query = '{ me { id } }';
    const key = await registerByApq(query);
    await postGraphQL(stack.urls.gateway, await tokenFor(), { query: PRODUCTS });

    const keys = await admin.keys(`${PREFIX}*`);

    expect(keys).toContain(key);
    expect(keys.some((key) => key.startsWith(`${PREFIX}cpq:`))).toBe(true);
    expect(await admin.keys(`partner-graph:*${sha256(query)}`)).toEqual([]);
  });

  it('keeps an APQ entry for APQ_TTL_SECONDS, not for ever', async () => {
    const key = await registerByApq('{ me { name } }');
    // Apollo stores the entry after answering: wait for it rather than for a fixed time.
    await waitFor('the APQ entry stored', async () => (await admin.exists(key)) === 1);

    const ttlMs = await admin.pttl(key);

    expect(ttlMs).toBeGreaterThan(0);
    expect(ttlMs).toBeLessThanOrEqual(APQ_TTL_SECONDS * 1000);
  });
});
