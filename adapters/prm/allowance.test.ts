import { Registry } from 'prom-client';
import { generateDataset } from '../../legacy/seed/dataset';
import { createPrmApp } from '../../legacy/prm/server';
import { listen, type RunningServer } from '../../runtime';
import { createLegacyHealthRegistry, DEFAULT_BREAKER_OPTIONS } from '../http';
import { createPrmAdapter, type PrmAdapter } from './client';

/**
 * The PRM says "not now" with 429 and Retry-After: until it has passed, or the PRM answers again,
 * the adapter sheds what can wait (contact lists) and lets the rest through.
 */
const API_KEY = 'prm-test-key';
const dataset = generateDataset({ seed: 5, scale: 'small' });
const CONTACTS = 'GET /api/objects/v1/Contact';
const REGISTRATIONS = 'GET /api/objects/v1/DealRegistration';
const ACCOUNTS = 'GET /api/objects/v1/Account';

describe('the PRM pushing back', () => {
  let server: RunningServer;
  let adapter: PrmAdapter;
  beforeAll(async () => {
    server = await listen(createPrmApp(dataset, { apiKey: API_KEY }).app, 0);
    adapter = createPrmAdapter({
      baseUrl: server.url,
      apiKey: API_KEY,
      timeoutMs: 5000,
      breaker: DEFAULT_BREAKER_OPTIONS,
      retry: { maxRetries: 0 },
      registry: new Registry(),
      health: createLegacyHealthRegistry(),
    });
  });
  afterAll(async () => {
    adapter?.http.close();
    await server?.close();
  });

  it('sheds bulk calls after a 429 until its Retry-After has passed or the PRM answers again', async () => {
    const partnerId = dataset.partners[0]!.id;
    await fetch(`${server.url}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: REGISTRATIONS, rateLimitRetryAfterSeconds: 30 }),
    });

    await expect(adapter.createLoaders().dealRegistrationsByPartnerId.load(partnerId)).rejects.toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      upstream: { operation: 'listDealRegistrations' },
    });
    await expect(adapter.createLoaders().contactsByPartnerId.load(partnerId)).rejects.toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      upstream: { operation: 'listContacts', shed: 'throttled', breaker: 'closed' },
    });
    expect(adapter.http.allowance()).toEqual({
      system: 'prm',
      max: null,
      remaining: null,
      shedding: ['bulk'],
    });
    await expect(adapter.createLoaders().partnerById.load(partnerId)).resolves.toMatchObject({
      id: partnerId,
    });

    const calls = ((await (await fetch(`${server.url}/__stats`)).json()) as { calls: Record<string, number> })
      .calls;
    expect(calls[REGISTRATIONS]).toBe(1);
    expect(calls[CONTACTS]).toBeUndefined();
    expect(calls[ACCOUNTS]).toBe(1);
    // The PRM answered again: contacts may be asked for.
    expect(adapter.http.allowance().shedding).toEqual([]);
    await expect(adapter.createLoaders().contactsByPartnerId.load(partnerId)).resolves.toEqual(
      expect.any(Array),
    );
  });
});
