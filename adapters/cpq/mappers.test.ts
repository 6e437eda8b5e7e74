import { UpstreamError } from '../http';
import { toProduct, toQuote, toQuoteLine } from './mappers';

const QUOTE = {
  attributes: {
    type: 'SBQQ__Quote__c',
    url: '/services/data/v60.0/sobjects/SBQQ__Quote__c/a0Q0000000001AAA',
  },
  Id: 'a0Q0000000001AAA',
  Name: 'Q-000001',
  SBQQ__Partner__c: 'P-00001',
  SBQQ__Status__c: 'In Review',
  SBQQ__ListAmount__c: '1200.5',
  SBQQ__NetAmount__c: '1080',
  CurrencyIsoCode: 'EUR',
  SBQQ__ExpirationDate__c: '2026-02-14',
  CreatedDate: '2026-01-15T10:00:00.000Z',
};

const LINE = {
  attributes: {
    type: 'SBQQ__QuoteLine__c',
    url: '/services/data/v60.0/sobjects/SBQQ__QuoteLine__c/a0R0000000001AAA',
  },
  Id: 'a0R0000000001AAA',
  Name: 'QL-0000001',
  SBQQ__Quote__c: 'a0Q0000000001AAA',
  SBQQ__ProductCode__c: 'NET-0001',
  SBQQ__ProductName__c: 'Edge Router',
  SBQQ__Quantity__c: 3,
  SBQQ__ListPrice__c: '99.99',
  SBQQ__Discount__c: '12.50',
  SBQQ__NetPrice__c: '87.49',
  SBQQ__NetTotal__c: '262.47',
  CurrencyIsoCode: 'USD',
};

const PRODUCT = {
  attributes: { type: 'Product2', url: '/services/data/v60.0/sobjects/Product2/01t0000000001AAA' },
  Id: '01t0000000001AAA',
  Name: 'Edge Router',
  ProductCode: 'NET-0001',
  Family: 'Network',
  IsActive: true,
};

function mappingError(map: (record: unknown) => unknown, record: unknown): unknown {
  try {
    map(record);
  } catch (error) {
    return error;
  }
  return undefined;
}

function expectBadResponse(error: unknown): void {
  expect(error).toBeInstanceOf(UpstreamError);
  expect(error).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', upstream: { system: 'cpq' } });
}

describe('toQuote', () => {
  it('maps an SBQQ quote to a Quote with 2-decimal money and domain statuses', () => {
    expect(toQuote(QUOTE)).toEqual({
      id: 'a0Q0000000001AAA',
      number: 'Q-000001',
      partnerId: 'P-00001',
      status: 'IN_REVIEW',
      currency: 'EUR',
      listTotal: { amount: '1200.50', currency: 'EUR' },
      netTotal: { amount: '1080.00', currency: 'EUR' },
      expiresOn: '2026-02-14',
      createdAt: '2026-01-15T10:00:00.000Z',
    });
  });

  it.each([
    ['Draft', 'DRAFT'],
    ['Approved', 'APPROVED'],
    ['Presented', 'PRESENTED'],
    ['Accepted', 'ACCEPTED'],
    ['Rejected', 'REJECTED'],
  ])('maps status %s to %s', (status, expected) => {
    expect(toQuote({ ...QUOTE, SBQQ__Status__c: status }).status).toBe(expected);
  });

  it('rounds amounts half away from zero', () => {
    const quote = toQuote({ ...QUOTE, SBQQ__ListAmount__c: '10.005', SBQQ__NetAmount__c: '-10.005' });

    expect(quote.listTotal.amount).toBe('10.01');
    expect(quote.netTotal.amount).toBe('-10.01');
  });

  it('keeps a quote without expiration date', () => {
    expect(toQuote({ ...QUOTE, SBQQ__ExpirationDate__c: null }).expiresOn).toBeNull();
  });

  it.each([
    ['null', null],
    ['an array', [QUOTE]],
    ['a quote without a partner', { ...QUOTE, SBQQ__Partner__c: undefined }],
    ['a number where a decimal string is expected', { ...QUOTE, SBQQ__NetAmount__c: 1080 }],
    ['a non-decimal amount', { ...QUOTE, SBQQ__NetAmount__c: '1,080.00' }],
    ['an unknown status', { ...QUOTE, SBQQ__Status__c: 'Pending' }],
    ['a status in the wrong case', { ...QUOTE, SBQQ__Status__c: 'IN_REVIEW' }],
    ['a malformed currency', { ...QUOTE, CurrencyIsoCode: 'Euro' }],
    ['a short id', { ...QUOTE, Id: 'a0Q1' }],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', (_case, record) => {
    expectBadResponse(mappingError(toQuote, record));
  });
});

describe('toQuoteLine', () => {
  it('maps an SBQQ quote line to a QuoteLine', () => {
    expect(toQuoteLine(LINE)).toEqual({
      id: 'a0R0000000001AAA',
      quoteId: 'a0Q0000000001AAA',
      sku: 'NET-0001',
      productName: 'Edge Router',
      quantity: 3,
      listPrice: { amount: '99.99', currency: 'USD' },
      discountPercent: '12.50',
      netPrice: { amount: '87.49', currency: 'USD' },
      netTotal: { amount: '262.47', currency: 'USD' },
    });
  });

  it.each([
    ['null', null],
    ['a line without a quote', { ...LINE, SBQQ__Quote__c: undefined }],
    ['a quantity sent as a string', { ...LINE, SBQQ__Quantity__c: '3' }],
    ['a zero quantity', { ...LINE, SBQQ__Quantity__c: 0 }],
    ['a number where a decimal string is expected', { ...LINE, SBQQ__NetTotal__c: 262.47 }],
    ['a discount that is not a decimal', { ...LINE, SBQQ__Discount__c: '12.5%' }],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', (_case, record) => {
    expectBadResponse(mappingError(toQuoteLine, record));
  });
});

describe('toProduct', () => {
  it('maps a Product2 to a Product', () => {
    expect(toProduct(PRODUCT)).toEqual({
      sku: 'NET-0001',
      name: 'Edge Router',
      family: 'Network',
      active: true,
    });
  });

  it.each([
    ['null', null],
    ['a product without a code', { ...PRODUCT, ProductCode: undefined }],
    ['IsActive sent as a string', { ...PRODUCT, IsActive: 'true' }],
    ['an empty name', { ...PRODUCT, Name: '' }],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', (_case, record) => {
    expectBadResponse(mappingError(toProduct, record));
  });
});
