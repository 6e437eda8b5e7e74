import {
  BILLING_API_BASE,
  CPQ_API_BASE,
  DEFAULT_BILLING_OPTIONS,
  DEFAULT_CPQ_OPTIONS,
  DEFAULT_INCENTIVES_OPTIONS,
  DEFAULT_PRM_OPTIONS,
  INCENTIVES_BASE,
  PRM_BASE,
  startLegacyStack,
} from '.';

describe('startLegacyStack', () => {
  it('serves CPQ and PRM over one dataset on ephemeral ports, and stops both on close()', async () => {
    const stack = await startLegacyStack({
      data: { seed: 1, scale: 'small' },
      ports: { cpq: 0, prm: 0 },
      cpq: DEFAULT_CPQ_OPTIONS,
      prm: DEFAULT_PRM_OPTIONS,
    });
    const quote = stack.dataset.quotes[0]!;
    let closed = false;
    try {
      for (const url of Object.values(stack.urls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(new Set(Object.values(stack.urls)).size).toBe(4);

      const tokenResponse = await fetch(`${stack.urls.cpq}/services/oauth2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: DEFAULT_CPQ_OPTIONS.clientId,
          client_secret: DEFAULT_CPQ_OPTIONS.clientSecret,
        }),
      });
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const quoteResponse = await fetch(
        `${stack.urls.cpq}${CPQ_API_BASE}/sobjects/SBQQ__Quote__c/${quote.Id}`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      expect(await quoteResponse.json()).toEqual({
        ...quote,
        LastModifiedDate: expect.any(String),
        Idempotency_Key__c: null,
      });

      const partnerResponse = await fetch(`${stack.urls.prm}${PRM_BASE}/Account/${quote.SBQQ__Partner__c}`, {
        headers: { authorization: `prm-key ${DEFAULT_PRM_OPTIONS.apiKey}` },
      });
      expect(((await partnerResponse.json()) as { data: { id: string } }).data.id).toBe(
        quote.SBQQ__Partner__c,
      );

      await stack.close();
      closed = true;
      await expect(fetch(`${stack.urls.cpq}/__stats`)).rejects.toThrow();
      await expect(fetch(`${stack.urls.prm}/__stats`)).rejects.toThrow();
      await expect(fetch(`${stack.urls.billing}/__stats`)).rejects.toThrow();
      await expect(fetch(`${stack.urls.incentives}/__stats`)).rejects.toThrow();
    } finally {
      if (!closed) await stack.close();
    }
  });

  it("serves an accepted quote's invoice from billing and its accrual from incentives", async () => {
    const stack = await startLegacyStack({
      data: { seed: 1, scale: 'small' },
      ports: { cpq: 0, prm: 0, billing: 0, incentives: 0 },
      cpq: DEFAULT_CPQ_OPTIONS,
      prm: DEFAULT_PRM_OPTIONS,
      billing: DEFAULT_BILLING_OPTIONS,
      incentives: { ...DEFAULT_INCENTIVES_OPTIONS, latencyMs: { min: 0, max: 0 } },
    });
    try {
      const flagged = new Set(stack.dataset.discrepancies.map((d) => d.quoteId));
      const accrual = stack.dataset.incentives.accruals.find((a) => !flagged.has(a.quoteId))!;
      const quote = stack.dataset.quotes.find((q) => q.Id === accrual.quoteId)!;

      const tokenResponse = await fetch(`${stack.urls.billing}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: DEFAULT_BILLING_OPTIONS.clientId,
          client_secret: DEFAULT_BILLING_OPTIONS.clientSecret,
        }),
      });
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const invoices = await fetch(`${stack.urls.billing}${BILLING_API_BASE}/invoices?quoteIds=${quote.Id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await invoices.json()) as { invoices: Array<{ amount: string }> }).invoices).toEqual([
        expect.objectContaining({ amount: quote.SBQQ__NetAmount__c, currency: quote.CurrencyIsoCode }),
      ]);

      const credentials = `${DEFAULT_INCENTIVES_OPTIONS.username}:${DEFAULT_INCENTIVES_OPTIONS.password}`;
      const accruals = await fetch(
        `${stack.urls.incentives}${INCENTIVES_BASE}/accruals?quoteIds=${quote.Id}`,
        {
          headers: { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
        },
      );
      const xml = await accruals.text();
      expect(xml).toContain(`<QuoteId>${quote.Id}</QuoteId>`);
      expect(xml).toContain(`<Amount>${accrual.amount}</Amount>`);
    } finally {
      await stack.close();
    }
  });
});
