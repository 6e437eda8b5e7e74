import nock from 'nock';
import { register, Registry } from 'prom-client';
import { z } from 'zod';
import { createLegacyHttpClient, type LegacyClientOptions, type LegacyHttpClient } from './client';
import { createLegacyHealthRegistry } from './health';
import { upstreamErrorOf } from './testing';
import { waitFor } from '../../test/wait-for';

/** The metrics as Prometheus would scrape them: the registry's text output, one fresh registry per test. */
const BASE_URL = 'http://127.0.0.1:1';
const accountSchema = z.object({ id: z.string() });

const clients: LegacyHttpClient[] = [];
let registry: Registry;

function client(overrides: Partial<LegacyClientOptions> = {}): LegacyHttpClient {
  const created = createLegacyHttpClient({
    system: 'crm',
    baseUrl: BASE_URL,
    timeoutMs: 2000,
    breaker: {
      errorThresholdPercentage: 50,
      volumeThreshold: 2,
      resetTimeoutMs: 100,
      rollingCountTimeoutMs: 10_000,
    },
    retry: { maxRetries: 2, baseDelayMs: 1 },
    registry,
    health: createLegacyHealthRegistry(),
    ...overrides,
  });
  clients.push(created);
  return created;
}

function getAccount(http: LegacyHttpClient) {
  return http.request({ operation: 'getAccount', path: '/accounts/A-1', schema: accountSchema });
}

