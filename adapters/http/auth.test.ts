import nock from 'nock';
import { useNockForClients } from './testing-nock';
import { z } from 'zod';
import { clientCredentialsAuth, staticHeaderAuth } from './auth';
import { createLegacyHttpClient, type LegacyClientOptions, type LegacyHttpClient } from './client';

/** Authorization as the legacy system sees it: which headers arrive, and how many token requests. */
const BASE_URL = 'http://127.0.0.1:1';
const TOKEN_PATH = '/oauth2/token';
const accountSchema = z.object({ id: z.string() });

const clients = useNockForClients();

function client(auth: LegacyClientOptions['auth']): LegacyHttpClient {
  const created = createLegacyHttpClient({
    system: 'cpq',
    baseUrl: BASE_URL,
    timeoutMs: 2000,
    breaker: {
      errorThresholdPercentage: 50,
      volumeThreshold: 5,
      resetTimeoutMs: 1000,
      rollingCountTimeoutMs: 10_000,
    },
    auth,
  });
  clients.push(created);
  return created;
}

const oauth = (http: Parameters<typeof clientCredentialsAuth>[0]) =>
  clientCredentialsAuth(http, { tokenPath: TOKEN_PATH, clientId: 'partner-graph', clientSecret: 's3cret' });

/** A token endpoint that hands out token-1, token-2, ... and counts the requests it answered. */
function tokenEndpoint(): { requests: () => number } {
  let issued = 0;
  nock(BASE_URL)
    .post(TOKEN_PATH, (body: Record<string, string>) => {
      return (
        body.grant_type === 'client_credentials' &&
        body.client_id === 'partner-graph' &&
        body.client_secret === 's3cret'
      );
    })
    .times(10)
    .reply(() => {
      issued += 1;
      return [200, JSON.stringify({ access_token: `token-${issued}`, token_type: 'Bearer' })];
    });
  return { requests: () => issued };
}

function getAccount(http: LegacyHttpClient, id: string) {
  return http.request({ operation: 'getAccount', path: `/accounts/${id}`, schema: accountSchema });
}

describe('clientCredentialsAuth', () => {
  it('fetches one token for concurrent calls and sends it as a bearer token', async () => {
    const tokens = tokenEndpoint();
    const ids = ['A-1', 'A-2', 'A-3', 'A-4', 'A-5'];
    for (const id of ids) {
      nock(BASE_URL).get(`/accounts/${id}`).matchHeader('authorization', 'Bearer token-1').reply(200, { id });
    }
    const http = client(oauth);

    const accounts = await Promise.all(ids.map((id) => getAccount(http, id)));

    expect(accounts).toEqual(ids.map((id) => ({ id })));
    expect(tokens.requests()).toBe(1);
  });

  it('reuses the token for later calls', async () => {
    const tokens = tokenEndpoint();
    nock(BASE_URL)
      .get(/\/accounts\/A-\d/)
      .matchHeader('authorization', 'Bearer token-1')
      .times(2)
      .reply(200, { id: 'A-1' });
    const http = client(oauth);

    await getAccount(http, 'A-1');
    await getAccount(http, 'A-2');

    expect(tokens.requests()).toBe(1);
  });

  it('on a 401 fetches a new token once and retries the call with it', async () => {
    const tokens = tokenEndpoint();
    const rejected = nock(BASE_URL)
      .get('/accounts/A-1')
      .matchHeader('authorization', 'Bearer token-1')
      .reply(401, [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]);
    const retried = nock(BASE_URL)
      .get('/accounts/A-1')
      .matchHeader('authorization', 'Bearer token-2')
      .reply(200, { id: 'A-1' });
    const http = client(oauth);

    await expect(getAccount(http, 'A-1')).resolves.toEqual({ id: 'A-1' });
    expect(rejected.isDone()).toBe(true);
    expect(retried.isDone()).toBe(true);
    expect(tokens.requests()).toBe(2);
  });

  it('when the token expires, concurrent calls share one refresh', async () => {
    const tokens = tokenEndpoint();
    const ids = ['A-1', 'A-2', 'A-3', 'A-4', 'A-5'];
    const http = client(oauth);
    nock(BASE_URL)
      .get('/accounts/A-0')
      .matchHeader('authorization', 'Bearer token-1')
      .reply(200, { id: 'A-0' });
    await getAccount(http, 'A-0');
    const expired = nock(BASE_URL)
      .get(/\/accounts\/A-\d/)
      .matchHeader('authorization', 'Bearer token-1')
      .times(5)
      .reply(401, [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]);
    for (const id of ids) {
      nock(BASE_URL).get(`/accounts/${id}`).matchHeader('authorization', 'Bearer token-2').reply(200, { id });
    }

    const accounts = await Promise.all(ids.map((id) => getAccount(http, id)));

    expect(accounts).toEqual(ids.map((id) => ({ id })));
    expect(expired.isDone()).toBe(true);
    expect(tokens.requests()).toBe(2);
  });

  it('retries a 401 only once', async () => {
    const tokens = tokenEndpoint();
    let apiCalls = 0;
    nock(BASE_URL)
      .get('/accounts/A-1')
      .times(3)
      .reply(() => {
        apiCalls += 1;
        return [401, '[]'];
      });
    const http = client(oauth);

    await expect(getAccount(http, 'A-1')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(apiCalls).toBe(2);
    expect(tokens.requests()).toBe(2);
  });

  it('reports a token endpoint without access_token as UPSTREAM_BAD_RESPONSE, without calling the API', async () => {
    nock(BASE_URL).post(TOKEN_PATH).reply(200, { error: 'nope' });
    const api = nock(BASE_URL).get('/accounts/A-1').reply(200, { id: 'A-1' });
    const http = client(oauth);

    await expect(getAccount(http, 'A-1')).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    expect(api.isDone()).toBe(false);
  });

  it('asks again after a failed token request instead of caching the failure', async () => {
    nock(BASE_URL).post(TOKEN_PATH).reply(503);
    const tokens = tokenEndpoint();
    nock(BASE_URL)
      .get('/accounts/A-1')
      .matchHeader('authorization', 'Bearer token-1')
      .reply(200, { id: 'A-1' });
    const http = client(oauth);

    await expect(getAccount(http, 'A-1')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await expect(getAccount(http, 'A-1')).resolves.toEqual({ id: 'A-1' });
    expect(tokens.requests()).toBe(1);
  });
});

describe('staticHeaderAuth', () => {
  it('sends its header on every call', async () => {
    const scope = nock(BASE_URL)
      .get(/\/accounts\/A-\d/)
      .matchHeader('authorization', 'prm-key k-123')
      .times(2)
      .reply(200, { id: 'A-1' });
    const http = client(() => staticHeaderAuth('authorization', 'prm-key k-123'));

    await getAccount(http, 'A-1');
    await getAccount(http, 'A-2');

    expect(scope.isDone()).toBe(true);
  });
});
