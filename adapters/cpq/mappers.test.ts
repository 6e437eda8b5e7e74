import { UpstreamError } from '../http';
import {
  toCustomer,
  toPartnerPrices,
  toPriceBook,
  toPriceBookEntry,
  toProduct,
  toQuote,
  toQuoteCalculation,
  toQuoteLine,
} from './mappers';

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
  SBQQ__Account__c: '0010000000001AAA',
  Deal_Registration__c: 'DR-000007',
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
  SBQQ__AdditionalDiscount__c: '2.50',
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
      customerAccountId: '0010000000001AAA',
      dealRegistrationId: 'DR-000007',
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

  it('keeps a quote without deal registration', () => {
    expect(toQuote({ ...QUOTE, Deal_Registration__c: null }).dealRegistrationId).toBeNull();
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
    ['a quote without a customer', { ...QUOTE, SBQQ__Account__c: undefined }],
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
      additionalDiscountPercent: '2.50',
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
      family: 'NETWORK',
      active: true,
    });
  });

  it('maps a family the graph does not know to none, keeping the product', () => {
    expect(toProduct({ ...PRODUCT, Family: 'Quantum' })).toMatchObject({ sku: 'NET-0001', family: null });
    expect(toProduct({ ...PRODUCT, Family: 'constructor' })).toMatchObject({ family: null });
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

describe('toCustomer', () => {
  const ACCOUNT = {
    attributes: { type: 'Account', url: '/services/data/v60.0/sobjects/Account/0010000000001AAA' },
    Id: '0010000000001AAA',
    Name: 'Contoso Retail 1',
    Partner__c: 'P-00001',
    BillingCountry: 'DE',
    CurrencyIsoCode: 'EUR',
  };

  it('maps an Account to a Customer of its partner', () => {
    expect(toCustomer(ACCOUNT)).toEqual({
      id: '0010000000001AAA',
      name: 'Contoso Retail 1',
      partnerId: 'P-00001',
      country: 'DE',
      currency: 'EUR',
    });
  });

  it.each([
    ['an account without a partner', { ...ACCOUNT, Partner__c: undefined }],
    ['a three-letter country', { ...ACCOUNT, BillingCountry: 'DEU' }],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', (_case, record) => {
    expectBadResponse(mappingError(toCustomer, record));
  });
});

describe('price books', () => {
  const BOOK = {
    Id: '01s0000000003AAA',
    Name: 'EMEA Partner Price Book',
    IsActive: true,
    Region__c: 'EMEA',
  };
  const ENTRY = {
    Id: '01u0000000001AAA',
    Pricebook2Id: '01s0000000003AAA',
    ProductCode: 'NET-0001',
    CurrencyIsoCode: 'EUR',
    UnitPrice: '91.99',
    IsActive: true,
  };

  it('maps a Pricebook2 and its entries', () => {
    expect(toPriceBook(BOOK)).toEqual({
      id: '01s0000000003AAA',
      name: 'EMEA Partner Price Book',
      region: 'EMEA',
      active: true,
    });
    expect(toPriceBookEntry(ENTRY)).toEqual({
      priceBookId: '01s0000000003AAA',
      sku: 'NET-0001',
      listPrice: { amount: '91.99', currency: 'EUR' },
      active: true,
    });
  });

  it.each([
    ['a price that is a number', toPriceBookEntry, { ...ENTRY, UnitPrice: 91.99 }],
    ['an entry without a product code', toPriceBookEntry, { ...ENTRY, ProductCode: undefined }],
    ['a book without a name', toPriceBook, { ...BOOK, Name: undefined }],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', (_case, map, record) => {
    expectBadResponse(mappingError(map as (record: unknown) => unknown, record));
  });
});

describe('toQuoteCalculation', () => {
  const LINE_CALCULATION = {
    productId: '01t0000000001AAA',
    productCode: 'NET-0001',
    listPrice: '100.00',
    quantity: 10,
    volumeDiscount: '5.00',
    partnerDiscount: '10.00',
    dealRegistrationDiscount: '0.00',
    additionalDiscount: '20.00',
    totalDiscount: '35.00',
    netPrice: '65.00',
    listTotal: '1000.00',
    netTotal: '650.00',
    approvalRequired: true,
  };
  const CALCULATION = {
    quoteId: 'a0Q0000000001AAA',
    partnerId: 'P-00001',
    partnerTier: 'Gold',
    currency: 'EUR',
    pricebookId: '01s0000000003AAA',
    dealRegistrationId: null,
    pricingDate: '2026-12-01',
    lines: [LINE_CALCULATION],
    listAmount: '1000.00',
    netAmount: '650.00',
    approvalLimitPercent: '25.00',
    approvalRequired: true,
    status: 'In Review',
    warnings: ['deal registration DR-000001 expired on 2026-11-30'],
  };

  it('maps the calculation with its discount breakdown and approval', () => {
    expect(toQuoteCalculation(CALCULATION)).toEqual({
      quoteId: 'a0Q0000000001AAA',
      partnerId: 'P-00001',
      currency: 'EUR',
      priceBookId: '01s0000000003AAA',
      dealRegistrationId: null,
      pricingDate: '2026-12-01',
      lines: [
        {
          sku: 'NET-0001',
          quantity: 10,
          listPrice: { amount: '100.00', currency: 'EUR' },
          volumeDiscountPercent: '5.00',
          partnerDiscountPercent: '10.00',
          dealRegistrationDiscountPercent: '0.00',
          additionalDiscountPercent: '20.00',
          totalDiscountPercent: '35.00',
          netPrice: { amount: '65.00', currency: 'EUR' },
          netTotal: { amount: '650.00', currency: 'EUR' },
          approvalRequired: true,
        },
      ],
      listTotal: { amount: '1000.00', currency: 'EUR' },
      netTotal: { amount: '650.00', currency: 'EUR' },
      approvalLimitPercent: '25.00',
      approvalRequired: true,
      warnings: ['deal registration DR-000001 expired on 2026-11-30'],
    });
    expect(toPartnerPrices([LINE_CALCULATION], 'EUR')).toEqual([
      {
        sku: 'NET-0001',
        listPrice: { amount: '100.00', currency: 'EUR' },
        partnerPrice: { amount: '65.00', currency: 'EUR' },
        partnerDiscountPercent: '10.00',
      },
    ]);
  });

  it.each([
    ['a line quantity of zero', { ...CALCULATION, lines: [{ ...LINE_CALCULATION, quantity: 0 }] }],
    ['a net price that is a number', { ...CALCULATION, lines: [{ ...LINE_CALCULATION, netPrice: 65 }] }],
    ['no warnings list', { ...CALCULATION, warnings: undefined }],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', (_case, record) => {
    expectBadResponse(mappingError(toQuoteCalculation, record));
  });
});
