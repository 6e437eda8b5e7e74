import { DEFAULT_CPQ_OPTIONS, DEFAULT_PRM_OPTIONS, CPQ_API_BASE, PRM_BASE, startLegacyStack } from '.';

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
      expect(stack.urls.cpq).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(stack.urls.prm).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(stack.urls.cpq).not.toBe(stack.urls.prm);

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
      expect(await quoteResponse.json()).toEqual(quote);

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
    } finally {
      if (!closed) await stack.close();
    }
  });
});
