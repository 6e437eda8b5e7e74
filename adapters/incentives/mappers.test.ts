import { UpstreamError } from '../http';
import { toAccrual, toIncentiveProgram, toIncentiveTransaction } from './mappers';

const ACCRUAL = {
  Id: 'ACR-0000042',
  TransactionId: 'TXN-0000042',
  PartnerId: 'P-00042',
  QuoteId: 'a0Q00000000001AAA',
  ProgramId: 'PRG-2026-CORE',
  CloseDate: '2026-11-02',
  Quarter: '2026-Q4',
  Currency: 'EUR',
  PartnerTier: 'Platinum',
  DealAmount: '50000.00',
  BaseAmount: '2500.00',
  SpiffAmount: '100.00',
  AcceleratorAmount: '1250.00',
  CapAdjustment: '0.00',
  Amount: '3850.00',
  Status: 'Posted',
  PostedAt: '2026-11-03T02:00:00.000Z',
};

const PROGRAM = {
  Id: 'PRG-2026-CORE',
  Name: '2026 Partner Incentive Program',
  Status: 'Closed',
  StartDate: '2026-01-01',
  EndDate: '2026-12-31',
  BaseRates: { BaseRate: [{ ProductFamily: 'Support', PartnerTier: 'Registered', RatePercent: '1.00' }] },
  Spiffs: {
    Spiff: [
      {
        Id: 'SPF-1',
        Name: 'Edge push',
        ProductCode: 'NET-0001',
        StartDate: '2026-03-01',
        EndDate: '2026-03-31',
        RatePercent: '2.00',
      },
    ],
  },
  Accelerator: { QuotaAttainmentPercent: '100', Multiplier: '1.50' },
  DealCaps: '',
};

function mappingError(map: (record: unknown) => unknown, record: unknown): unknown {
  try {
    map(record);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('toAccrual', () => {
  it('maps a ledger entry to an Accrual, amounts as Money in its currency', () => {
    const eur = (amount: string) => ({ amount, currency: 'EUR' });
    expect(toAccrual(ACCRUAL)).toEqual({
      id: 'ACR-0000042',
      transactionId: 'TXN-0000042',
      partnerId: 'P-00042',
      quoteId: 'a0Q00000000001AAA',
      programId: 'PRG-2026-CORE',
      closeDate: '2026-11-02',
      quarter: '2026-Q4',
      partnerTier: 'PLATINUM',
      dealAmount: eur('50000.00'),
      baseAmount: eur('2500.00'),
      spiffAmount: eur('100.00'),
      acceleratorAmount: eur('1250.00'),
      capAdjustment: eur('0.00'),
      amount: eur('3850.00'),
      postedAt: '2026-11-03T02:00:00.000Z',
    });
  });

  it.each([
    ['null', null],
    ['text turned into lengths (the wrong-types fault)', { ...ACCRUAL, CloseDate: '10', Quarter: '7' }],
    ['an amount that is not a decimal', { ...ACCRUAL, Amount: '3,850.00' }],
    ['an unknown tier', { ...ACCRUAL, PartnerTier: 'Diamond' }],
    ['a status other than Posted', { ...ACCRUAL, Status: 'Pending' }],
    ['a missing quote id', { ...ACCRUAL, QuoteId: undefined }],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', (_case, record) => {
    expect(mappingError(toAccrual, record)).toBeInstanceOf(UpstreamError);
    expect(mappingError(toAccrual, record)).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      upstream: { system: 'incentives', operation: 'mapAccrual' },
    });
  });
});

describe('toIncentiveProgram', () => {
  it('maps rules to domain names, and an empty list to none', () => {
    expect(toIncentiveProgram(PROGRAM)).toEqual({
      id: 'PRG-2026-CORE',
      name: '2026 Partner Incentive Program',
      status: 'CLOSED',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      baseRates: [{ productFamily: 'SUPPORT', partnerTier: 'REGISTERED', ratePercent: '1.00' }],
      spiffs: [
        {
          id: 'SPF-1',
          name: 'Edge push',
          sku: 'NET-0001',
          startDate: '2026-03-01',
          endDate: '2026-03-31',
          ratePercent: '2.00',
        },
      ],
      accelerator: { quotaAttainmentPercent: '100', multiplier: '1.50' },
      dealCaps: [],
    });
  });

  it.each([
    [
      'a single base rate not read as a list',
      { ...PROGRAM, BaseRates: { BaseRate: PROGRAM.BaseRates.BaseRate[0] } },
    ],
    [
      'an unknown product family',
      {
        ...PROGRAM,
        BaseRates: { BaseRate: [{ ...PROGRAM.BaseRates.BaseRate[0], ProductFamily: 'Hardware' }] },
      },
    ],
    ['a date turned into its length', { ...PROGRAM, StartDate: '10' }],
    ['a missing accelerator', { ...PROGRAM, Accelerator: '' }],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', (_case, record) => {
    expect(mappingError(toIncentiveProgram, record)).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });
});

describe('toIncentiveTransaction', () => {
  const TRANSACTION = {
    Id: 'TXN-0000007',
    Status: 'Rejected',
    RejectionReason: 'unknown product X',
    PartnerId: 'P-00007',
    QuoteId: 'a0Q7',
    CloseDate: '2026-11-30',
    Currency: 'GBP',
    ReceivedAt: '2026-11-30T20:00:00.000Z',
    Lines: { Line: [{ LineId: 'L-1', ProductCode: 'X', Quantity: '3', NetTotal: '30.00' }] },
  };

  it('maps a transaction with its lines', () => {
    expect(toIncentiveTransaction(TRANSACTION)).toEqual({
      id: 'TXN-0000007',
      status: 'REJECTED',
      rejectionReason: 'unknown product X',
      partnerId: 'P-00007',
      quoteId: 'a0Q7',
      closeDate: '2026-11-30',
      currency: 'GBP',
      receivedAt: '2026-11-30T20:00:00.000Z',
      lines: [{ lineId: 'L-1', sku: 'X', quantity: 3, netTotal: { amount: '30.00', currency: 'GBP' } }],
    });
  });

  it('rejects a fractional quantity as UPSTREAM_BAD_RESPONSE', () => {
    const record = { ...TRANSACTION, Lines: { Line: [{ ...TRANSACTION.Lines.Line[0], Quantity: '1.5' }] } };
    expect(mappingError(toIncentiveTransaction, record)).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });
});
