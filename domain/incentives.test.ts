import { generateDataset, type Dataset } from '../legacy/seed/dataset';
import { domainAccrual, domainProgram } from '../test/incentives-in-domain-terms';
import {
  bookedBeforeInQuarter,
  calculateCommission,
  estimateDeal,
  programCovering,
  quarterOf,
  summarizeQuarter,
  type Accrual,
  type CommissionPartner,
  type Deal,
  type IncentiveProgram,
  type IncentiveTransaction,
} from './incentives';
import type { ProductFamily } from './partner-program';
import type { PartnerTier } from './types';

const usd = (amount: string) => ({ amount, currency: 'USD' });

const program: IncentiveProgram = {
  id: 'PRG-TEST',
  name: 'Test program',
  status: 'ACTIVE',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  baseRates: [
    { productFamily: 'NETWORK', partnerTier: 'GOLD', ratePercent: '4.00' },
    { productFamily: 'SECURITY', partnerTier: 'GOLD', ratePercent: '4.50' },
    { productFamily: 'NETWORK', partnerTier: 'REGISTERED', ratePercent: '2.00' },
    { productFamily: 'CLOUD', partnerTier: 'REGISTERED', ratePercent: '100.00' },
  ],
  spiffs: [
    {
      id: 'SPF-1',
      name: 'March router push',
      sku: 'NET-0001',
      startDate: '2026-03-01',
      endDate: '2026-03-31',
      ratePercent: '2.00',
    },
    {
      id: 'SPF-2',
      name: 'Spring router push',
      sku: 'NET-0001',
      startDate: '2026-03-15',
      endDate: '2026-04-15',
      ratePercent: '3.00',
    },
  ],
  accelerator: { quotaAttainmentPercent: '100', multiplier: '1.50' },
  dealCaps: [usd('1000.00')],
};

/** A quarterly quota of 100,000.00 USD. */
const gold: CommissionPartner = { tier: 'GOLD', currency: 'USD', annualQuota: usd('400000.00') };

/** Network 10,000.00 on NET-0001 plus Security 5,000.00: at Gold, base 400.00 + 225.00. */
function goldDeal(overrides: Partial<Deal> = {}): Deal {
  return {
    partnerId: 'P-1',
    quoteId: 'q-1',
    closeDate: '2026-02-10',
    currency: 'USD',
    lines: [
      { sku: 'NET-0001', family: 'NETWORK', netTotal: '10000.00' },
      { sku: 'SEC-0006', family: 'SECURITY', netTotal: '5000.00' },
    ],
    ...overrides,
  };
}

function amounts(estimate: ReturnType<typeof calculateCommission>) {
  return {
    components: Object.fromEntries(estimate.components.map((c) => [c.kind, c.amount.amount])),
    total: estimate.total.amount,
  };
}

