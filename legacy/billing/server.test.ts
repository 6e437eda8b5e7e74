import Decimal from 'decimal.js';
import { listen, type RunningServer } from '../../runtime';
import { waitFor } from '../../test/wait-for';
import { generateDataset, type Invoice, type Payout, type Subscription } from '../seed/dataset';
import { BILLING_API_BASE, createBillingApp, type BillingOptions } from './server';

const dataset = generateDataset({ seed: 21, scale: 'small' });
const options: BillingOptions = {
  clientId: 'billing-test',
  clientSecret: 'billing-secret',
  tokenTtlMs: 3_600_000,
};

interface Reasons {
  success: false;
  reasons: Array<{ code: number; message: string }>;
}

const { billing } = dataset;
const paidInvoiceIds = new Set(billing.payments.flatMap((p) => p.paidInvoices.map((i) => i.invoiceId)));
const paidOutInvoiceIds = new Set(billing.payouts.map((p) => p.invoiceId));
const [unpaidInvoice] = billing.invoices.filter((i) => !paidInvoiceIds.has(i.id));
const payableInvoices = billing.invoices.filter(
  (i) => paidInvoiceIds.has(i.id) && !paidOutInvoiceIds.has(i.id),
);
const partnerWithAccounts = dataset.partners.find(
  (p) =>
    billing.accounts.filter(
      (a) => a.PartnerId__c === p.id && billing.invoices.some((i) => i.accountId === a.id),
    ).length >= 2,
);
if (!unpaidInvoice || payableInvoices.length < 3 || !partnerWithAccounts)
  throw new Error('seed 21 no longer fits these tests');

