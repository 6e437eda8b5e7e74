import type { IncentivesRequestLoaders, PendingQueue } from '../../adapters/incentives';
import type { Accrual, IncentiveTransaction, PartnerAccruals } from '../../domain';
import { partnerPending } from './commission';

function transaction(id: string, partnerId: string, quoteId: string): IncentiveTransaction {
  return {
    id,
    status: 'PENDING',
    rejectionReason: null,
    partnerId,
    quoteId,
    closeDate: '2026-11-20',
    currency: 'USD',
    receivedAt: '2026-11-20T10:00:00.000Z',
    lines: [],
  };
}

function listing(listedAt: number, transactions: IncentiveTransaction[]): PendingQueue {
  const byPartner = new Map<string, IncentiveTransaction[]>();
  for (const t of transactions) byPartner.set(t.partnerId, [...(byPartner.get(t.partnerId) ?? []), t]);
  return { listedAt, transactions, byPartner };
}

function ledger(lastBatchRunAt: string | null, postedQuoteIds: string[] = []): PartnerAccruals {
  return {
    partnerId: 'P-1',
    lastBatchRunAt,
    accruals: postedQuoteIds.map((quoteId) => ({ quoteId }) as Accrual),
  };
}

function loadersAnswering(queue: PendingQueue) {
  const pendingQueue = jest.fn(async (_lastBatchRunAt?: string | null) => queue);
  return { loaders: { pendingQueue } as unknown as IncentivesRequestLoaders, pendingQueue };
}

describe('partnerPending', () => {
  it("keeps the partner's queued deals, from a listing asked for with the ledger's last batch run", async () => {
    const { loaders, pendingQueue } = loadersAnswering(
      listing(1, [
        transaction('T1', 'P-1', 'Q1'),
        transaction('T2', 'P-2', 'Q2'),
        transaction('T3', 'P-1', 'Q3'),
      ]),
    );

    const pending = await partnerPending(loaders, ledger('2026-11-25T02:00:00.000Z'));

    expect(pending.map((t) => t.id)).toEqual(['T1', 'T3']);
    expect(pendingQueue).toHaveBeenCalledWith('2026-11-25T02:00:00.000Z');
  });

  it('leaves out a queued deal the ledger already posted', async () => {
    const { loaders } = loadersAnswering(
      listing(1, [transaction('T1', 'P-1', 'Q1'), transaction('T3', 'P-1', 'Q3')]),
    );

    const pending = await partnerPending(loaders, ledger(null, ['Q1']));

    expect(pending.map((t) => t.id)).toEqual(['T3']);
  });

  it('answers no deals for a partner with nothing queued', async () => {
    const { loaders } = loadersAnswering(listing(1, [transaction('T2', 'P-2', 'Q2')]));

    expect(await partnerPending(loaders, ledger(null))).toEqual([]);
  });
});