describe('calculateCommission', () => {
  it('pays the base rate of each line family at the partner tier, below quota and without SPIFF', () => {
    const estimate = calculateCommission([program], goldDeal(), gold, '0');
    expect(amounts(estimate)).toEqual({ components: { BASE: '625.00' }, total: '625.00' });
    expect(estimate).toMatchObject({
      program: { id: 'PRG-TEST' },
      quarter: '2026-Q1',
      dealAmount: usd('15000.00'),
      quarterlyQuota: usd('100000.00'),
      bookedBeforeInQuarter: usd('0.00'),
      ineligibleReason: null,
    });
    expect(estimate.components[0]!.description).toBe(
      'Base rate of Test program at tier GOLD: NETWORK 4.00%, SECURITY 4.50% of the line net totals',
    );
  });

  it.each([
    ['the day before the window', '2026-02-28', undefined],
    ['the first day of the window', '2026-03-01', '200.00'],
    ['two overlapping SPIFFs (the highest rate only)', '2026-03-20', '300.00'],
    ['the last day of the window', '2026-04-15', '300.00'],
    ['the day after the window', '2026-04-16', undefined],
  ])('adds a SPIFF on the product on %s', (_case, closeDate, spiff) => {
    const estimate = calculateCommission([program], goldDeal({ closeDate }), gold, '0');
    expect(amounts(estimate).components.SPIFF).toBe(spiff);
    expect(estimate.total.amount).toBe((625 + Number(spiff ?? 0)).toFixed(2));
  });

  it('names the SPIFF that paid', () => {
    const estimate = calculateCommission([program], goldDeal({ closeDate: '2026-03-20' }), gold, '0');
    expect(estimate.components[1]!.description).toBe('SPIFF: Spring router push (NET-0001, 3.00%)');
  });

  it('accelerates only the part of the deal above the quarterly quota, on the exact base', () => {
    // 95,000 booked + 15,000: 10,000 of 15,000 lies above 100,000. 625 x 10,000 / 15,000 x 0.5 = 208.333...
    const estimate = calculateCommission([program], goldDeal(), gold, '95000.00');
    expect(amounts(estimate)).toEqual({
      components: { BASE: '625.00', ACCELERATOR: '208.33' },
      total: '833.33',
    });
    expect(estimate.components[1]!.description).toBe(
      'Accelerator x1.50 on the base for the 10000.00 USD of this deal above 100% of the quarterly quota',
    );
  });

  it('accelerates the whole deal once the quota was met, and none of it below', () => {
    expect(
      amounts(calculateCommission([program], goldDeal(), gold, '120000.00')).components.ACCELERATOR,
    ).toBe('312.50');
    expect(
      amounts(calculateCommission([program], goldDeal(), gold, '85000.00')).components.ACCELERATOR,
    ).toBeUndefined();
  });

  it('applies the attainment percent of the accelerator to the quota', () => {
    const at80 = { ...program, accelerator: { quotaAttainmentPercent: '80', multiplier: '2' } };
    // threshold 80,000: 15,000 on top of 70,000 puts 5,000 above; 625 x 5,000 / 15,000 x 1
    expect(amounts(calculateCommission([at80], goldDeal(), gold, '70000.00')).components.ACCELERATOR).toBe(
      '208.33',
    );
  });

  it('caps the deal after base, SPIFF and accelerator, showing the cut as a negative CAP component', () => {
    // 625.00 + 300.00 SPIFF + 312.50 accelerator = 1237.50 against a 1000.00 cap
    const estimate = calculateCommission([program], goldDeal({ closeDate: '2026-03-20' }), gold, '200000.00');
    expect(amounts(estimate)).toEqual({
      components: { BASE: '625.00', SPIFF: '300.00', ACCELERATOR: '312.50', CAP: '-237.50' },
      total: '1000.00',
    });
    expect(estimate.components.map((c) => c.kind)).toEqual(['BASE', 'SPIFF', 'ACCELERATOR', 'CAP']);
    expect(estimate.components[3]!.description).toBe('Per-deal cap of 1000.00 USD');
  });

  it('rounds half up once per component, over the exact sum of the lines', () => {
    const registered: CommissionPartner = { ...gold, tier: 'REGISTERED' };
    const line = (sku: string, netTotal: string, family: ProductFamily = 'NETWORK') => ({
      sku,
      family,
      netTotal,
    });
    // 0.25 x 2% = 0.005: half up gives 0.01 where banker's rounding would give 0.00.
    expect(
      calculateCommission([program], goldDeal({ lines: [line('N-2', '0.25')] }), registered, '0').total
        .amount,
    ).toBe('0.01');
    // Two lines of 0.25 round once over their exact sum (0.01), not per line (0.02).
    expect(
      calculateCommission(
        [program],
        goldDeal({ lines: [line('N-2', '0.25'), line('N-3', '0.25')] }),
        registered,
        '0',
      ).total.amount,
    ).toBe('0.01');
    for (const [value, rounded] of [
      ['0.125', '0.13'],
      ['2.675', '2.68'],
      ['1.005', '1.01'],
      ['123456789.995', '123456790.00'],
    ]) {
      const estimate = calculateCommission(
        [{ ...program, dealCaps: [usd('1000000000.00')] }],
        goldDeal({ lines: [line('C-1', value!, 'CLOUD')] }),
        registered,
        '0',
      );
      expect(estimate.components[0]!.amount.amount).toBe(rounded);
    }
  });

  it('earns nothing on a deal without lines', () => {
    expect(amounts(calculateCommission([program], goldDeal({ lines: [] }), gold, '500000.00'))).toEqual({
      components: { BASE: '0.00' },
      total: '0.00',
    });
  });

  it.each([
    [
      'no program covers the close date',
      goldDeal({ closeDate: '2027-01-04' }),
      gold,
      /no incentive program covers the close date 2027-01-04/,
    ],
    [
      'the deal is not in the partner currency',
      goldDeal({ currency: 'EUR' }),
      gold,
      /paid in USD, the deal is in EUR/,
    ],
    [
      'the program has no cap in the currency',
      goldDeal({ currency: 'EUR' }),
      { ...gold, currency: 'EUR' },
      /no deal cap in EUR/,
    ],
    [
      'the program has no rate for the tier',
      goldDeal(),
      { ...gold, tier: 'PLATINUM' as PartnerTier },
      /no base rate for NETWORK at PLATINUM/,
    ],
  ])('pays nothing, and says why, when %s', (_case, deal, partner, reason) => {
    const estimate = calculateCommission([program], deal, partner, '0');
    expect(estimate.total.amount).toBe('0.00');
    expect(estimate.components).toEqual([]);
    expect(estimate.ineligibleReason).toMatch(reason);
  });
});

