import { UpstreamError } from '../http';
import { toPartner } from './mappers';

const ACCOUNT = {
  id: 'P-00042',
  name: 'Cedar Networks 42',
  partnerLevel: { name: 'Gold' },
  region: 'EMEA',
  accountStatus: 'Suspended',
  billingCountry: 'DE',
  currencyCode: 'EUR',
  annualQuota: '1200000.00',
  created: '2024-03-01T00:00:00.000Z',
};

function mappingError(record: unknown): unknown {
  try {
    toPartner(record);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('toPartner', () => {
  it('maps a PRM account to a Partner with domain enums', () => {
    expect(toPartner(ACCOUNT)).toEqual({
      id: 'P-00042',
      name: 'Cedar Networks 42',
      tier: 'GOLD',
      region: 'EMEA',
      status: 'SUSPENDED',
      country: 'DE',
      currency: 'EUR',
    });
  });

  it.each([
    ['Registered', 'REGISTERED'],
    ['Silver', 'SILVER'],
    ['Platinum', 'PLATINUM'],
  ])('maps partner level %s to tier %s', (level, tier) => {
    expect(toPartner({ ...ACCOUNT, partnerLevel: { name: level } }).tier).toBe(tier);
  });

  it.each([
    ['null', null],
    ['a string', 'P-00042'],
    ['a record without a name', { ...ACCOUNT, name: undefined }],
    ['a record without a partner level', { ...ACCOUNT, partnerLevel: undefined }],
    ['an unknown partner level', { ...ACCOUNT, partnerLevel: { name: 'Diamond' } }],
    ['an unknown account status', { ...ACCOUNT, accountStatus: 'Pending' }],
    ['a malformed id', { ...ACCOUNT, id: '42' }],
    ['a numeric id', { ...ACCOUNT, id: 42 }],
    ['a lower-case currency', { ...ACCOUNT, currencyCode: 'eur' }],
    ['a three-letter country', { ...ACCOUNT, billingCountry: 'DEU' }],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', (_case, record) => {
    const error = mappingError(record);

    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', upstream: { system: 'prm' } });
  });
});
