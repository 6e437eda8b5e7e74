import nock from 'nock';
import { Registry } from 'prom-client';
import { createLegacyHealthRegistry } from '../http';
import { upstreamErrorOf } from '../http/testing';
import { createBillingAdapter, type BillingAdapter } from './client';

/**
 * The billing system's ways, as nock plays them: `success: false` answers at HTTP 200, paging
 * through nextPage, malformed records, and tokens that expire.
 */
const BASE_URL = 'http://127.0.0.1:1';
const adapters: BillingAdapter[] = [];

function adapter(): BillingAdapter {
  const created = createBillingAdapter({
    baseUrl: BASE_URL,
    clientId: 'partner-graph',
    clientSecret: 's3cret',
    timeoutMs: 2000,
    breaker: {
      errorThresholdPercentage: 50,
      volumeThreshold: 3,
      resetTimeoutMs: 10_000,
      rollingCountTimeoutMs: 10_000,
    },
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 10 },
    registry: new Registry(),
    health: createLegacyHealthRegistry(),
  });
  adapters.push(created);
  return created;
}

/** A token endpoint that hands out token-1, token-2, ... */
function tokenEndpoint(): { issued: () => number } {
  let issued = 0;
  nock(BASE_URL)
    .post('/oauth/token', (body: Record<string, string>) => body.grant_type === 'client_credentials')
    .times(10)
    .reply(() => {
      issued += 1;
      return [200, JSON.stringify({ access_token: `token-${issued}`, expires_in: 3600 })];
    });
  return { issued: () => issued };
}

function account(id: string, partnerId = 'P-00001') {
  return { id, accountNumber: `A-${id}`, currency: 'EUR', PartnerId__c: partnerId, name: 'Customer' };
}

function rejection(code: number) {
  return { success: false, processId: 'ABC123', reasons: [{ code, message: `secret detail of ${code}` }] };
}

const PAYOUT = {
  id: 'PO-1',
  payoutNumber: 'PO-00000001',
  partnerId: 'P-00001',
  invoiceId: 'INV-1',
  invoiceNumber: 'INV00000001',
  paymentId: 'PMT-1',
  currency: 'EUR',
  grossAmount: '1000.00',
  status: 'Paid',
  payoutDate: '2026-11-02',
  splits: [
    { party: 'provider', partyId: 'PROVIDER', sharePercent: '75.00', amount: '750.00' },
    { party: 'partner', partyId: 'P-00001', sharePercent: '20.00', amount: '200.00' },
    { party: 'distributor', partyId: 'D-001', sharePercent: '5.00', amount: '50.00' },
  ],
};

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => {
  adapters.splice(0).forEach((created) => created.http.close());
  nock.cleanAll();
});
afterAll(() => {
  nock.restore();
  nock.enableNetConnect();
});

describe('success: false at HTTP 200', () => {
  it.each([
    ['not found (…40)', 50000040, 'NOT_FOUND'],
    ['a rule restriction (…30)', 61000030, 'CONFLICT'],
    ['an invalid value (…20)', 90000020, 'BAD_USER_INPUT'],
    ['a missing value (…22)', 90000022, 'BAD_USER_INPUT'],
    ['a malformed request (…90)', 90000090, 'UPSTREAM_BAD_RESPONSE'],
    ['an unknown category', 12345678, 'UPSTREAM_BAD_RESPONSE'],
  ])('maps %s to %s, without the legacy message', async (_case, code, expected) => {
    tokenEndpoint();
    nock(BASE_URL).get('/v1/payouts').query(true).reply(200, rejection(code));

    const error = await upstreamErrorOf(adapter().createLoaders().payoutsByPartnerId.load('P-00001'));

    expect(error).toMatchObject({
      code: expected,
      upstream: { system: 'billing', operation: 'getPayouts', breaker: 'closed' },
    });
    expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(/secret detail|ABC123/);
  });

  it('neither retries a rejection nor counts it against the breaker, whatever its code', async () => {
    tokenEndpoint();
    let calls = 0;
    nock(BASE_URL)
      .get('/v1/payouts')
      .query(true)
      .times(10)
      .reply(() => {
        calls += 1;
        return [200, JSON.stringify(rejection(90000090))];
      });
    const billing = adapter();

    for (let call = 0; call < 6; call += 1) {
      const error = await upstreamErrorOf(billing.createLoaders().payoutsByPartnerId.load('P-00001'));
      expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    }

    expect(calls).toBe(6);
    expect(billing.http.breakerStates()).toEqual({ getPayouts: 'closed' });
  });

  it('answers null for an invoice the system cannot find', async () => {
    tokenEndpoint();
    nock(BASE_URL).get('/v1/invoices/INV-404').reply(200, rejection(58000040));

    expect(await adapter().createLoaders().invoiceById.load('INV-404')).toBeNull();
  });
});