describe('quarterOf and programCovering', () => {
  it('names calendar quarters', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-12-31'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
  });

  it('finds the first program whose window holds the date, both ends inclusive', () => {
    const previous = { ...program, id: 'PRG-OLD', startDate: '2025-01-01', endDate: '2025-12-31' };
    expect(programCovering([previous, program], '2025-12-31')?.id).toBe('PRG-OLD');
    expect(programCovering([previous, program], '2026-01-01')?.id).toBe('PRG-TEST');
    expect(programCovering([previous, program], '2027-01-01')).toBeNull();
  });
});

function accrual(quoteId: string, closeDate: string, dealAmount: string, postedAt: string): Accrual {
  const zero = usd('0.00');
  return {
    id: `ACR-${quoteId}`,
    transactionId: `TXN-${quoteId}`,
    partnerId: 'P-1',
    quoteId,
    programId: 'PRG-TEST',
    closeDate,
    quarter: quarterOf(closeDate),
    partnerTier: 'GOLD',
    dealAmount: usd(dealAmount),
    baseAmount: zero,
    spiffAmount: zero,
    acceleratorAmount: zero,
    capAdjustment: zero,
    amount: zero,
    postedAt,
  };
}

function pending(
  quoteId: string,
  closeDate: string,
  netTotal: string,
  overrides: Partial<IncentiveTransaction> = {},
) {
  return {
    id: `TXN-${quoteId}`,
    status: 'PENDING' as const,
    rejectionReason: null,
    partnerId: 'P-1',
    quoteId,
    closeDate,
    currency: 'USD',
    receivedAt: `${closeDate}T20:00:00.000Z`,
    lines: [{ lineId: `${quoteId}-1`, sku: 'NET-0009', quantity: 1, netTotal: usd(netTotal) }],
    ...overrides,
  };
}

describe('bookedBeforeInQuarter', () => {
  const ledger = [
    accrual('q1', '2026-04-02', '600.00', '2026-04-03T02:00:00.000Z'),
    accrual('q2', '2026-03-31', '5000.00', '2026-04-01T02:00:00.000Z'), // previous quarter
    { ...accrual('q3', '2026-04-10', '700.00', '2026-04-11T02:00:00.000Z'), partnerId: 'P-2' },
    accrual('q4', '2026-05-01', '300.00', '2026-05-02T02:00:00.000Z'),
  ].filter((a) => a.partnerId === 'P-1');
  const booked = (quoteId: string, closeDate: string, queue: IncentiveTransaction[] = []) =>
    bookedBeforeInQuarter({
      deal: { partnerId: 'P-1', quoteId, closeDate },
      partner: gold,
      programs: [program],
      ledger,
      pending: queue,
    }).toFixed(2);

  it("counts the partner's posted deals of the same quarter that closed earlier", () => {
    expect(booked('q9', '2026-04-20')).toBe('600.00');
    expect(booked('q9', '2026-06-30')).toBe('900.00');
    // Same close date: the lower quote id counts as earlier.
    expect(booked('q0', '2026-04-02')).toBe('0.00');
    expect(booked('q5', '2026-04-02')).toBe('600.00');
  });

  it('counts the pending transactions the batch will post ahead of a deal not yet posted', () => {
    const queue = [
      pending('q5', '2026-04-15', '1000.00'),
      pending('q6', '2026-04-25', '2000.00'), // closes after
      pending('q7', '2026-04-16', '4000.00', { partnerId: 'P-2' }),
      pending('q8', '2026-04-16', '8000.00', { currency: 'EUR' }), // the batch will reject it
      pending('q9', '2026-04-16', '9000.00'), // the deal's own transaction
      pending('q1', '2026-04-01', '16000.00'), // a duplicate of a posted quote
    ];
    expect(booked('q9', '2026-04-20', queue)).toBe('1600.00');
  });

  it('counts, for a posted deal, only what was posted before it or ahead of it in its batch', () => {
    // q4 posted on 2026-05-02; a late deal that closed earlier, posted afterwards, did not count for it.
    const late = accrual('q0', '2026-04-05', '10000.00', '2026-06-01T02:00:00.000Z');
    const withLate = [...ledger, late];
    const bookedFor = (quoteId: string, closeDate: string) =>
      bookedBeforeInQuarter({
        deal: { partnerId: 'P-1', quoteId, closeDate },
        partner: gold,
        programs: [program],
        ledger: withLate,
        pending: [pending('q-early', '2026-04-01', '50000.00')],
      }).toFixed(2);
    expect(bookedFor('q4', '2026-05-01')).toBe('600.00');
    expect(bookedFor('q0', '2026-04-05')).toBe('600.00');
    // A deal not posted yet sees the whole ledger as it will be, plus the queue ahead of it.
    expect(bookedFor('q-new', '2026-05-10')).toBe('60900.00');
  });
});