/** The sample lines of the scrape, e.g. `legacy_calls_total{system="crm",...} 1`. */
async function scrape(): Promise<string[]> {
  return (await registry.metrics()).split('\n').filter((line) => line && !line.startsWith('#'));
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
beforeEach(() => {
  registry = new Registry();
});
afterEach(() => {
  clients.splice(0).forEach((created) => created.close());
  nock.cleanAll();
});
afterAll(() => {
  nock.restore();
  nock.enableNetConnect();
});

describe('legacy client metrics', () => {
  it('counts calls by outcome and times them', async () => {
    nock(BASE_URL).get('/accounts/A-1').reply(200, { id: 'A-1' });
    nock(BASE_URL).get('/accounts/A-1').reply(404);
    const http = client();

    await getAccount(http);
    await upstreamErrorOf(getAccount(http));

    const lines = await scrape();
    expect(lines).toContain('legacy_calls_total{system="crm",operation="getAccount",outcome="ok"} 1');
    expect(lines).toContain('legacy_calls_total{system="crm",operation="getAccount",outcome="NOT_FOUND"} 1');
    expect(lines).toContain(
      'legacy_call_duration_seconds_count{system="crm",operation="getAccount",outcome="ok"} 1',
    );
  });

  it('counts retries by reason, and the call once', async () => {
    nock(BASE_URL).get('/accounts/A-1').reply(503);
    nock(BASE_URL).get('/accounts/A-1').reply(429);
    nock(BASE_URL).get('/accounts/A-1').reply(200, { id: 'A-1' });

    await getAccount(client());

    const lines = await scrape();
    expect(lines).toContain(
      'legacy_retries_total{system="crm",operation="getAccount",reason="unavailable"} 1',
    );
    expect(lines).toContain(
      'legacy_retries_total{system="crm",operation="getAccount",reason="rate_limited"} 1',
    );
    expect(lines).toContain('legacy_calls_total{system="crm",operation="getAccount",outcome="ok"} 1');
  });

  it('follows the breaker through open (2), half-open (1) and closed (0)', async () => {
    const http = client({ retry: { maxRetries: 0 } });
    const gauge = 'legacy_breaker_state{system="crm",operation="getAccount"}';
    nock(BASE_URL).get('/accounts/A-1').reply(200, { id: 'A-1' });
    await getAccount(http);
    expect(await scrape()).toContain(`${gauge} 0`);

    nock(BASE_URL).get('/accounts/A-1').times(2).reply(503);
    for (let call = 0; call < 2; call += 1) await upstreamErrorOf(getAccount(http));
    expect(await scrape()).toContain(`${gauge} 2`);

    await waitFor('the breaker half-open', () => http.breakerStates().getAccount === 'halfOpen');
    expect(await scrape()).toContain(`${gauge} 1`);

    nock(BASE_URL).get('/accounts/A-1').reply(200, { id: 'A-1' });
    await getAccount(http);
    expect(await scrape()).toContain(`${gauge} 0`);
  });

  it('counts cache hits, misses and stale values served', async () => {
    const http = client({ retry: { maxRetries: 0 } });
    const request = { operation: 'getAccount', path: '/accounts/A-1', schema: accountSchema };
    const policy = { key: 'A-1', ttlMs: 5, staleTtlMs: 60_000 };
    nock(BASE_URL).get('/accounts/A-1').reply(200, { id: 'A-1' });
    const first = await http.cachedRequest(request, { ...policy, ttlMs: 60_000 });
    await http.cachedRequest(request, { ...policy, ttlMs: 60_000 });
    await waitFor('the first value older than 5 ms', () => Date.now() - Date.parse(first.freshness.asOf) > 5);
    nock(BASE_URL).get('/accounts/A-1').reply(503);
    await http.cachedRequest(request, policy);

    const lines = await scrape();
    expect(lines).toContain('legacy_cache_total{system="crm",operation="getAccount",result="miss"} 2');
    expect(lines).toContain('legacy_cache_total{system="crm",operation="getAccount",result="hit"} 1');
    expect(lines).toContain('legacy_cache_total{system="crm",operation="getAccount",result="stale"} 1');
  });

  it('counts calls the bulkhead refused', async () => {
    nock(BASE_URL).get('/accounts/A-1').delay(100).reply(200, { id: 'A-1' });
    const http = client({ bulkhead: { maxConcurrent: 1, maxQueued: 0 } });
    const running = getAccount(http);

    await upstreamErrorOf(getAccount(http));
    await running;

    expect(await scrape()).toContain('legacy_bulkhead_rejections_total{system="crm"} 1');
  });

  it('lets several clients share one registry, adding to the same series', async () => {
    nock(BASE_URL).get('/accounts/A-1').times(2).reply(200, { id: 'A-1' });

    await getAccount(client());
    await getAccount(client());

    expect(await scrape()).toContain(
      'legacy_calls_total{system="crm",operation="getAccount",outcome="ok"} 2',
    );
  });

  it('labels calls and retries with the subgraph they were made for, the breaker with the system only', async () => {
    nock(BASE_URL).get('/accounts/A-1').reply(503).get('/accounts/A-1').times(2).reply(200, { id: 'A-1' });
    const http = client();

    const read = (subgraph: string) =>
      http.request({ operation: 'getAccount', path: '/accounts/A-1', schema: accountSchema, subgraph });
    await read('quoting');
    await read('partners');

    const lines = await scrape();
    expect(lines).toContain(
      'legacy_calls_total{system="crm",operation="getAccount",outcome="ok",subgraph="quoting"} 1',
    );
    expect(lines).toContain(
      'legacy_calls_total{system="crm",operation="getAccount",outcome="ok",subgraph="partners"} 1',
    );
    expect(lines).toContain(
      'legacy_retries_total{system="crm",operation="getAccount",reason="unavailable",subgraph="quoting"} 1',
    );
    // The breaker is the system's, whichever subgraph called.
    expect(lines).toContain('legacy_breaker_state{system="crm",operation="getAccount"} 0');
  });

  it("never registers in prom-client's global registry, which nothing serves", async () => {
    nock(BASE_URL).get('/accounts/A-1').reply(200, { id: 'A-1' });

    await getAccount(client({ registry: undefined }));

    expect(register.getSingleMetric('legacy_calls_total')).toBeUndefined();
  });
});
