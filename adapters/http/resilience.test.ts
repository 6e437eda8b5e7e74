import type { IncomingMessage, ServerResponse } from 'node:http';
import nock from 'nock';
import { useNockForClients } from './testing-nock';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { createLegacyHttpClient, type LegacyClientOptions, type LegacyHttpClient } from './client';
import { createLegacyHealthRegistry } from './health';
import { listen } from '../../runtime';
import { connectionError, upstreamErrorOf } from './testing';
import { waitFor } from '../../test/wait-for';

/**
 * Retries, deadlines, request headers and system-specific classification, as the legacy system
 * sees them: how many attempts arrive, with which headers, and what the caller gets back.
 */
const BASE_URL = 'http://127.0.0.1:1';
const accountSchema = z.object({ id: z.string(), name: z.string() });
const ACCOUNT = { id: 'A-1', name: 'Acme Networks' };
const paymentSchema = z.object({ id: z.string() });

const clients = useNockForClients();

function client(overrides: Partial<LegacyClientOptions> = {}): LegacyHttpClient {
  const created = createLegacyHttpClient({
    system: 'crm',
    baseUrl: BASE_URL,
    timeoutMs: 2000,
    // A breaker that stays out of the way unless a test is about it.
    breaker: {
      errorThresholdPercentage: 50,
      volumeThreshold: 100,
      resetTimeoutMs: 1000,
      rollingCountTimeoutMs: 10_000,
    },
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1000 },
    registry: new Registry(),
    health: createLegacyHealthRegistry(),
    ...overrides,
  });
  clients.push(created);
  return created;
}

function getAccount(http: LegacyHttpClient, extra: { deadline?: number; requestId?: string } = {}) {
  return http.request({ operation: 'getAccount', path: '/accounts/A-1', schema: accountSchema, ...extra });
}

function createPayment(http: LegacyHttpClient, idempotencyKey?: string) {
  return http.request({
    operation: 'createPayment',
    method: 'POST',
    path: '/payments',
    body: { amount: '10.00' },
    schema: paymentSchema,
    idempotencyKey,
  });
}

/** Answers each call with the next reply in the list (the last one repeats), counting the calls. */
function legacyAnswers(
  method: 'get' | 'post',
  path: string,
  replies: Array<[number, unknown, Record<string, string>?]>,
): { calls: () => number } {
  let calls = 0;
  const legacy = nock(BASE_URL);
  (method === 'get' ? legacy.get(path) : legacy.post(path)).times(20).reply(() => {
    const [status, body, headers] = replies[Math.min(calls, replies.length - 1)]!;
    calls += 1;
    return [status, JSON.stringify(body), headers ?? {}];
  });
  return { calls: () => calls };
}

