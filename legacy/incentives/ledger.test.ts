import { IncentiveLedger, type IncentiveTransaction, type LedgerReferenceData } from './ledger';
import type { IncentiveProgram } from './rules';

const program: IncentiveProgram = {
  id: 'PRG-T',
  name: 'Test',
  status: 'Active',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  baseRates: [{ productFamily: 'Network', partnerTier: 'Gold', ratePercent: '10.00' }],
  spiffs: [],
  accelerator: { quotaAttainmentPercent: '100', multiplier: '2' },
  dealCaps: [{ currency: 'USD', amount: '1000000.00' }],
};

const reference: LedgerReferenceData = {
  programs: [program],
  // A quarterly quota of 1,000.00.
  partners: new Map([
    ['P-1', { tier: 'Gold', annualQuota: '4000.00', currency: 'USD' }],
    ['P-2', { tier: 'Gold', annualQuota: '4000.00', currency: 'USD' }],
  ]),
  productFamilies: new Map([['NET-1', 'Network']]),
};

function deal(quoteId: string, closeDate: string, netTotal: string, partnerId = 'P-1'): IncentiveTransaction {
  return {
    id: `TXN-${quoteId}`,
    partnerId,
    quoteId,
    closeDate,
    currency: 'USD',
    lines: [{ lineId: `${quoteId}-1`, productCode: 'NET-1', quantity: 1, netTotal }],
    receivedAt: `${closeDate}T20:00:00.000Z`,
  };
}

describe('IncentiveLedger', () => {
  it("counts toward quota only the partner's deals of the same quarter that closed earlier", () => {
    const ledger = new IncentiveLedger(reference);
    ledger.post(deal('q1', '2026-04-02', '600.00'), 'now');
    ledger.post(deal('q2', '2026-03-31', '5000.00'), 'now'); // previous quarter
    ledger.post(deal('q3', '2026-04-10', '700.00', 'P-2'), 'now'); // another partner
    ledger.post(deal('q4', '2026-05-01', '300.00'), 'now'); // later in the quarter
    expect(ledger.bookedBefore('P-1', '2026-04-20', 'q9')).toBe('600.00');
    // Same close date: the lower quote id counts as earlier.
    expect(ledger.bookedBefore('P-1', '2026-04-02', 'q0')).toBe('0.00');
    expect(ledger.bookedBefore('P-1', '2026-04-02', 'q2')).toBe('600.00');
  });

  it('accelerates the part of a deal above the quarterly quota, given what was booked before', () => {
    const ledger = new IncentiveLedger(reference);
    const first = ledger.post(deal('q1', '2026-04-02', '600.00'), '2026-04-03T02:00:00.000Z');
    const second = ledger.post(deal('q2', '2026-04-05', '800.00'), '2026-04-06T02:00:00.000Z');
    expect(first).toEqual({
      posted: expect.objectContaining({
        id: 'ACR-0000001',
        baseAmount: '60.00',
        acceleratorAmount: '0.00',
        amount: '60.00',
      }),
    });
    // 600 + 800 = 1,400: 400 of the 800 lie above the 1,000 quota -> 80 x 400/800 x (2 - 1) = 40.
    expect(second).toEqual({
      posted: expect.objectContaining({
        id: 'ACR-0000002',
        transactionId: 'TXN-q2',
        programId: 'PRG-T',
        quarter: '2026-Q2',
        partnerTier: 'Gold',
        dealAmount: '800.00',
        baseAmount: '80.00',
        acceleratorAmount: '40.00',
        amount: '120.00',
        status: 'Posted',
        postedAt: '2026-04-06T02:00:00.000Z',
      }),
    });
    expect(ledger.forPartner('P-1').map((a) => a.quoteId)).toEqual(['q1', 'q2']);
    expect(ledger.forQuote('q2')?.id).toBe('ACR-0000002');
  });

  it.each([
    ['an unknown partner', deal('q1', '2026-04-02', '1.00', 'P-9'), 'unknown partner P-9'],
    [
      'another currency',
      { ...deal('q1', '2026-04-02', '1.00'), currency: 'EUR' },
      'partner P-1 is paid in USD',
    ],
    ['a date no program covers', deal('q1', '2027-01-01', '1.00'), 'no program covers close date 2027-01-01'],
    [
      'an unknown product',
      {
        ...deal('q1', '2026-04-02', '1.00'),
        lines: [{ lineId: 'l', productCode: 'X', quantity: 1, netTotal: '1.00' }],
      },
      'unknown product X',
    ],
  ])('rejects %s without posting', (_case, transaction, reason) => {
    const ledger = new IncentiveLedger(reference);
    expect(ledger.post(transaction, 'now')).toEqual({ rejected: reason });
    expect(ledger.all()).toEqual([]);
  });

  it('rejects a second accrual for the same quote', () => {
    const ledger = new IncentiveLedger(reference);
    ledger.post(deal('q1', '2026-04-02', '1.00'), 'now');
    expect(ledger.post(deal('q1', '2026-04-03', '2.00'), 'now')).toEqual({
      rejected: 'quote q1 already has an accrual',
    });
  });
});
