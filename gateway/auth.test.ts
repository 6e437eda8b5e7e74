import { SignJWT } from 'jose';
import { createRequestVerifier } from './auth';

/**
 * Token verification as a client lives it: the same token on every request until it expires.
 * Verifications are remembered, which must never let a token through that jose would refuse.
 */
describe('request verifier', () => {
  const secret = 'a-test-secret-that-is-long-enough-0000';
  const verify = createRequestVerifier({ mode: 'hs256', secret });
  const bearer = (token: string) => `Bearer ${token}`;
  const viewer = { sub: 'user@P-00001', partnerId: 'P-00001', roles: ['partner_rep'] };

  const tokenExpiringAt = (expSeconds: number, signingSecret = secret) =>
    new SignJWT({ partnerId: viewer.partnerId, roles: viewer.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(viewer.sub)
      .setIssuedAt()
      .setExpirationTime(expSeconds)
      .sign(new TextEncoder().encode(signingSecret));

  afterEach(() => jest.useRealTimers());

  it('accepts the same token on every request', async () => {
    const token = await tokenExpiringAt(Math.floor(Date.now() / 1000) + 3600);
    expect(await verify(bearer(token))).toEqual(viewer);
    expect(await verify(bearer(token))).toEqual(viewer);
  });

  it('refuses a token accepted before once its exp has passed', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = await tokenExpiringAt(exp);
    expect(await verify(bearer(token))).toEqual(viewer);
    jest.setSystemTime(exp * 1000 - 1);
    expect(await verify(bearer(token))).toEqual(viewer);
    jest.setSystemTime(exp * 1000);
    await expect(verify(bearer(token))).rejects.toMatchObject({
      message: 'Unauthenticated: token expired',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses a badly signed token however often it comes', async () => {
    const token = await tokenExpiringAt(
      Math.floor(Date.now() / 1000) + 3600,
      'another-secret-that-is-long-enough-00',
    );
    for (let i = 0; i < 2; i += 1)
      await expect(verify(bearer(token))).rejects.toMatchObject({
        message: 'Unauthenticated: bad token signature',
      });
  });

  it('never lets one token answer for another', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const rep = await tokenExpiringAt(exp);
    const admin = await new SignJWT({ partnerId: 'P-00002', roles: ['partner_admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin@P-00002')
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(secret));
    expect(await verify(bearer(rep))).toEqual(viewer);
    expect(await verify(bearer(admin))).toEqual({
      sub: 'admin@P-00002',
      partnerId: 'P-00002',
      roles: ['partner_admin'],
    });
    expect(await verify(bearer(rep))).toEqual(viewer);
  });
});