describe('retries', () => {
  it('retries a GET that got 503 and returns the answer of the attempt that succeeded', async () => {
    const legacy = legacyAnswers('get', '/accounts/A-1', [
      [503, []],
      [503, []],
      [200, ACCOUNT],
    ]);

    await expect(getAccount(client())).resolves.toEqual(ACCOUNT);
    expect(legacy.calls()).toBe(3);
  });

  it('gives up after maxRetries with the last failure', async () => {
    const legacy = legacyAnswers('get', '/accounts/A-1', [[503, []]]);

    const error = await upstreamErrorOf(getAccount(client({ retry: { maxRetries: 3, baseDelayMs: 1 } })));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(legacy.calls()).toBe(4);
  });

  it('makes one attempt when maxRetries is 0', async () => {
    const legacy = legacyAnswers('get', '/accounts/A-1', [
      [503, []],
      [200, ACCOUNT],
    ]);

    await upstreamErrorOf(getAccount(client({ retry: { maxRetries: 0 } })));

    expect(legacy.calls()).toBe(1);
  });

  it('never retries a POST without an idempotency key', async () => {
    const legacy = legacyAnswers('post', '/payments', [
      [503, []],
      [201, { id: 'PAY-1' }],
    ]);

    const error = await upstreamErrorOf(createPayment(client()));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(legacy.calls()).toBe(1);
  });

  it('never retries a POST without an idempotency key after a connection reset', async () => {
    const reset = nock(BASE_URL)
      .post('/payments')
      .replyWithError(connectionError('ECONNRESET', 'socket hang up'));
    const second = nock(BASE_URL).post('/payments').reply(201, { id: 'PAY-1' });

    await upstreamErrorOf(createPayment(client()));

    expect(reset.isDone()).toBe(true);
    expect(second.isDone()).toBe(false);
  });

  it('retries a POST that carries an idempotency key, sending the same key every time', async () => {
    let calls = 0;
    nock(BASE_URL)
      .post('/payments', { amount: '10.00' })
      .matchHeader('idempotency-key', 'pay-7f3a')
      .times(2)
      .reply(() => {
        calls += 1;
        return calls === 1 ? [503, '[]'] : [201, JSON.stringify({ id: 'PAY-1' })];
      });

    await expect(createPayment(client(), 'pay-7f3a')).resolves.toEqual({ id: 'PAY-1' });
    expect(calls).toBe(2);
  });

  it.each([
    ['ECONNRESET', 'socket hang up'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'],
  ] as const)('retries a GET after %s', async (code, message) => {
    const failed = nock(BASE_URL).get('/accounts/A-1').replyWithError(connectionError(code, message));
    const retried = nock(BASE_URL).get('/accounts/A-1').reply(200, ACCOUNT);

    await expect(getAccount(client())).resolves.toEqual(ACCOUNT);
    expect(failed.isDone()).toBe(true);
    expect(retried.isDone()).toBe(true);
  });

  it.each([
    [500, 'UPSTREAM_UNAVAILABLE'],
    [502, 'UPSTREAM_UNAVAILABLE'],
    [404, 'NOT_FOUND'],
    [400, 'BAD_USER_INPUT'],
  ])('does not retry HTTP %i', async (status, code) => {
    const legacy = legacyAnswers('get', '/accounts/A-1', [
      [status, []],
      [200, ACCOUNT],
    ]);

    const error = await upstreamErrorOf(getAccount(client()));

    expect(error.code).toBe(code);
    expect(legacy.calls()).toBe(1);
  });

  it('does not retry a timeout: the system may still be working on the first attempt', async () => {
    const slow = nock(BASE_URL).get('/accounts/A-1').delay(500).reply(200, ACCOUNT);
    const second = nock(BASE_URL).get('/accounts/A-1').reply(200, ACCOUNT);

    const error = await upstreamErrorOf(getAccount(client({ timeoutMs: 50 })));

    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(slow.isDone()).toBe(true);
    expect(second.isDone()).toBe(false);
  });

  it('honours a 429 Retry-After that fits before the deadline', async () => {
    const legacy = legacyAnswers('get', '/accounts/A-1', [
      [429, [], { 'Retry-After': '1' }],
      [200, ACCOUNT],
    ]);
    const started = Date.now();

    const account = await getAccount(client(), { deadline: Date.now() + 5000 });

    expect(account).toEqual(ACCOUNT);
    expect(legacy.calls()).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('fails at once with retryAfterMs when a 429 Retry-After goes beyond the deadline', async () => {
    const legacy = legacyAnswers('get', '/accounts/A-1', [
      [429, [], { 'Retry-After': '3' }],
      [200, ACCOUNT],
    ]);

    const error = await upstreamErrorOf(getAccount(client(), { deadline: Date.now() + 1000 }));

    expect(error.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(error.upstream.retryAfterMs).toBe(3000);
    expect(legacy.calls()).toBe(1);
  });

  it('fails at once with retryAfterMs when a 503 Retry-After goes beyond the deadline', async () => {
    const legacy = legacyAnswers('get', '/accounts/A-1', [
      [503, [], { 'Retry-After': '30' }],
      [200, ACCOUNT],
    ]);

    const error = await upstreamErrorOf(getAccount(client(), { deadline: Date.now() + 1000 }));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.upstream.retryAfterMs).toBe(30_000);
    expect(legacy.calls()).toBe(1);
  });

  it('without a deadline, fails at once when Retry-After is longer than maxDelayMs', async () => {
    const legacy = legacyAnswers('get', '/accounts/A-1', [
      [429, [], { 'Retry-After': '2' }],
      [200, ACCOUNT],
    ]);

    const error = await upstreamErrorOf(getAccount(client({ retry: { maxDelayMs: 1000 } })));

    expect(error.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(error.upstream.retryAfterMs).toBe(2000);
    expect(legacy.calls()).toBe(1);
  });

  it('stops retrying as soon as the breaker opens', async () => {
    const legacy = legacyAnswers('get', '/accounts/A-1', [[503, []]]);
    const http = client({
      breaker: {
        errorThresholdPercentage: 50,
        volumeThreshold: 2,
        resetTimeoutMs: 10_000,
        rollingCountTimeoutMs: 10_000,
      },
      retry: { maxRetries: 5, baseDelayMs: 1 },
    });

    const error = await upstreamErrorOf(getAccount(http));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.upstream.breaker).toBe('open');
    expect(legacy.calls()).toBe(2);
  });
});

describe('deadline', () => {
  it('fails with UPSTREAM_TIMEOUT without calling the system once the deadline has passed', async () => {
    const scope = nock(BASE_URL).get('/accounts/A-1').reply(200, ACCOUNT);

    const error = await upstreamErrorOf(getAccount(client(), { deadline: Date.now() - 1 }));

    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(scope.isDone()).toBe(false);
  });

  it('cuts an attempt short at the deadline, well before timeoutMs', async () => {
    // A system that never answers: without the deadline the call would wait for timeoutMs (60 s).
    let hungUp = false;
    const silent = await listen(
      (request: IncomingMessage) => request.socket.on('close', () => (hungUp = true)),
      0,
    );
    try {
      const http = client({ baseUrl: silent.url, timeoutMs: 60_000 });
      const started = Date.now();

      const error = await upstreamErrorOf(getAccount(http, { deadline: Date.now() + 200 }));

      expect(error.code).toBe('UPSTREAM_TIMEOUT');
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      await waitFor('the legacy side hung up', () => hungUp);
    } finally {
      await silent.close();
    }
  }, 10_000);

  it('ends an answer still trickling in at the deadline, not only a silent one', async () => {
    // Headers at once, then a byte every 20 ms for 60 s: the socket is never idle, the answer never done.
    const trickling = await listen((_request: IncomingMessage, response: ServerResponse) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const drip = setInterval(() => response.write(' '), 20);
      const end = setTimeout(() => response.end(JSON.stringify(ACCOUNT)), 60_000);
      response.on('close', () => {
        clearInterval(drip);
        clearTimeout(end);
      });
    }, 0);
    try {
      const http = client({ baseUrl: trickling.url, timeoutMs: 60_000 });

      const error = await upstreamErrorOf(getAccount(http, { deadline: Date.now() + 300 }));

      expect(error.code).toBe('UPSTREAM_TIMEOUT');
    } finally {
      await trickling.close();
    }
  }, 10_000);

  it('does not start a retry that the deadline leaves no time for', async () => {
    const legacy = legacyAnswers('get', '/accounts/A-1', [
      [503, [], { 'Retry-After': '1' }],
      [200, ACCOUNT],
    ]);

    const error = await upstreamErrorOf(getAccount(client(), { deadline: Date.now() + 500 }));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(legacy.calls()).toBe(1);
  });
});

describe('request headers', () => {
  it('sends the request id as x-request-id', async () => {
    const scope = nock(BASE_URL)
      .get('/accounts/A-1')
      .matchHeader('x-request-id', 'req-42')
      .reply(200, ACCOUNT);

    await getAccount(client(), { requestId: 'req-42' });

    expect(scope.isDone()).toBe(true);
  });

  it('sends no Idempotency-Key or x-request-id when the request has none', async () => {
    const scope = nock(BASE_URL, { badheaders: ['idempotency-key', 'x-request-id'] })
      .get('/accounts/A-1')
      .reply(200, ACCOUNT);

    await getAccount(client());

    expect(scope.isDone()).toBe(true);
  });
});

describe('classify', () => {
  const LIMIT_BODY = JSON.stringify([
    { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded. org 00D5e000001SECRET' },
  ]);
  const classify: LegacyClientOptions['classify'] = (status, body) =>
    status === 403 && body.includes('"REQUEST_LIMIT_EXCEEDED"') ? 'UPSTREAM_RATE_LIMITED' : undefined;

  it('turns an answer the system marks specially into the code it means', async () => {
    nock(BASE_URL).get('/accounts/A-1').reply(403, LIMIT_BODY);

    const error = await upstreamErrorOf(getAccount(client({ classify })));

    expect(error.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(JSON.stringify(error)).not.toContain('SECRET');
    expect(error.message).not.toContain('SECRET');
  });

  it('leaves other answers to their status', async () => {
    nock(BASE_URL)
      .get('/accounts/A-1')
      .reply(403, [{ errorCode: 'INSUFFICIENT_ACCESS' }]);

    const error = await upstreamErrorOf(getAccount(client({ classify })));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('does not retry a classified answer, nor count it against the breaker', async () => {
    const legacy = legacyAnswers('get', '/accounts/A-1', [[403, JSON.parse(LIMIT_BODY)]]);
    const http = client({
      classify,
      breaker: {
        errorThresholdPercentage: 50,
        volumeThreshold: 3,
        resetTimeoutMs: 10_000,
        rollingCountTimeoutMs: 10_000,
      },
    });

    for (let call = 0; call < 5; call += 1) {
      expect((await upstreamErrorOf(getAccount(http))).code).toBe('UPSTREAM_RATE_LIMITED');
    }

    expect(legacy.calls()).toBe(5);
    expect(http.breakerStates()).toEqual({ getAccount: 'closed' });
  });

  it('sees successful answers too, for systems that report errors with HTTP 200', async () => {
    nock(BASE_URL)
      .get('/accounts/A-1')
      .reply(200, { success: false, reasons: ['duplicate'] });

    const error = await upstreamErrorOf(
      getAccount(
        client({ classify: (_status, body) => (body.includes('"success":false') ? 'CONFLICT' : undefined) }),
      ),
    );

    expect(error.code).toBe('CONFLICT');
  });
});
