import { SignJWT } from 'jose';
import { IDENTITY_HEADER, signIdentity } from '../runtime';
import { DEV_IDENTITY_SECRET, DEV_JWT_SECRET } from '../config';
import type { RunningStack } from '../scripts/stack';
import { graphqlAs, legacyCalls, resetLegacy, startTestStack, tokenFor } from './stack';

/** Authentication at the gateway, signed identity to subgraphs, tenancy in the subgraphs. */
describe('security', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const ME = '{ me { id name } }';

  describe('authentication at the gateway', () => {
    it('serves `me` for a valid token', async () => {
      const response = await graphqlAs<{ me: { id: string } }>(
        await tokenFor('P-00007'),
        stack.urls.gateway,
        ME,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.me.id).toBe('P-00007');
    });

    it.each([
      ['no token', async () => undefined, /missing bearer token/],
      [
        'an expired token',
        () => tokenFor('P-00001', ['partner_rep'], { expiresAt: Math.floor(Date.now() / 1000) - 60 }),
        /token expired/,
      ],
      [
        'a token signed with another secret',
        () => tokenFor('P-00001', ['partner_rep'], { secret: 'x'.repeat(40) }),
        /bad token signature/,
      ],
      ['a token without roles', () => tokenFor('P-00001', [] as never), /lacks sub, partnerId or roles/],
      [
        'a token with an unknown role',
        () => tokenFor('P-00001', ['root' as never]),
        /lacks sub, partnerId or roles/,
      ],
      ['garbage', async () => 'not.a.jwt', /invalid token/],
      [
        'a token that never expires',
        () =>
          new SignJWT({ partnerId: 'P-00001', roles: ['partner_rep'] })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('user@P-00001')
            .setIssuedAt()
            .sign(new TextEncoder().encode(DEV_JWT_SECRET)),
        /token has no expiry \(exp\)/,
      ],
      [
        'a token living longer than AUTH_MAX_TOKEN_LIFETIME_S (default 24 h)',
        () => tokenFor('P-00001', ['partner_rep'], { expiresAt: Math.floor(Date.now() / 1000) + 25 * 3600 }),
        /token lifetime exceeds 86400 s/,
      ],
    ])('refuses %s with 401 UNAUTHENTICATED and no data', async (_name, makeToken, reason) => {
      const prmBefore = await legacyCalls(stack.urls.legacy.prm!);
      const response = await graphqlAs(await makeToken(), stack.urls.gateway, ME);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.data).toBeUndefined();
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0]?.message).toMatch(reason);
      expect(await legacyCalls(stack.urls.legacy.prm!)).toEqual(prmBefore);
    });

    it('refuses a token using the "none" algorithm', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({ sub: 'x', partnerId: 'P-00001', roles: ['channel_manager'] }),
      ).toString('base64url');
      const response = await graphqlAs(`${header}.${payload}.`, stack.urls.gateway, ME);
      expect(response.status).toBe(401);
    });
  });

  describe('tenancy', () => {
    beforeEach(async () => {
      await resetLegacy(stack.urls.legacy.prm!);
    });

    it('forbids reading another partner by id, without calling the PRM', async () => {
      const response = await graphqlAs(
        await tokenFor('P-00001'),
        stack.urls.gateway,
        '{ partner(id: "P-00002") { id name } }',
      );
      expect(response.data).toEqual({ partner: null });
      expect(response.errors?.[0]).toMatchObject({ path: ['partner'], extensions: { code: 'FORBIDDEN' } });
      expect(await legacyCalls(stack.urls.legacy.prm!)).toEqual({});
    });

    it('forbids another partner hidden behind an alias, and still answers the own one', async () => {
      const response = await graphqlAs<{ mine: { id: string } | null; theirs: unknown }>(
        await tokenFor('P-00001', ['partner_admin']),
        stack.urls.gateway,
        '{ mine: partner(id: "P-00001") { id } theirs: partner(id: "P-00003") { id name } }',
      );
      expect(response.data?.mine?.id).toBe('P-00001');
      expect(response.data?.theirs).toBeNull();
      expect(response.errors).toHaveLength(1);
      expect(response.errors?.[0]).toMatchObject({ path: ['theirs'], extensions: { code: 'FORBIDDEN' } });
    });

    it("forbids another partner's quote by id", async () => {
      const foreignQuote = stack.legacy!.dataset.quotes.find(
        (quote) => quote.SBQQ__Partner__c === 'P-00002',
      )!;
      const response = await graphqlAs(
        await tokenFor('P-00001'),
        stack.urls.gateway,
        `{ quote(id: "${foreignQuote.Id}") { id netTotal { amount } } }`,
      );
      expect(response.data).toEqual({ quote: null });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it("forbids another partner's quotes reached through the quote's partner", async () => {
      const ownQuote = stack.legacy!.dataset.quotes.find((quote) => quote.SBQQ__Partner__c === 'P-00001')!;
      const response = await graphqlAs<{ quote: { partner: { id: string; name: string } } }>(
        await tokenFor('P-00001'),
        stack.urls.gateway,
        `{ quote(id: "${ownQuote.Id}") { id partner { id name } } }`,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.quote.partner.id).toBe('P-00001');
    });

    it('lets a channel manager read every partner', async () => {
      const response = await graphqlAs<{ a: { id: string }; b: { id: string } }>(
        await tokenFor('P-00001', ['channel_manager']),
        stack.urls.gateway,
        '{ a: partner(id: "P-00002") { id } b: partner(id: "P-00003") { id quotes(first: 1) { totalCount } } }',
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.a.id).toBe('P-00002');
      expect(response.data?.b.id).toBe('P-00003');
    });
  });

  describe('subgraphs reached directly', () => {
    const ENTITIES =
      '{ _entities(representations: [{ __typename: "Partner", id: "P-00002" }]) { ... on Partner { id name } } }';

    it('refuse `_entities` without the gateway signature', async () => {
      const response = await graphqlAs(undefined, stack.urls.subgraphs.partners!, ENTITIES);
      expect(response.status).toBe(401);
      expect(response.data).toBeUndefined();
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuse a forged or stale signature', async () => {
      const viewer = { sub: 'mallory', partnerId: 'P-00002', roles: ['channel_manager' as const] };
      for (const header of [
        signIdentity(viewer, 'a-guessed-secret-that-is-long-enough-000'),
        signIdentity(viewer, DEV_IDENTITY_SECRET, Date.now() - 5 * 60_000),
        `${Buffer.from(JSON.stringify({ ...viewer, iat: Date.now() })).toString('base64url')}.`,
      ]) {
        const response = await graphqlAs(undefined, stack.urls.subgraphs.partners!, ENTITIES, undefined, {
          [IDENTITY_HEADER]: header,
        });
        expect(response.status).toBe(401);
        expect(response.data).toBeUndefined();
      }
    });

    it('enforce tenancy on `_entities` even with a valid signature', async () => {
      const header = signIdentity(
        { sub: 'u', partnerId: 'P-00001', roles: ['partner_admin'] },
        DEV_IDENTITY_SECRET,
      );
      const response = await graphqlAs<{ _entities: unknown[] }>(
        undefined,
        stack.urls.subgraphs.partners!,
        ENTITIES,
        undefined,
        {
          [IDENTITY_HEADER]: header,
        },
      );
      expect(response.data?._entities ?? [null]).toEqual([null]);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const quoting = await graphqlAs<{ _entities: unknown[] }>(
        undefined,
        stack.urls.subgraphs.quoting!,
        '{ _entities(representations: [{ __typename: "Partner", id: "P-00002" }]) { ... on Partner { quotes(first: 1) { totalCount } } } }',
        undefined,
        { [IDENTITY_HEADER]: header },
      );
      expect(quoting.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('answer the gateway without an ETag or cache policy to compute (it never revalidates)', async () => {
      const header = signIdentity(
        { sub: 'u', partnerId: 'P-00001', roles: ['partner_admin'] },
        DEV_IDENTITY_SECRET,
      );
      const response = await fetch(stack.urls.subgraphs.partners!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: header },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: unknown }).data).toEqual({ me: { id: 'P-00001' } });
      expect(response.headers.get('etag')).toBeNull();
      expect(response.headers.get('cache-control')).toBeNull();
    });
  });
});
