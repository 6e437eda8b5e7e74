import { Registry } from 'prom-client';
import { generateDataset } from '../../legacy/seed/dataset';
import { createPrmApp } from '../../legacy/prm/server';
import { listen, type RunningServer } from '../../runtime';
import { createLegacyHealthRegistry, DEFAULT_BREAKER_OPTIONS } from '../http';
import { createPrmAdapter, type PrmAdapter } from './client';

/**
 * The PRM says "not now" with 429 and Retry-After: until it has passed, the adapter sheds what can
 * wait (contact lists, registration listings) and still lets quote work's partner reads through.
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

  it('sheds standard and bulk calls for the Retry-After of a 429, not interactive ones', async () => {
    const partnerId = dataset.partners[0]!.id;
    await fetch(`${server.url}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: CONTACTS, rateLimitRetryAfterSeconds: 30 }),
    });

    await expect(adapter.createLoaders().contactsByPartnerId.load(partnerId)).rejects.toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      upstream: { operation: 'listContacts' },
    });
    await expect(adapter.createLoaders().dealRegistrationsByPartnerId.load(partnerId)).rejects.toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      upstream: { operation: 'listDealRegistrations', shed: 'throttled', breaker: 'closed' },
    });
    await expect(adapter.createLoaders().partnerById.load(partnerId)).resolves.toMatchObject({
      id: partnerId,
    });

    const calls = ((await (await fetch(`${server.url}/__stats`)).json()) as { calls: Record<string, number> })
      .calls;
    expect(calls[CONTACTS]).toBe(1);
    expect(calls[REGISTRATIONS]).toBeUndefined();
    expect(calls[ACCOUNTS]).toBe(1);
    expect(adapter.http.allowance()).toEqual({
      system: 'prm',
      max: null,
      remaining: null,
      shedding: ['standard', 'bulk'],
    });
  });
});
