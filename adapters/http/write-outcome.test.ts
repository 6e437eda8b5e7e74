import nock from 'nock';
import { z } from 'zod';
import { createLegacyHttpClient, type LegacyClientOptions, type LegacyHttpClient } from './client';
import { connectionError, upstreamErrorOf } from './testing';
import { useNockForClients } from './testing-nock';

/**
 * A failed write says whether it may have been applied (`outcome`), so a client knows that it must
 * retry with the same idempotency key rather than assume nothing happened. Reads never say.
 */
const BASE_URL = 'http://127.0.0.1:1';
const created = z.object({ id: z.string() });
const clients = useNockForClients();

function client(overrides: Partial<LegacyClientOptions> = {}): LegacyHttpClient {
  const http = createLegacyHttpClient({
    system: 'crm',
    baseUrl: BASE_URL,
    timeoutMs: 2000,
    breaker: {
      errorThresholdPercentage: 50,
      volumeThreshold: 1,
      resetTimeoutMs: 60_000,
      rollingCountTimeoutMs: 10_000,
    },
    retry: { maxRetries: 0 },
    ...overrides,
  });
  clients.push(http);
  return http;
}

const createAccount = (http: LegacyHttpClient, idempotencyKey?: string) =>
  http.request({
    operation: 'createAccount',
    method: 'POST',
    path: '/accounts',
    body: {},
    schema: created,
    idempotencyKey,
  });

describe('the outcome of a failed write', () => {
  it('is UNKNOWN when the write timed out: it may have been applied', async () => {
    nock(BASE_URL).post('/accounts').delay(1000).reply(201, { id: 'A-1' });

    const error = await upstreamErrorOf(createAccount(client({ timeoutMs: 100 })));

    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', outcome: 'UNKNOWN' });
  });

  it('is UNKNOWN when the connection dropped after sending, and NOT_APPLIED when it was refused', async () => {
    nock(BASE_URL).post('/accounts').replyWithError(connectionError('ECONNRESET', 'socket hang up'));
    nock(BASE_URL).post('/accounts').replyWithError(connectionError('ECONNREFUSED', 'connect ECONNREFUSED'));
    const http = client({
      breaker: {
        errorThresholdPercentage: 100,
        volumeThreshold: 10,
        resetTimeoutMs: 60_000,
        rollingCountTimeoutMs: 10_000,
      },
    });

    expect(await upstreamErrorOf(createAccount(http))).toMatchObject({ outcome: 'UNKNOWN' });
    expect(await upstreamErrorOf(createAccount(http))).toMatchObject({ outcome: 'NOT_APPLIED' });
  });

  it('is NOT_APPLIED when an open breaker refused the write before sending it', async () => {
    const http = client();
    nock(BASE_URL).post('/accounts').reply(503);
    await upstreamErrorOf(createAccount(http));
    const next = nock(BASE_URL).post('/accounts').reply(201, { id: 'A-1' });

    const error = await upstreamErrorOf(createAccount(http));

    expect(error).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      outcome: 'NOT_APPLIED',
      upstream: { breaker: 'open' },
    });
    expect(next.isDone()).toBe(false);
  });

  it('stays UNKNOWN when a retried write (with a key) is refused after an attempt that may have landed', async () => {
    const http = client({ retry: { maxRetries: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    nock(BASE_URL).post('/accounts').replyWithError(connectionError('ECONNRESET', 'socket hang up'));

    const error = await upstreamErrorOf(createAccount(http, 'key-1'));

    expect(error).toMatchObject({ outcome: 'UNKNOWN', upstream: { breaker: 'open' } });
  });

  it('is absent for an answered write and for any read', async () => {
    nock(BASE_URL).post('/accounts').reply(400, []);
    nock(BASE_URL).get('/accounts/A-1').delay(1000).reply(200, { id: 'A-1' });
    const http = client({ timeoutMs: 100 });

    const refused = await upstreamErrorOf(createAccount(http));
    const slowRead = await upstreamErrorOf(
      http.request({ operation: 'getAccount', path: '/accounts/A-1', schema: created }),
    );

    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused.outcome).toBeUndefined();
    expect(slowRead).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(slowRead.outcome).toBeUndefined();
  });
});
