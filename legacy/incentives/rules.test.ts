import { roundAmount } from '../../domain/money';
import {
  calculateCommission,
  programFor,
  quarterOf,
  RuleError,
  type Deal,
  type IncentiveProgram,
} from './rules';

const program: IncentiveProgram = {
  id: 'PRG-TEST',
  name: 'Test program',
  status: 'Active',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  baseRates: [
    { productFamily: 'Network', partnerTier: 'Gold', ratePercent: '4.00' },
    { productFamily: 'Security', partnerTier: 'Gold', ratePercent: '4.50' },
    { productFamily: 'Network', partnerTier: 'Registered', ratePercent: '2.00' },
    { productFamily: 'Cloud', partnerTier: 'Registered', ratePercent: '100.00' },
  ],
  spiffs: [
    {
      id: 'SPF-1',
      name: 'March router push',
      productCode: 'NET-0001',
      startDate: '2026-03-01',
      endDate: '2026-03-31',
      ratePercent: '2.00',
    },
    {
      id: 'SPF-2',
      name: 'Spring router push',
      productCode: 'NET-0001',
      startDate: '2026-03-15',
      endDate: '2026-04-15',
      ratePercent: '3.00',
    },
  ],
  accelerator: { quotaAttainmentPercent: '100', multiplier: '1.50' },
  dealCaps: [{ currency: 'USD', amount: '1000.00' }],
};

/** Network 10,000.00 on NET-0001 plus Security 5,000.00, at Gold: base 400.00 + 225.00. */
function goldDeal(overrides: Partial<Deal> = {}): Deal {
  return {
    partnerTier: 'Gold',
    closeDate: '2026-02-10',
    currency: 'USD',
    quarterlyQuota: '100000.00',
    bookedBeforeInQuarter: '0.00',
    lines: [
      { productCode: 'NET-0001', productFamily: 'Network', netTotal: '10000.00' },
      { productCode: 'SEC-0006', productFamily: 'Security', netTotal: '5000.00' },
    ],
    ...overrides,
  };
}

describe('calculateCommission', () => {
  it('pays the base rate of each line family at the partner tier, below quota and without SPIFF', () => {
    expect(calculateCommission(program, goldDeal())).toEqual({
      dealAmount: '15000.00',
      baseAmount: '625.00',
      spiffAmount: '0.00',
      acceleratorAmount: '0.00',
      capAdjustment: '0.00',
      amount: '625.00',
    });
  });

  it.each([
    ['the day before the window', '2026-02-28', '0.00'],
    ['the first day of the window', '2026-03-01', '200.00'],
    ['two overlapping SPIFFs (the highest rate only)', '2026-03-20', '300.00'],
    ['the last day of the window', '2026-04-15', '300.00'],
    ['the day after the window', '2026-04-16', '0.00'],
  ])('adds a SPIFF on the product on %s', (_case, closeDate, spiffAmount) => {
    const breakdown = calculateCommission(program, goldDeal({ closeDate }));
    expect(breakdown.spiffAmount).toBe(spiffAmount);
    expect(breakdown.amount).toBe((625 + Number(spiffAmount)).toFixed(2));
  });

  it('accelerates only the part of the deal above the quarterly quota', () => {
    // 95,000 booked + 15,000 = 110,000: 10,000 of 15,000 lies above the 100,000 quota.
    // 625 x 10,000 / 15,000 x 0.5 = 208.333... -> 208.33
    expect(calculateCommission(program, goldDeal({ bookedBeforeInQuarter: '95000.00' }))).toMatchObject({
      acceleratorAmount: '208.33',
      amount: '833.33',
    });
  });

  it('accelerates the whole deal once the quota was already met, and none of it below', () => {
    expect(
      calculateCommission(program, goldDeal({ bookedBeforeInQuarter: '120000.00' })).acceleratorAmount,
    ).toBe('312.50');
    expect(
      calculateCommission(program, goldDeal({ bookedBeforeInQuarter: '85000.00' })).acceleratorAmount,
    ).toBe('0.00');
  });

  it('applies the attainment percent of the accelerator to the quota', () => {
    const at80 = { ...program, accelerator: { quotaAttainmentPercent: '80', multiplier: '2' } };
    // threshold 80,000: 15,000 booked on top of 70,000 puts 5,000 above; 625 x 5,000 / 15,000 x 1
    expect(calculateCommission(at80, goldDeal({ bookedBeforeInQuarter: '70000.00' })).acceleratorAmount).toBe(
      '208.33',
    );
  });

  it('caps the deal after base, SPIFF and accelerator, and shows the cut', () => {
    // 625.00 + 300.00 SPIFF + 312.50 accelerator = 1237.50 against a 1000.00 cap
    expect(
      calculateCommission(program, goldDeal({ closeDate: '2026-03-20', bookedBeforeInQuarter: '200000.00' })),
    ).toEqual({
      dealAmount: '15000.00',
      baseAmount: '625.00',
      spiffAmount: '300.00',
      acceleratorAmount: '312.50',
      capAdjustment: '-237.50',
      amount: '1000.00',
    });
  });

  it('rounds half up, as domain/money.ts does, and each component once', () => {
    // 0.25 x 2% = 0.005: half up gives 0.01 where banker's rounding would give 0.00.
    const tiny = calculateCommission(
      program,
      goldDeal({
        partnerTier: 'Registered',
        lines: [{ productCode: 'NET-0002', productFamily: 'Network', netTotal: '0.25' }],
      }),
    );
    expect(tiny.baseAmount).toBe('0.01');
    // Two lines of 0.25 round once over their exact sum (0.01), not per line (0.02).
    const twoLines = calculateCommission(
      program,
      goldDeal({
        partnerTier: 'Registered',
        lines: [
          { productCode: 'NET-0002', productFamily: 'Network', netTotal: '0.25' },
          { productCode: 'NET-0003', productFamily: 'Network', netTotal: '0.25' },
        ],
      }),
    );
    expect(twoLines.baseAmount).toBe('0.01');
    for (const value of ['0.125', '0.135', '2.675', '1.005', '123456789.995']) {
      const atFullRate = calculateCommission(
        program,
        goldDeal({
          partnerTier: 'Registered',
          lines: [{ productCode: 'CLO-0011', productFamily: 'Cloud', netTotal: value }],
        }),
      );
      expect(atFullRate.baseAmount).toBe(roundAmount(value));
    }
  });

  it('earns nothing on an empty deal', () => {
    expect(calculateCommission(program, goldDeal({ lines: [] })).amount).toBe('0.00');
  });

  it('refuses a deal the program has no base rate or cap for', () => {
    expect(() => calculateCommission(program, goldDeal({ partnerTier: 'Platinum' }))).toThrow(RuleError);
    expect(() => calculateCommission(program, goldDeal({ currency: 'EUR' }))).toThrow(/no deal cap in EUR/);
  });
});

describe('quarterOf and programFor', () => {
  it('names calendar quarters', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-12-31'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
  });

  it('finds the program whose window holds the close date, both ends inclusive', () => {
    const previous = { ...program, id: 'PRG-OLD', startDate: '2025-01-01', endDate: '2025-12-31' };
    expect(programFor([previous, program], '2025-12-31')?.id).toBe('PRG-OLD');
    expect(programFor([previous, program], '2026-01-01')?.id).toBe('PRG-TEST');
    expect(programFor([previous, program], '2027-01-01')).toBeUndefined();
  });
});