describe('summarizeQuarter', () => {
  const families: Record<string, ProductFamily> = { 'NET-0009': 'NETWORK' };

  it('adds what the ledger posted to what the batch will post, each pending deal counting those ahead', () => {
    const ledger = [
      { ...accrual('q1', '2026-04-02', '90000.00', '2026-04-03T02:00:00.000Z'), amount: usd('3600.00') },
      { ...accrual('q0', '2026-03-02', '1000.00', '2026-03-03T02:00:00.000Z'), amount: usd('40.00') },
    ];
    const summary = summarizeQuarter({
      partnerId: 'P-1',
      quarter: '2026-Q2',
      partner: gold,
      programs: [program],
      ledger,
      pending: [
        pending('q3', '2026-04-20', '10000.00'),
        pending('q2', '2026-04-10', '5000.00'),
        pending('q4', '2026-04-21', '1000.00', {
          lines: [{ lineId: 'x', sku: 'UNKNOWN', quantity: 1, netTotal: usd('1000.00') }],
        }),
        pending('q5', '2026-07-01', '1000.00'), // next quarter
      ],
      familyOf: (sku) => families[sku],
    });
    // q2: 5,000 x 4% = 200 (95,000 booked: below quota). q3: 10,000 x 4% = 400, half of it above the
    // 100,000 quota -> accelerator 400 x 5,000 / 10,000 x 0.5 = 100. The unknown product is rejected.
    expect(summary).toEqual({
      accruals: [ledger[0]],
      earned: usd('3600.00'),
      pending: usd('700.00'),
      projected: usd('4300.00'),
      booked: usd('105000.00'),
      quarterlyQuota: usd('100000.00'),
      quotaAttainmentPercent: '105.00',
    });
  });
});

/** The seeded ledger, in domain terms: every accrual it posted must come out of estimateDeal. */
describe.each([42, 102])('agreement with the seeded ledger (seed %i)', (seed) => {
  const dataset: Dataset = generateDataset({ seed, scale: 'small' });
  const families = new Map(
    dataset.products.map((p) => [p.ProductCode, p.Family.toUpperCase() as ProductFamily]),
  );
  const programs = dataset.incentives.programs.map(domainProgram);
  const ledger = dataset.incentives.accruals.map(domainAccrual);
  const wrongAmount = new Set(
    dataset.discrepancies.filter((d) => d.kind === 'accrual-wrong-amount').map((d) => d.quoteId),
  );

  it('estimates every posted accrual to the cent, component by component', () => {
    const closeDates = new Map(dataset.opportunities.map((o) => [o.SBQQ__PrimaryQuote__c, o.CloseDate]));
    const checked = ledger.filter((a) => !wrongAmount.has(a.quoteId));
    expect(checked.length).toBeGreaterThan(100);
    for (const posted of checked) {
      const account = dataset.partners.find((p) => p.id === posted.partnerId)!;
      const quote = dataset.quotes.find((q) => q.Id === posted.quoteId)!;
      const estimate = estimateDeal({
        deal: {
          partnerId: posted.partnerId,
          quoteId: posted.quoteId,
          closeDate: closeDates.get(posted.quoteId)!,
          currency: quote.CurrencyIsoCode,
          lines: dataset.quoteLines
            .filter((line) => line.SBQQ__Quote__c === quote.Id)
            .map((line) => ({
              sku: line.SBQQ__ProductCode__c,
              family: families.get(line.SBQQ__ProductCode__c)!,
              netTotal: line.SBQQ__NetTotal__c,
            })),
        },
        partner: {
          tier: account.partnerLevel.name.toUpperCase() as PartnerTier,
          currency: account.currencyCode,
          annualQuota: { amount: account.annualQuota, currency: account.currencyCode },
        },
        programs,
        ledger: ledger.filter((a) => a.partnerId === posted.partnerId),
        pending: [],
        familyOf: (sku) => families.get(sku),
      });
      const byKind = Object.fromEntries(estimate.components.map((c) => [c.kind, c.amount.amount]));
      expect({ quoteId: posted.quoteId, ...estimateParts(byKind, estimate.total.amount) }).toEqual({
        quoteId: posted.quoteId,
        base: posted.baseAmount.amount,
        spiff: posted.spiffAmount.amount,
        accelerator: posted.acceleratorAmount.amount,
        cap: posted.capAdjustment.amount,
        total: posted.amount.amount,
      });
    }
  });
});

function estimateParts(byKind: Record<string, string>, total: string) {
  return {
    base: byKind.BASE ?? '0.00',
    spiff: byKind.SPIFF ?? '0.00',
    accelerator: byKind.ACCELERATOR ?? '0.00',
    cap: byKind.CAP ?? '0.00',
    total,
  };
}
