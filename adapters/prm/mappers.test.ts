import { UpstreamError } from '../http';
import { toCertification, toContact, toDealRegistration, toPartner } from './mappers';

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
      annualQuota: { amount: '1200000.00', currency: 'EUR' },
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
    ['a quota sent as a number', { ...ACCOUNT, annualQuota: 1200000 }],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', (_case, record) => {
    const error = mappingError(record);

    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', upstream: { system: 'prm' } });
  });
});

const CONTACT = {
  id: 'CON-000001',
  accountId: 'P-00042',
  firstName: 'Ana',
  lastName: 'Ng',
  email: 'ana.ng.000001@cedar42.example',
  title: 'Channel Director',
  role: 'Primary',
  isPrimary: true,
  status: 'Active',
};

const CERTIFICATION = {
  id: 'CRT-000001',
  accountId: 'P-00042',
  contactId: 'CON-000001',
  productFamily: 'Security',
  level: 'Expert',
  status: 'Expired',
  certifiedOn: '2024-01-10',
  expiresOn: '2026-01-09',
};

const REGISTRATION = {
  id: 'DR-000003',
  accountId: 'P-00042',
  customerName: 'Globex Prospect 3',
  customerAccountId: null,
  productFamily: 'Cloud',
  estimatedAmount: '125000',
  currencyCode: 'EUR',
  status: 'Approved',
  submittedOn: '2026-09-01',
  expiresOn: '2026-11-30',
  protectedDiscountPercent: '5',
};

function errorOf(map: (record: unknown) => unknown, record: unknown): unknown {
  try {
    map(record);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('toContact, toCertification, toDealRegistration', () => {
  it('map PRM records to domain objects with domain enums', () => {
    expect(toContact(CONTACT)).toEqual({
      id: 'CON-000001',
      partnerId: 'P-00042',
      firstName: 'Ana',
      lastName: 'Ng',
      email: 'ana.ng.000001@cedar42.example',
      title: 'Channel Director',
      role: 'PRIMARY',
      primary: true,
      status: 'ACTIVE',
    });
    expect(toCertification(CERTIFICATION)).toEqual({
      id: 'CRT-000001',
      partnerId: 'P-00042',
      contactId: 'CON-000001',
      productFamily: 'SECURITY',
      level: 'EXPERT',
      status: 'EXPIRED',
      certifiedOn: '2024-01-10',
      expiresOn: '2026-01-09',
    });
    expect(toDealRegistration(REGISTRATION)).toEqual({
      id: 'DR-000003',
      partnerId: 'P-00042',
      customerName: 'Globex Prospect 3',
      customerAccountId: null,
      productFamily: 'CLOUD',
      estimatedAmount: { amount: '125000.00', currency: 'EUR' },
      status: 'APPROVED',
      submittedOn: '2026-09-01',
      expiresOn: '2026-11-30',
      protectedDiscountPercent: '5.00',
    });
  });

  it.each([
    ['a contact of an unknown role', toContact, { ...CONTACT, role: 'Boss' }],
    ['a contact without a last name', toContact, { ...CONTACT, lastName: undefined }],
    ['a certification of an unknown family', toCertification, { ...CERTIFICATION, productFamily: 'Storage' }],
    ['a certification with a US date', toCertification, { ...CERTIFICATION, expiresOn: '01/09/2026' }],
    ['a registration amount as a number', toDealRegistration, { ...REGISTRATION, estimatedAmount: 125000 }],
    ['a registration of an unknown status', toDealRegistration, { ...REGISTRATION, status: 'Pending' }],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', (_case, map, record) => {
    const error = errorOf(map as (record: unknown) => unknown, record);

    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', upstream: { system: 'prm' } });
  });
});
