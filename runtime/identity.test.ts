import {
  createIdentitySigner,
  IDENTITY_MAX_AGE_MS,
  IDENTITY_REUSE_MS,
  verifyIdentity,
  type Viewer,
} from './identity';

/** The gateway's signer: one signature per viewer reused for a few seconds, always one a subgraph accepts. */
describe('identity signer', () => {
  const secret = 'a-test-identity-secret-long-enough-000';
  const rep: Viewer = { sub: 'rep@P-00001', partnerId: 'P-00001', roles: ['partner_rep'] };
  const admin: Viewer = { sub: 'admin@P-00002', partnerId: 'P-00002', roles: ['partner_admin'] };
  const start = Date.UTC(2026, 0, 5, 9, 0, 0);

  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(start);
  });
  afterEach(() => jest.useRealTimers());

  it('signs a header the subgraphs accept, for each viewer its own', () => {
    const sign = createIdentitySigner(secret);
    expect(verifyIdentity(sign(rep), secret)).toEqual({ viewer: rep });
    expect(verifyIdentity(sign(admin), secret)).toEqual({ viewer: admin });
    expect(verifyIdentity(sign(rep), secret)).toEqual({ viewer: rep });
  });

  it('reuses a signature for IDENTITY_REUSE_MS, then signs afresh', () => {
    expect(IDENTITY_REUSE_MS).toBeLessThanOrEqual(IDENTITY_MAX_AGE_MS / 10);
    const sign = createIdentitySigner(secret);
    const first = sign(rep);
    jest.setSystemTime(start + IDENTITY_REUSE_MS - 1);
    expect(sign(rep)).toBe(first);
    jest.setSystemTime(start + IDENTITY_REUSE_MS);
    const second = sign(rep);
    expect(second).not.toBe(first);
    // A subgraph checking it much later still finds it fresh enough.
    expect(verifyIdentity(second, secret, start + IDENTITY_REUSE_MS + IDENTITY_MAX_AGE_MS)).toEqual({
      viewer: rep,
    });
  });

  it('signs afresh when the clock is set back, rather than send a time stamp from the future', () => {
    const sign = createIdentitySigner(secret);
    const first = sign(rep);
    jest.setSystemTime(start - IDENTITY_MAX_AGE_MS * 2);
    const afterSetBack = sign(rep);
    expect(afterSetBack).not.toBe(first);
    expect(verifyIdentity(afterSetBack, secret)).toEqual({ viewer: rep });
  });
});
