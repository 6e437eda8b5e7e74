import nock from 'nock';
import { Registry } from 'prom-client';
import { createLegacyHealthRegistry, DEFAULT_BREAKER_OPTIONS } from '../http';
import { createCpqAdapter } from './client';

/**
 * The CPQ's API limit, which the stand-in does not simulate: Salesforce answers 403 with
 * REQUEST_LIMIT_EXCEEDED, and the adapter must report a rate limit, not an outage.
 */
const BASE_URL = 'http://127.0.0.1:1';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.restore();
  nock.enableNetConnect();
});

it('reports the CPQ API limit as UPSTREAM_RATE_LIMITED, without retrying or opening the breaker', async () => {
  nock(BASE_URL).post('/services/oauth2/token').reply(200, { access_token: 'token-1' });
  let queries = 0;
  nock(BASE_URL)
    .get('/services/data/v60.0/query')
    .query(true)
    .times(10)
    .reply(() => {
      queries += 1;
      return [
        403,
        JSON.stringify([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]),
      ];
    });
  const adapter = createCpqAdapter({
    baseUrl: BASE_URL,
    clientId: 'partner-graph',
    clientSecret: 'secret',
    timeoutMs: 2000,
    breaker: { ...DEFAULT_BREAKER_OPTIONS, volumeThreshold: 2 },
    registry: new Registry(),
    health: createLegacyHealthRegistry(),
  });
  try {
    for (let call = 0; call < 3; call += 1) {
      await expect(adapter.createLoaders().quotesByPartnerId.load('P-00001')).rejects.toMatchObject({
        code: 'UPSTREAM_RATE_LIMITED',
        upstream: { system: 'cpq', operation: 'queryQuotes', breaker: 'closed' },
      });
    }

    expect(queries).toBe(3);
    expect(adapter.http.breakerStates()).toEqual({ queryQuotes: 'closed' });
  } finally {
    adapter.http.close();
  }
});
