import { SignJWT } from 'jose';
import { createRequestVerifier } from './auth';

/**
 * Token verification as a client lives it: the same token on every request until it expires.
 * Verifications are remembered, which must never let a token through that jose would refuse.
 */
describe('request verifier', () => {
  const secret = 'a-test-secret-that-is-long-enough-0000';
  const DAY = 24 * 60 * 60;
  const verify = createRequestVerifier({ mode: 'hs256', secret, maxTokenLifetimeSeconds: DAY });
  const bearer = (token: string) => `Bearer ${token}`;
  const viewer = { sub: 'user@P-00001', partnerId: 'P-00001', roles: ['partner_rep'] };

  const tokenExpiringAt = (expSeconds: number, signingSecret = secret) =>
    new SignJWT({ partnerId: viewer.partnerId, roles: viewer.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(viewer.sub)
      .setIssuedAt()
      .setExpirationTime(expSeconds)
      .sign(new TextEncoder().encode(signingSecret));

  /** A token with exactly the given `iat` and `exp` (seconds), either left out when undefined. */
  const tokenWith = ({ iat, exp }: { iat?: number; exp?: number }) => {
    let jwt = new SignJWT({ partnerId: viewer.partnerId, roles: viewer.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(viewer.sub);
    if (iat !== undefined) jwt = jwt.setIssuedAt(iat);
    if (exp !== undefined) jwt = jwt.setExpirationTime(exp);
    return jwt.sign(new TextEncoder().encode(secret));
  };
  const now = () => Math.floor(Date.now() / 1000);

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

  it('refuses a token without exp however often it comes, though it is well signed', async () => {
    const token = await tokenWith({ iat: now() });
    for (let i = 0; i < 2; i += 1)
      await expect(verify(bearer(token))).rejects.toMatchObject({
        message: 'Unauthenticated: token has no expiry (exp)',
        extensions: { code: 'UNAUTHENTICATED' },
      });
  });

  it('accepts a lifetime of exactly the cap, and refuses one second more', async () => {
    const iat = now() - 60;
    expect(await verify(bearer(await tokenWith({ iat, exp: iat + DAY })))).toEqual(viewer);
    await expect(verify(bearer(await tokenWith({ iat, exp: iat + DAY + 1 })))).rejects.toMatchObject({
      message: `Unauthenticated: token lifetime exceeds ${DAY} s`,
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('counts the lifetime of a token without iat, or with a future one, from now', async () => {
    expect(await verify(bearer(await tokenWith({ exp: now() + DAY - 60 })))).toEqual(viewer);
    for (const token of [
      await tokenWith({ exp: now() + DAY + 60 }),
      await tokenWith({ iat: now() + 365 * DAY, exp: now() + 365 * DAY + 3600 }),
    ]) {
      await expect(verify(bearer(token))).rejects.toMatchObject({
        message: `Unauthenticated: token lifetime exceeds ${DAY} s`,
      });
    }
  });

  it('refuses to start with a cap that is not a whole number of seconds', () => {
    expect(() => createRequestVerifier({ mode: 'hs256', secret, maxTokenLifetimeSeconds: 0 })).toThrow(
      'maxTokenLifetimeSeconds must be a whole number of seconds >= 1, got 0',
    );
  });
});