describe('paging', () => {
  it('follows nextPage, root-relative or absolute on the same host, asking for the largest pages', async () => {
    tokenEndpoint();
    const pages = nock(BASE_URL)
      .get('/v1/accounts')
      .query({ partnerId: 'P-00001', pageSize: '100' })
      .reply(200, {
        success: true,
        accounts: [account('a1'), account('a2')],
        nextPage: '/v1/accounts?partnerId=P-00001&page=2&pageSize=100',
      })
      .get('/v1/accounts')
      .query({ partnerId: 'P-00001', page: '2', pageSize: '100' })
      .reply(200, {
        success: true,
        accounts: [account('a3')],
        nextPage: `${BASE_URL}/v1/accounts?partnerId=P-00001&page=3&pageSize=100`,
      })
      .get('/v1/accounts')
      .query({ partnerId: 'P-00001', page: '3', pageSize: '100' })
      .reply(200, { success: true, accounts: [account('a4')] });

    const accounts = await adapter().createLoaders().accountsByPartnerId.load('P-00001');

    expect(accounts.map((found) => found.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(pages.isDone()).toBe(true);
  });

  it('refuses a nextPage on another host without following it (it would get the token)', async () => {
    tokenEndpoint();
    nock(BASE_URL)
      .get('/v1/payouts')
      .query(true)
      .reply(200, {
        success: true,
        payouts: [PAYOUT],
        nextPage: 'http://billing.example.com/v1/payouts?page=2',
      });
    const elsewhere = nock('http://billing.example.com').get('/v1/payouts').query(true).reply(200, {});

    const error = await upstreamErrorOf(adapter().createLoaders().payoutsByPartnerId.load('P-00001'));

    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(elsewhere.isDone()).toBe(false);
  });

  it('gives up on a list that never ends', async () => {
    tokenEndpoint();
    let calls = 0;
    nock(BASE_URL)
      .get('/v1/payouts')
      .query(true)
      .times(100)
      .reply(() => {
        calls += 1;
        return [
          200,
          JSON.stringify({ success: true, payouts: [], nextPage: `/v1/payouts?page=${calls + 1}` }),
        ];
      });

    const error = await upstreamErrorOf(adapter().createLoaders().payoutsByPartnerId.load('P-00001'));

    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(calls).toBe(50);
  });
});

describe('malformed answers', () => {
  it.each([
    ['a body that is not JSON', '{"success":true,"payouts":[', 'getPayouts'],
    ['a list that is not a list', JSON.stringify({ success: true, payouts: 'none' }), 'getPayouts'],
    [
      'a record with a float amount',
      JSON.stringify({ success: true, payouts: [{ ...PAYOUT, grossAmount: 1000 }] }),
      'mapPayout',
    ],
    [
      'splits that do not add up to the gross',
      JSON.stringify({
        success: true,
        payouts: [
          { ...PAYOUT, splits: [{ ...PAYOUT.splits[0], amount: '700.00' }, ...PAYOUT.splits.slice(1)] },
        ],
      }),
      'mapPayout',
    ],
    [
      "another partner's payout",
      JSON.stringify({ success: true, payouts: [{ ...PAYOUT, partnerId: 'P-00002' }] }),
      'getPayouts',
    ],
    ['a rejection without reasons', JSON.stringify({ success: false, reasons: [] }), 'getPayouts'],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', async (_case, body, operation) => {
    tokenEndpoint();
    nock(BASE_URL).get('/v1/payouts').query(true).reply(200, body);

    const error = await upstreamErrorOf(adapter().createLoaders().payoutsByPartnerId.load('P-00001'));

    expect(error).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      upstream: { system: 'billing', operation },
    });
  });

  it("refuses an account list with another partner's account: it would open that partner's invoices", async () => {
    tokenEndpoint();
    nock(BASE_URL)
      .get('/v1/accounts')
      .query(true)
      .reply(200, { success: true, accounts: [account('a1'), account('a2', 'P-00002')] });

    const error = await upstreamErrorOf(adapter().createLoaders().invoicesByPartnerId.load('P-00001'));

    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
  });
});

describe('tokens', () => {
  it('fetches a new token after a 401 and repeats the call with it, once', async () => {
    const tokens = tokenEndpoint();
    nock(BASE_URL)
      .get('/v1/payouts')
      .query(true)
      .matchHeader('authorization', 'Bearer token-1')
      .reply(401, rejection(90000011))
      .get('/v1/payouts')
      .query(true)
      .matchHeader('authorization', 'Bearer token-2')
      .reply(200, { success: true, payouts: [PAYOUT] });

    const payouts = await adapter().createLoaders().payoutsByPartnerId.load('P-00001');

    expect(payouts.map((payout) => payout.id)).toEqual(['PO-1']);
    expect(tokens.issued()).toBe(2);
  });

  it('passes the request id on to the billing system', async () => {
    tokenEndpoint();
    nock(BASE_URL)
      .get('/v1/payouts')
      .query(true)
      .matchHeader('x-request-id', 'req-42')
      .reply(200, { success: true, payouts: [PAYOUT] });

    const payouts = await adapter()
      .createLoaders({ requestId: 'req-42', deadline: Date.now() + 5000 })
      .payoutsByPartnerId.load('P-00001');

    expect(payouts).toHaveLength(1);
  });
});
