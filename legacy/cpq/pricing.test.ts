import type { PrmDealRegistration } from '../seed/prm';
import {
  APPROVAL_LIMIT_PERCENT,
  dealRegistrationDiscount,
  priceLine,
  priceQuote,
  PricingError,
  volumeDiscountPercent,
} from './pricing';

const gold = { partnerTier: 'Gold' as const, dealRegistrationDiscount: '0.00' };

const registration: PrmDealRegistration = {
  id: 'DR-000001',
  accountId: 'P-00001',
  customerName: 'Contoso Retail 1',
  customerAccountId: null,
  productFamily: 'Network',
  estimatedAmount: '50000.00',
  currencyCode: 'USD',
  status: 'Approved',
  submittedOn: '2026-10-01',
  expiresOn: '2026-12-30',
  protectedDiscountPercent: '6.00',
};

describe('volume tiers', () => {
  it.each([
    [1, '0.00'],
    [9, '0.00'],
    [10, '5.00'],
    [49, '5.00'],
    [50, '8.00'],
    [99, '8.00'],
    [100, '12.00'],
    [5000, '12.00'],
  ])('gives quantity %i a volume discount of %s%%', (quantity, percent) => {
    expect(volumeDiscountPercent(quantity)).toBe(percent);
  });
});

describe('priceLine', () => {
  it.each([
    ['Registered', '0.00'],
    ['Silver', '5.00'],
    ['Gold', '10.00'],
    ['Platinum', '15.00'],
  ] as const)('gives a %s partner its tier discount of %s%%', (partnerTier, percent) => {
    const line = priceLine(
      { partnerTier, dealRegistrationDiscount: '0.00' },
      { listPrice: '200.00', quantity: 1, additionalDiscount: '0' },
    );
    expect(line.partnerDiscount).toBe(percent);
    expect(line.totalDiscount).toBe(percent);
  });

  it('adds volume, partner, deal registration and additional discounts, and rounds the net price half up', () => {
    // 5 + 10 + 6 + 2.5 = 23.5%: 19.99 x 0.765 = 15.29235 -> 15.29; x 10 = 152.90
    expect(
      priceLine(
        { partnerTier: 'Gold', dealRegistrationDiscount: '6.00' },
        { listPrice: '19.99', quantity: 10, additionalDiscount: '2.5' },
      ),
    ).toEqual({
      listPrice: '19.99',
      quantity: 10,
      volumeDiscount: '5.00',
      partnerDiscount: '10.00',
      dealRegistrationDiscount: '6.00',
      additionalDiscount: '2.50',
      totalDiscount: '23.50',
      netPrice: '15.29',
      listTotal: '199.90',
      netTotal: '152.90',
      approvalRequired: false,
    });
    // 0.05 x 0.9 = 0.045: half up gives 0.05 where banker's rounding would give 0.04.
    expect(priceLine(gold, { listPrice: '0.05', quantity: 1, additionalDiscount: '0' }).netPrice).toBe(
      '0.05',
    );
  });

  it("needs approval once the discount beyond the deal registration exceeds the tier's limit", () => {
    expect(APPROVAL_LIMIT_PERCENT.Gold).toBe('25.00');
    // 12 (volume) + 10 (Gold) + 3 = 25: at the limit, no approval.
    const atLimit = { listPrice: '100.00', quantity: 100, additionalDiscount: '3' };
    expect(priceLine(gold, atLimit).approvalRequired).toBe(false);
    expect(priceLine(gold, { ...atLimit, additionalDiscount: '3.01' }).approvalRequired).toBe(true);
    // The protected discount of a deal registration is approved with it.
    expect(
      priceLine({ partnerTier: 'Gold', dealRegistrationDiscount: '8.00' }, atLimit).approvalRequired,
    ).toBe(false);
  });

  it.each([
    ['a total discount above 100%', { listPrice: '1.00', quantity: 100, additionalDiscount: '90' }],
    ['a negative additional discount', { listPrice: '1.00', quantity: 1, additionalDiscount: '-1' }],
    ['a quantity of 0', { listPrice: '1.00', quantity: 0, additionalDiscount: '0' }],
    ['a fractional quantity', { listPrice: '1.00', quantity: 1.5, additionalDiscount: '0' }],
  ])('refuses %s', (_case, line) => {
    expect(() => priceLine(gold, line)).toThrow(PricingError);
  });
});

describe('priceQuote', () => {
  it('sums the lines and goes In Review when any line needs approval', () => {
    const lines = [
      { listPrice: '10.00', quantity: 1, additionalDiscount: '0' },
      { listPrice: '20.00', quantity: 2, additionalDiscount: '0' },
    ];
    expect(priceQuote(gold, lines)).toMatchObject({
      listAmount: '50.00',
      netAmount: '45.00',
      approvalLimitPercent: '25.00',
      approvalRequired: false,
      status: 'Draft',
    });
    expect(
      priceQuote(gold, [...lines, { listPrice: '5.00', quantity: 1, additionalDiscount: '20' }]),
    ).toMatchObject({
      approvalRequired: true,
      status: 'In Review',
    });
  });
});

describe('dealRegistrationDiscount', () => {
  it('grants the protected discount of an approved registration of the same partner up to its expiry day', () => {
    expect(dealRegistrationDiscount(registration, 'P-00001', '2026-12-30')).toEqual({ percent: '6.00' });
  });

  it.each([
    ['another partner', registration, 'P-00002', '2026-12-01', /another partner/],
    [
      'a registration not approved',
      { ...registration, status: 'Submitted' as const },
      'P-00001',
      '2026-12-01',
      /Submitted/,
    ],
    ['an expired registration', registration, 'P-00001', '2026-12-31', /expired on 2026-12-30/],
  ])('grants nothing, with a warning, for %s', (_case, reg, partnerId, date, warning) => {
    const result = dealRegistrationDiscount(reg, partnerId, date);
    expect(result.percent).toBe('0.00');
    expect(result.warning).toMatch(warning);
  });

  it('grants nothing, silently, without a registration', () => {
    expect(dealRegistrationDiscount(undefined, 'P-00001', '2026-12-01')).toEqual({ percent: '0.00' });
  });
});