function requestToken(baseUrl: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${baseUrl}/oauth/token`, { method: 'POST', body: new URLSearchParams(form) });
}

async function issueToken(baseUrl: string): Promise<string> {
  const response = await requestToken(baseUrl, {
    grant_type: 'client_credentials',
    client_id: options.clientId,
    client_secret: options.clientSecret,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('billing stand-in', () => {
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    server = await listen(createBillingApp(dataset, options).app, 0);
    token = await issueToken(server.url);
  });
  afterAll(() => server.close());
  afterEach(async () => {
    await fetch(`${server.url}/__faults`, { method: 'DELETE' });
  });

  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await fetch(`${server.url}${BILLING_API_BASE}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T, headers: response.headers };
  }

  describe('OAuth', () => {
    it('issues an expiring bearer token for the right client credentials', async () => {
      const response = await requestToken(server.url, {
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
      });
      expect(await response.json()).toMatchObject({
        access_token: expect.stringMatching(/^[0-9a-f]{48}$/),
        token_type: 'bearer',
        expires_in: 3600,
      });
    });

    it('answers 401 invalid_client for a wrong secret and 400 for another grant', async () => {
      const wrong = await requestToken(server.url, {
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: 'nope',
      });
      expect([wrong.status, await wrong.json()]).toEqual([
        401,
        expect.objectContaining({ error: 'invalid_client' }),
      ]);
      const grant = await requestToken(server.url, { grant_type: 'password' });
      expect([grant.status, await grant.json()]).toEqual([
        400,
        expect.objectContaining({ error: 'unsupported_grant_type' }),
      ]);
    });

    it('answers 401 with an authentication reason without a token, with a forged one, and once it expired', async () => {
      const account = billing.accounts[0]!;
      for (const authorization of [undefined, 'Bearer forged']) {
        const response = await fetch(`${server.url}${BILLING_API_BASE}/accounts/${account.id}`, {
          headers: authorization ? { authorization } : {},
        });
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ success: false, reasons: [{ code: 90000011 }] });
      }
      const tokenTtlMs = 150;
      const requestedAt = Date.now();
      const short = await listen(createBillingApp(dataset, { ...options, tokenTtlMs }).app, 0);
      try {
        const shortToken = await issueToken(short.url);
        const get = () =>
          fetch(`${short.url}${BILLING_API_BASE}/accounts/${account.id}`, {
            headers: { authorization: `Bearer ${shortToken}` },
          });
        expect((await get()).status).toBe(200);
        let expired: Response | undefined;
        await waitFor('the token expired', async () => (expired = await get()).status !== 200);
        expect(expired?.status).toBe(401);
        expect(Date.now() - requestedAt).toBeGreaterThanOrEqual(tokenTtlMs);
      } finally {
        await short.close();
      }
    });
  });

  describe('accounts', () => {
    it('reads an account by id or number, with its open balance', async () => {
      const account = billing.accounts.find((a) => a.id === unpaidInvoice.accountId)!;
      const open = billing.invoices
        .filter((i) => i.accountId === account.id)
        .reduce((sum, i) => sum.plus(i.balance), new Decimal(0))
        .toFixed(2);
      for (const key of [account.id, account.accountNumber]) {
        const { status, body } = await call('GET', `/accounts/${key}`);
        expect(status).toBe(200);
        expect(body).toEqual({
          success: true,
          basicInfo: {
            id: account.id,
            accountNumber: account.accountNumber,
            name: account.name,
            status: 'Active',
            crmId: account.crmId,
            PartnerId__c: account.PartnerId__c,
            DistributorId__c: account.DistributorId__c,
            createdDate: account.createdDate,
          },
          billingAndPayment: { billCycleDay: 1, currency: account.currency, paymentTerm: 'Net 30' },
          billToContact: account.billToContact,
          metrics: { balance: open, totalInvoiceBalance: open, currency: account.currency },
        });
      }
      expect(open).not.toBe('0.00');
    });

    it('answers an unknown account with HTTP 200 and success: false (the quirk)', async () => {
      const { status, body } = await call<Reasons>('GET', '/accounts/A99999999');
      expect(status).toBe(200);
      expect(body).toEqual({
        success: false,
        processId: expect.any(String),
        reasons: [{ code: 50000040, message: "Cannot find entity by key: 'A99999999'." }],
      });
    });

    it("lists a partner's accounts page by page, following nextPage", async () => {
      const expected = billing.accounts
        .filter((a) => a.PartnerId__c === partnerWithAccounts.id)
        .map((a) => a.id);
      const seen: string[] = [];
      let next: string | undefined = `/accounts?partnerId=${partnerWithAccounts.id}&pageSize=1`;
      while (next) {
        const { body }: { body: { accounts: Array<{ id: string }>; nextPage?: string } } = await call(
          'GET',
          next.replace(BILLING_API_BASE, ''),
        );
        seen.push(...body.accounts.map((a) => a.id));
        next = body.nextPage;
      }
      expect(seen).toEqual(expected);
    });

    it.each(['page=0', 'pageSize=101', 'pageSize=x'])('refuses %s with success: false', async (query) => {
      const { status, body } = await call<Reasons>('GET', `/accounts?partnerId=P-00001&${query}`);
      expect([status, body.reasons[0]!.code]).toEqual([200, 90000020]);
    });
  });

  describe('subscriptions', () => {
    const subscription = billing.subscriptions[0]!;

    it('reads a subscription with its rate plan charges by id or number', async () => {
      for (const key of [subscription.id, subscription.subscriptionNumber]) {
        expect((await call('GET', `/subscriptions/${key}`)).body).toEqual({ success: true, ...subscription });
      }
      expect(subscription.ratePlans[0]!.ratePlanCharges[0]).toMatchObject({ model: 'PerUnit' });
    });

    it("lists an account's subscriptions, and reads many by quote id in one call", async () => {
      const { body } = await call<{ subscriptions: Subscription[] }>(
        'GET',
        `/subscriptions/accounts/${subscription.accountNumber}?pageSize=100`,
      );
      expect(body.subscriptions).toEqual(
        billing.subscriptions.filter((s) => s.accountId === subscription.accountId),
      );
      const [a, b] = billing.subscriptions;
      const batch = await call<{ subscriptions: Subscription[] }>(
        'GET',
        `/subscriptions?quoteIds=${b!.QuoteId__c},a0Qunknown,${a!.QuoteId__c}`,
      );
      expect(batch.body.subscriptions.map((s) => s.id)).toEqual([b!.id, a!.id]);
    });

    it('answers unknown subscriptions and accounts with success: false', async () => {
      expect((await call<Reasons>('GET', '/subscriptions/A-S99999999')).body.reasons[0]!.code).toBe(53000040);
      expect((await call<Reasons>('GET', '/subscriptions/accounts/nope')).body.reasons[0]!.code).toBe(
        50000040,
      );
      expect((await call<Reasons>('GET', '/subscriptions')).body.reasons[0]!.code).toBe(90000020);
    });
  });

  describe('invoices and payments', () => {
    it('reads the invoices of several accounts in one call, each with its items', async () => {
      const accounts = billing.accounts.filter((a) => a.PartnerId__c === partnerWithAccounts.id);
      const { status, body } = await call<{
        success: true;
        invoices: Array<Invoice & { invoiceItems: unknown[] }>;
      }>('GET', `/invoices?accountIds=${accounts.map((a) => a.id).join(',')}`);
      const expected = accounts.flatMap((a) => billing.invoices.filter((i) => i.accountId === a.id));
      expect(status).toBe(200);
      expect(body.invoices.map((i) => i.id)).toEqual(expected.map((i) => i.id));
      for (const invoice of body.invoices) {
        expect(invoice.invoiceItems).toEqual(
          billing.invoiceItems.filter((item) => item.invoiceId === invoice.id),
        );
      }
    });

    it('reads invoices by quote id, and one invoice and its items by id or number', async () => {
      const invoice = billing.invoices[3]!;
      const byQuote = await call<{ invoices: Invoice[] }>('GET', `/invoices?quoteIds=${invoice.QuoteId__c}`);
      expect(byQuote.body.invoices.map((i) => i.id)).toEqual([invoice.id]);
      const items = billing.invoiceItems.filter((item) => item.invoiceId === invoice.id);
      expect((await call('GET', `/invoices/${invoice.invoiceNumber}`)).body).toEqual({
        success: true,
        ...invoice,
        invoiceItems: items,
      });
      expect((await call('GET', `/invoices/${invoice.id}/items`)).body).toEqual({
        success: true,
        invoiceItems: items,
      });
    });

    it.each([
      ['neither accountIds nor quoteIds', ''],
      ['both', '?accountIds=a&quoteIds=b'],
      ['over 100 ids', `?accountIds=${Array.from({ length: 101 }, (_, i) => `a${i}`).join(',')}`],
    ])('refuses a batch with %s', async (_case, query) => {
      const { status, body } = await call<Reasons>('GET', `/invoices${query}`);
      expect([status, body.success, body.reasons[0]!.code]).toEqual([200, false, 90000020]);
    });

    it("lists an account's payments and reads one by id", async () => {
      const payment = billing.payments[0]!;
      const { body } = await call<{ payments: unknown[] }>(
        'GET',
        `/transactions/payments/accounts/${payment.accountId}?pageSize=100`,
      );
      expect(body.payments).toEqual(billing.payments.filter((p) => p.accountId === payment.accountId));
      expect((await call('GET', `/payments/${payment.id}`)).body).toEqual({ success: true, ...payment });
      expect((await call<Reasons>('GET', '/payments/none')).body.reasons[0]!.code).toBe(59000040);
    });
  });

  describe('payouts', () => {
    it("lists a partner's payouts with splits that add up to the gross", async () => {
      const partnerId = billing.payouts[0]!.partnerId;
      const { body } = await call<{ payouts: Payout[] }>(
        'GET',
        `/payouts?partnerId=${partnerId}&pageSize=100`,
      );
      expect(body.payouts).toEqual(billing.payouts.filter((p) => p.partnerId === partnerId));
      for (const payout of body.payouts) {
        expect(payout.splits.reduce((sum, s) => sum.plus(s.amount), new Decimal(0)).toFixed(2)).toBe(
          payout.grossAmount,
        );
      }
      expect((await call('GET', `/payouts/${billing.payouts[0]!.id}`)).body).toEqual({
        success: true,
        ...billing.payouts[0],
      });
      expect((await call<Reasons>('GET', '/payouts')).body.reasons[0]!.code).toBe(90000022);
    });

    it('pays out a paid invoice once, splitting it between provider, partner and any distributor', async () => {
      const invoice = payableInvoices[0]!;
      const account = billing.accounts.find((a) => a.id === invoice.accountId)!;
      const { status, body } = await call<Payout & { success: boolean }>('POST', '/payouts', {
        invoiceId: invoice.invoiceNumber,
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({
        success: true,
        partnerId: account.PartnerId__c,
        invoiceId: invoice.id,
        grossAmount: invoice.amount,
        status: 'Scheduled',
      });
      expect(body.splits.map((s) => s.party)).toEqual(
        account.DistributorId__c ? ['provider', 'partner', 'distributor'] : ['provider', 'partner'],
      );
      expect((await call('GET', `/payouts/${body.id}`)).body).toMatchObject({ id: body.id });
      const again = await call<Reasons>('POST', '/payouts', { invoiceId: invoice.id });
      expect([again.status, again.body.reasons[0]!.code]).toEqual([200, 61000030]);
    });

    it('refuses to pay out an unpaid or unknown invoice, with HTTP 200', async () => {
      const unpaid = await call<Reasons>('POST', '/payouts', { invoiceId: unpaidInvoice.id });
      expect([unpaid.status, unpaid.body.reasons[0]!.code]).toEqual([200, 58000030]);
      const unknown = await call<Reasons>('POST', '/payouts', { invoiceId: 'INV99999999' });
      expect([unknown.status, unknown.body.reasons[0]!.code]).toEqual([200, 58000040]);
    });
  });

  describe('creating subscriptions', () => {
    const account = billing.accounts[1]!;
    const [first, second] = dataset.products;
    const request = {
      accountKey: account.accountNumber,
      contractEffectiveDate: '2026-12-01',
      runBilling: true,
      QuoteId__c: 'a0Qnew',
      subscribeToRatePlans: [
        { productCode: first!.ProductCode, quantity: 3 },
        { productCode: second!.ProductCode, quantity: 2, price: '10.50' },
      ],
    };

    it('creates an active subscription priced from the catalog, and invoices it when asked', async () => {
      const { status, body } = await call<Record<string, string>>('POST', '/subscriptions', request);
      const listPrice = new Decimal(first!.prices[account.currency]);
      const total = listPrice.times(3).plus('21.00').toFixed(2);
      expect(status).toBe(200);
      expect(body).toMatchObject({ success: true, totalContractedValue: total });
      const subscription = await call<Subscription>('GET', `/subscriptions/${body.subscriptionId}`);
      expect(subscription.body).toMatchObject({
        accountId: account.id,
        status: 'Active',
        termEndDate: '2027-12-01',
        QuoteId__c: 'a0Qnew',
      });
      expect(subscription.body.ratePlans.map((p) => p.ratePlanCharges[0]!.tcv)).toEqual([
        listPrice.times(3).toFixed(2),
        '21.00',
      ]);
      const invoices = await call<{ invoices: Array<Invoice & { invoiceItems: unknown[] }> }>(
        'GET',
        '/invoices?quoteIds=a0Qnew',
      );
      expect(invoices.body.invoices).toEqual([
        expect.objectContaining({
          id: body.invoiceId,
          amount: total,
          balance: total,
          invoiceItems: [expect.anything(), expect.anything()],
        }),
      ]);
    });

    it.each([
      ['an unknown account', { ...request, accountKey: 'A99999999' }, 50000040],
      [
        'an unknown product',
        { ...request, subscribeToRatePlans: [{ productCode: 'NOPE', quantity: 1 }] },
        51000040,
      ],
      ['a missing field', { ...request, contractEffectiveDate: undefined }, 90000022],
      ['a bad date', { ...request, contractEffectiveDate: '01/12/2026' }, 90000020],
      [
        'a float price',
        { ...request, subscribeToRatePlans: [{ productCode: 'X', quantity: 1, price: 1.5 }] },
        90000020,
      ],
      ['an unknown field', { ...request, discount: 5 }, 90000020],
      ['no rate plans', { ...request, subscribeToRatePlans: [] }, 90000020],
    ])('answers %s with HTTP 200, success: false and the reason code', async (_case, body, code) => {
      const response = await call<Reasons>('POST', '/subscriptions', body);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ success: false, reasons: [{ code }] });
    });

    it('answers a malformed JSON body with HTTP 200 and success: false', async () => {
      const response = await call<Reasons>('POST', '/subscriptions', '{"accountKey":');
      expect([response.status, response.body.reasons[0]!.code]).toEqual([200, 90000090]);
    });
  });

  describe('Idempotency-Key', () => {
    const account = billing.accounts[2]!;
    const request = {
      accountKey: account.id,
      contractEffectiveDate: '2026-12-02',
      subscribeToRatePlans: [{ productCode: dataset.products[4]!.ProductCode, quantity: 1 }],
    };
    const subscriptionsOfAccount = async () =>
      (
        await call<{ subscriptions: Subscription[] }>(
          'GET',
          `/subscriptions/accounts/${account.id}?pageSize=100`,
        )
      ).body.subscriptions.length;

    it('answers a retry with the same key and body with the first answer, creating nothing new', async () => {
      const before = await subscriptionsOfAccount();
      const first = await call<Record<string, string>>('POST', '/subscriptions', request, {
        'idempotency-key': 'sub-1',
      });
      // The same request with its keys in another order is the same request.
      const reordered = {
        subscribeToRatePlans: request.subscribeToRatePlans,
        contractEffectiveDate: request.contractEffectiveDate,
        accountKey: request.accountKey,
      };
      const retry = await call<Record<string, string>>('POST', '/subscriptions', reordered, {
        'idempotency-key': 'sub-1',
      });
      expect(first.body.success).toBe(true);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(await subscriptionsOfAccount()).toBe(before + 1);
    });

    it('refuses the same key with a different body with 409, creating nothing', async () => {
      const first = await call('POST', '/subscriptions', request, { 'idempotency-key': 'sub-2' });
      const before = await subscriptionsOfAccount();
      const conflict = await call<Reasons>(
        'POST',
        '/subscriptions',
        { ...request, contractEffectiveDate: '2026-12-03' },
        { 'idempotency-key': 'sub-2' },
      );
      expect(first.status).toBe(200);
      expect(conflict.status).toBe(409);
      expect(conflict.body).toMatchObject({ success: false, reasons: [{ code: 90000030 }] });
      expect(await subscriptionsOfAccount()).toBe(before);
    });

    it('creates again for a new key or without one', async () => {
      const before = await subscriptionsOfAccount();
      const a = await call<Record<string, string>>('POST', '/subscriptions', request, {
        'idempotency-key': 'sub-3',
      });
      const b = await call<Record<string, string>>('POST', '/subscriptions', request, {
        'idempotency-key': 'sub-4',
      });
      const c = await call<Record<string, string>>('POST', '/subscriptions', request);
      expect(new Set([a.body.subscriptionId, b.body.subscriptionId, c.body.subscriptionId]).size).toBe(3);
      expect(await subscriptionsOfAccount()).toBe(before + 3);
    });

    it('replays a business error too, and scopes keys to the route', async () => {
      const bad = { ...request, accountKey: 'A99999999' };
      const first = await call<Reasons>('POST', '/subscriptions', bad, { 'idempotency-key': 'shared' });
      const retry = await call<Reasons>('POST', '/subscriptions', bad, { 'idempotency-key': 'shared' });
      expect(retry.body).toEqual(first.body);
      const payout = await call<Payout>(
        'POST',
        '/payouts',
        { invoiceId: payableInvoices[1]!.id },
        { 'idempotency-key': 'shared' },
      );
      expect(payout.body).toMatchObject({ success: true, invoiceId: payableInvoices[1]!.id });
      const payoutRetry = await call<Payout>(
        'POST',
        '/payouts',
        { invoiceId: payableInvoices[1]!.id },
        { 'idempotency-key': 'shared' },
      );
      expect(payoutRetry.body).toEqual(payout.body);
    });
  });

  describe('faults', () => {
    const route = `GET ${BILLING_API_BASE}/accounts/:accountKey`;
    const accountPath = `/accounts/${billing.accounts[0]!.id}`;

    async function inject(fault: Record<string, unknown>): Promise<void> {
      const response = await fetch(`${server.url}/__faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ route, ...fault }),
      });
      expect(response.status).toBe(201);
    }

    it('fails with the injected status and a billing error body', async () => {
      await inject({ errorRate: 1, errorStatus: 503 });
      const { status, body } = await call<Reasons>('GET', accountPath);
      expect(status).toBe(503);
      expect(body).toMatchObject({ success: false, reasons: [{ code: 90000060 }] });
    });

    it('answers 429 with Retry-After when rate limited', async () => {
      await inject({ rateLimitRetryAfterSeconds: 7 });
      const response = await call('GET', accountPath);
      expect([response.status, response.headers.get('retry-after')]).toEqual([429, '7']);
    });

    it('drops the connection when down', async () => {
      await inject({ down: true });
      await expect(call('GET', accountPath)).rejects.toThrow();
    });

    it('truncates the body or breaks its types when malformed', async () => {
      await inject({ malformed: 'truncate' });
      const truncated = await fetch(`${server.url}${BILLING_API_BASE}${accountPath}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const text = await truncated.text();
      expect(text.length).toBeGreaterThan(0);
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
      await fetch(`${server.url}/__faults`, { method: 'DELETE' });
      await inject({ malformed: 'wrong-types' });
      const { body } = await call<{ success: boolean; basicInfo: { id: unknown } }>('GET', accountPath);
      expect(body.success).toBe(true);
      expect(body.basicInfo.id).toBe(billing.accounts[0]!.id.length);
    });

    it('expires every issued token on expireTokens, keeping only the standing part of the fault', async () => {
      const response = await fetch(`${server.url}/__faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ expireTokens: true }, { route, latencyMs: 1, expireTokens: true }]),
      });
      expect(response.status).toBe(201);
      expect(((await response.json()) as { faults: unknown[] }).faults).toEqual([
        { route, latencyMs: 1, jitterMs: 0, errorRate: 0, errorStatus: 503, down: false },
      ]);
      const expired = await call<Reasons>('GET', accountPath);
      expect([expired.status, expired.body.reasons[0]!.code]).toEqual([401, 90000011]);
      token = await issueToken(server.url);
      expect((await call('GET', accountPath)).status).toBe(200);
    });

    it('delays by the injected latency and counts calls per route', async () => {
      await fetch(`${server.url}/__stats`, { method: 'DELETE' });
      await inject({ latencyMs: 100 });
      const started = performance.now();
      expect((await call('GET', accountPath)).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(99);
      await call('GET', `/invoices/${billing.invoices[0]!.id}`);
      const stats = (await (await fetch(`${server.url}/__stats`)).json()) as {
        calls: Record<string, number>;
      };
      expect(stats.calls).toEqual({ [route]: 1, [`GET ${BILLING_API_BASE}/invoices/:invoiceKey`]: 1 });
    });
  });
});
