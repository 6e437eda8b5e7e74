import { signUsage, verifyUsage, type PartnerUsage } from './usage';
import { signIdentity } from './identity';

const SECRET = 'test-identity-secret-0123456789-0123456789';
const usage: PartnerUsage = {
  partnerId: 'P-00001',
  requests: 3,
  cost: 40,
  remaining: 960,
  resetsAt: 1_700_000_060_000,
};

describe('the forwarded budget usage', () => {
  it('verifies what the gateway signed for the same partner', () => {
    expect(verifyUsage(signUsage(usage, SECRET), SECRET, 'P-00001')).toEqual(usage);
  });

  it('refuses it for another partner, with another secret, tampered, stale, or an identity header', () => {
    const header = signUsage(usage, SECRET);
    expect(verifyUsage(header, SECRET, 'P-00002')).toBeUndefined();
    expect(verifyUsage(header, `${SECRET}-other`, 'P-00001')).toBeUndefined();
    const [, signature] = header.split('.');
    const forged = Buffer.from(JSON.stringify({ ...usage, remaining: 1e9, iat: Date.now() })).toString(
      'base64url',
    );
    expect(verifyUsage(`${forged}.${signature}`, SECRET, 'P-00001')).toBeUndefined();
    expect(verifyUsage(signUsage(usage, SECRET, Date.now() - 120_000), SECRET, 'P-00001')).toBeUndefined();
    const identity = signIdentity({ sub: 'u', partnerId: 'P-00001', roles: ['partner_rep'] }, SECRET);
    expect(verifyUsage(identity, SECRET, 'P-00001')).toBeUndefined();
    expect(verifyUsage(undefined, SECRET, 'P-00001')).toBeUndefined();
  });
});
