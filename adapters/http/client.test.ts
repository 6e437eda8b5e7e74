import nock from 'nock';
import { upstreamErrorOf } from './testing';
import { waitFor } from '../../test/wait-for';
import { useNockForClients } from './testing-nock';
import { z } from 'zod';
import { createLegacyHttpClient, type LegacyClientOptions, type LegacyHttpClient } from './client';
import type { UpstreamErrorCode } from '../../runtime';

/**
 * The resilient client against nock: every way a legacy call can fail must surface as an
 * UpstreamError with a stable code, and only system failures may trip the breaker.
 */
const BASE_URL = 'http://127.0.0.1:1';
const accountSchema = z.object({ id: z.string(), name: z.string() });
const ACCOUNT = { id: 'A-1', name: 'Acme Networks' };

const clients = useNockForClients();

function client(overrides: Partial<LegacyClientOptions> = {}): LegacyHttpClient {
  const created = createLegacyHttpClient({
    system: 'crm',
    baseUrl: BASE_URL,
    timeoutMs: 2000,
    breaker: {
      errorThresholdPercentage: 50,
      volumeThreshold: 3,
      resetTimeoutMs: 200,
      rollingCountTimeoutMs: 10_000,
    },
    // These tests are about one call's outcome and the breaker; retries have their own tests.
    retry: { maxRetries: 0 },
    ...overrides,
  });
  clients.push(created);
  return created;
}

function getAccount(http: LegacyHttpClient, id = 'A-1') {
  return http.request({ operation: 'getAccount', path: `/accounts/${id}`, schema: accountSchema });
}

