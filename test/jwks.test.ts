import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { listen, type RunningServer } from '../runtime';
import type { RunningStack } from '../scripts/stack';
import { graphqlAs, startTestStack, tokenFor } from './stack';

/** Production-style authentication: keys from a JWKS URL, with issuer and audience checked. */
describe('JWKS authentication', () => {
  let jwks: RunningServer;
  let stack: RunningStack;
  let privateKey: KeyLike;
  let otherKey: KeyLike;
  const ISSUER = 'https://idp.example.test/';
  const AUDIENCE = 'partner-graph';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    const serveJwks: http.RequestListener = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    };
    jwks = await listen(serveJwks, 0);
    stack = await startTestStack({
      AUTH_JWKS_URL: `${jwks.url}/jwks.json`,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
    });
  });
  afterAll(async () => {
    await stack?.close();
    await jwks?.close();
  });

  const sign = (key: KeyLike, claims: { iss?: string; aud?: string } = {}) =>
    new SignJWT({ partnerId: 'P-00001', roles: ['partner_rep'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('user@P-00001')
      .setIssuer(claims.iss ?? ISSUER)
      .setAudience(claims.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  it('accepts a token signed by a key in the JWKS', async () => {
    const response = await graphqlAs<{ me: { id: string } }>(
      await sign(privateKey),
      stack.urls.gateway,
      '{ me { id } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.me.id).toBe('P-00001');
  });

  it.each([
    ['signed by another key', async () => sign(otherKey)],
    ['from another issuer', async () => sign(privateKey, { iss: 'https://evil.example.test/' })],
    ['for another audience', async () => sign(privateKey, { aud: 'someone-else' })],
    ['HS256 with the development secret', async () => tokenFor('P-00001')],
  ])('refuses a token %s', async (_name, makeToken) => {
    const response = await graphqlAs(await makeToken(), stack.urls.gateway, '{ me { id } }');
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
