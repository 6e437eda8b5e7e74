import nock from 'nock';
import { useNockForClients } from './testing-nock';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { createLegacyHttpClient, type LegacyClientOptions, type LegacyHttpClient } from './client';
import { createLegacyHealthRegistry, legacyHealth, type LegacyHealthRegistry } from './health';
import { upstreamErrorOf } from './testing';

/** The health registry as a readiness endpoint will read it: every client's breakers and their state. */
const BASE_URL = 'http://127.0.0.1:1';
const schema = z.object({ id: z.string() });

const clients = useNockForClients();

function client(system: string, health: LegacyHealthRegistry | undefined): LegacyHttpClient {
  const options: LegacyClientOptions = {
    system,
    baseUrl: BASE_URL,
    timeoutMs: 2000,
    breaker: {
      errorThresholdPercentage: 50,
      volumeThreshold: 2,
      resetTimeoutMs: 60_000,
      rollingCountTimeoutMs: 60_000,
    },
    retry: { maxRetries: 0 },
    registry: new Registry(),
    health,
  };
  const created = createLegacyHttpClient(options);
  clients.push(created);
  return created;
}

function get(http: LegacyHttpClient, operation: string) {
  return http.request({ operation, path: `/${operation}`, schema });
}

describe('legacy health registry', () => {
  it("lists every client's breakers, with an open one as open", async () => {
    const health = createLegacyHealthRegistry();
    const cpq = client('cpq', health);
    const prm = client('prm', health);
    nock(BASE_URL).get('/queryQuotes').times(2).reply(503);
    nock(BASE_URL).get('/queryProducts').reply(200, { id: 'x' });
    nock(BASE_URL).get('/getAccounts').reply(200, { id: 'x' });
    for (let call = 0; call < 2; call += 1) await upstreamErrorOf(get(cpq, 'queryQuotes'));
    await get(cpq, 'queryProducts');
    await get(prm, 'getAccounts');

    expect(health.breakers()).toEqual([
      { system: 'cpq', operation: 'queryQuotes', state: 'open' },
      { system: 'cpq', operation: 'queryProducts', state: 'closed' },
      { system: 'prm', operation: 'getAccounts', state: 'closed' },
    ]);
  });

  it('forgets a client once it is closed', async () => {
    const health = createLegacyHealthRegistry();
    const cpq = client('cpq', health);
    nock(BASE_URL).get('/queryQuotes').reply(200, { id: 'x' });
    await get(cpq, 'queryQuotes');
    expect(health.breakers()).toHaveLength(1);

    cpq.close();

    expect(health.breakers()).toEqual([]);
  });

  it('is the process-wide legacyHealth unless a client is given another', async () => {
    const billing = client('billing-health-test', undefined);
    nock(BASE_URL).get('/getInvoice').reply(200, { id: 'x' });
    await get(billing, 'getInvoice');

    expect(legacyHealth.breakers()).toContainEqual({
      system: 'billing-health-test',
      operation: 'getInvoice',
      state: 'closed',
    });
  });
});
