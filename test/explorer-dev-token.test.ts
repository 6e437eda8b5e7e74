import type { RunningStack } from '../scripts/stack';
import { graphqlAs, startTestStack } from './stack';

/** The explorer's development token, through the whole stack: picked in the page, accepted by the gateway. */
describe('the explorer page of `npm start`', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it('offers the seeded partners and mints a token the gateway accepts', async () => {
    const page = await fetch(stack.urls.gateway, { headers: { accept: 'text/html' } });
    const html = await page.text();
    const partner = stack.legacy!.dataset.partners[2]!;
    expect(html).toContain(`<option value="${partner.id}">`);

    const minted = await fetch(`${stack.gateway.url}/explorer/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ partnerId: partner.id, role: 'partner_rep' }),
    });
    const { token } = (await minted.json()) as { token: string };
    const answer = await graphqlAs<{ me: { id: string } }>(token, stack.urls.gateway, '{ me { id } }');

    expect(answer.errors).toBeUndefined();
    expect(answer.data!.me.id).toBe(partner.id);
  });
});