describe('createLegacyHttpClient', () => {
  it('returns the body validated by the schema', async () => {
    nock(BASE_URL)
      .get('/accounts/A-1')
      .query({ active: 'true' })
      .reply(200, { ...ACCOUNT, extra: 1 });

    const account = await client().request({
      operation: 'getAccount',
      path: '/accounts/A-1',
      params: { active: 'true' },
      schema: accountSchema,
    });

    expect(account).toEqual(ACCOUNT);
  });

  it('rejects a 200 whose body does not match the schema as UPSTREAM_BAD_RESPONSE', async () => {
    nock(BASE_URL).get('/accounts/A-1').reply(200, { id: 42 });

    const error = await upstreamErrorOf(getAccount(client()));

    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('rejects truncated JSON as UPSTREAM_BAD_RESPONSE', async () => {
    nock(BASE_URL)
      .get('/accounts/A-1')
      .reply(200, JSON.stringify(ACCOUNT).slice(0, 12), { 'content-type': 'application/json' });

    const error = await upstreamErrorOf(getAccount(client()));

    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it.each<[number, UpstreamErrorCode]>([
    [404, 'NOT_FOUND'],
    [400, 'BAD_USER_INPUT'],
    [409, 'CONFLICT'],
    [410, 'NOT_FOUND'],
    [412, 'CONFLICT'],
    [413, 'BAD_USER_INPUT'],
    [414, 'BAD_USER_INPUT'],
    [422, 'BAD_USER_INPUT'],
    [431, 'BAD_USER_INPUT'],
    [401, 'UPSTREAM_UNAVAILABLE'],
    [403, 'UPSTREAM_UNAVAILABLE'],
    [503, 'UPSTREAM_UNAVAILABLE'],
  ])('maps HTTP %i to %s', async (status, code) => {
    nock(BASE_URL)
      .get('/accounts/A-1')
      .reply(status, [{ errorCode: 'X', message: 'legacy says no' }]);

    const error = await upstreamErrorOf(getAccount(client()));

    expect(error.code).toBe(code);
  });

  it('maps 429 to UPSTREAM_RATE_LIMITED and passes Retry-After on in milliseconds', async () => {
    nock(BASE_URL).get('/accounts/A-1').reply(429, [], { 'Retry-After': '2' });

    const error = await upstreamErrorOf(getAccount(client()));

    expect(error.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(error.upstream.retryAfterMs).toBe(2000);
  });

  it('maps a refused connection to UPSTREAM_UNAVAILABLE', async () => {
    nock(BASE_URL)
      .get('/accounts/A-1')
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));

    const error = await upstreamErrorOf(getAccount(client()));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('maps a reply slower than timeoutMs to UPSTREAM_TIMEOUT', async () => {
    nock(BASE_URL).get('/accounts/A-1').delay(1000).reply(200, ACCOUNT);

    const error = await upstreamErrorOf(getAccount(client({ timeoutMs: 100 })));

    expect(error.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('names the system and operation that failed', async () => {
    nock(BASE_URL).get('/accounts/A-1').reply(503);

    const error = await upstreamErrorOf(getAccount(client()));

    expect(error.upstream).toMatchObject({ system: 'crm', operation: 'getAccount', breaker: 'closed' });
    expect(error.message).toContain('crm');
    expect(error.message).toContain('getAccount');
  });

  const SECRET = 'sk_live_51HxSECRETdoNotLeak';
  it.each([
    ['a 500', 500, JSON.stringify({ message: `token ${SECRET} rejected`, password: SECRET })],
    ['a 400', 400, JSON.stringify([{ errorCode: 'INVALID', message: `bad key ${SECRET}` }])],
    ['a 200 with a body of the wrong shape', 200, JSON.stringify({ id: 1, name: SECRET })],
    // Short enough that JSON.parse's own error message would quote all of it.
    ['a 200 that is not JSON', 200, `k=${SECRET.slice(-7)}`],
  ])('never puts the legacy body of %s into the error', async (_case, status, body) => {
    nock(BASE_URL).get('/accounts/A-1').reply(status, body);

    const error = await upstreamErrorOf(getAccount(client()));

    const leaked = SECRET.slice(-7);
    expect(error.message).not.toContain(leaked);
    expect(JSON.stringify(error)).not.toContain(leaked);
  });
});

describe('circuit breaker', () => {
  it('opens after volumeThreshold system failures and then fails fast without calling the system', async () => {
    const http = client();
    nock(BASE_URL).get('/accounts/A-1').times(3).reply(503);
    for (let call = 0; call < 3; call += 1) {
      expect((await upstreamErrorOf(getAccount(http))).code).toBe('UPSTREAM_UNAVAILABLE');
    }
    const next = nock(BASE_URL).get('/accounts/A-1').reply(200, ACCOUNT);

    const error = await upstreamErrorOf(getAccount(http));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.upstream.breaker).toBe('open');
    expect(next.isDone()).toBe(false);
    expect(nock.pendingMocks()).toEqual([`GET ${BASE_URL}/accounts/A-1`]);
    expect(http.breakerStates()).toEqual({ getAccount: 'open' });
  });

  it('keeps one breaker per operation', async () => {
    const http = client();
    nock(BASE_URL).get('/accounts/A-1').times(3).reply(503);
    for (let call = 0; call < 3; call += 1) await upstreamErrorOf(getAccount(http));
    nock(BASE_URL).get('/accounts').reply(200, [ACCOUNT]);

    const accounts = await http.request({
      operation: 'listAccounts',
      path: '/accounts',
      schema: z.array(accountSchema),
    });

    expect(accounts).toEqual([ACCOUNT]);
    expect(http.breakerStates()).toEqual({ getAccount: 'open', listAccounts: 'closed' });
  });

  it('lets a half-open probe through after resetTimeoutMs and closes when it succeeds', async () => {
    const http = client();
    nock(BASE_URL).get('/accounts/A-1').times(3).reply(503);
    for (let call = 0; call < 3; call += 1) await upstreamErrorOf(getAccount(http));
    expect(http.breakerStates()).toEqual({ getAccount: 'open' });
    const probe = nock(BASE_URL).get('/accounts/A-1').reply(200, ACCOUNT);

    await waitFor('the breaker half-open', () => http.breakerStates().getAccount === 'halfOpen');
    const account = await getAccount(http);

    expect(account).toEqual(ACCOUNT);
    expect(probe.isDone()).toBe(true);
    expect(http.breakerStates()).toEqual({ getAccount: 'closed' });
  });

  it.each([400, 405, 413, 414, 422, 431])(
    'never opens on %i answers, however many: the system refused one request, it is not sick',
    async (status) => {
      const http = client();
      nock(BASE_URL).get('/accounts/A-1').times(10).reply(status);
      for (let call = 0; call < 10; call += 1) {
        const error = await upstreamErrorOf(getAccount(http));
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(error.upstream.breaker).toBe('closed');
      }
      const next = nock(BASE_URL).get('/accounts/A-1').reply(200, ACCOUNT);

      await expect(getAccount(http)).resolves.toEqual(ACCOUNT);
      expect(next.isDone()).toBe(true);
      expect(http.breakerStates()).toEqual({ getAccount: 'closed' });
    },
  );

  it.each([401, 403])(
    'still opens on %i answers: the system refuses our credentials to everyone',
    async (status) => {
      const http = client();
      nock(BASE_URL).get('/accounts/A-1').times(3).reply(status);
      for (let call = 0; call < 3; call += 1) await upstreamErrorOf(getAccount(http));

      expect(http.breakerStates()).toEqual({ getAccount: 'open' });
    },
  );

  it('does not open on business answers, however many', async () => {
    const http = client();
    nock(BASE_URL).get('/accounts/A-1').times(10).reply(404);
    for (let call = 0; call < 10; call += 1) {
      const error = await upstreamErrorOf(getAccount(http));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.upstream.breaker).toBe('closed');
    }
    const next = nock(BASE_URL).get('/accounts/A-1').reply(200, ACCOUNT);

    await expect(getAccount(http)).resolves.toEqual(ACCOUNT);
    expect(next.isDone()).toBe(true);
    expect(http.breakerStates()).toEqual({ getAccount: 'closed' });
  });
});
