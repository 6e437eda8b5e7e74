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

function loadersAnswering(next: PendingQueue) {
  const pendingQueue = jest.fn(async (_notBefore?: number) => next);
  return { loaders: { pendingQueue } as unknown as IncentivesRequestLoaders, pendingQueue };
}

const BATCH = Date.parse('2026-11-25T02:00:00.000Z');

describe('partnerPending', () => {
  it("keeps the partner's queued deals from a listing made after the last batch run", async () => {
    const { loaders, pendingQueue } = loadersAnswering(listing(0, []));
    const shared = listing(BATCH + 60_000, [
      transaction('T1', 'P-1', 'Q1'),
      transaction('T2', 'P-2', 'Q2'),
      transaction('T3', 'P-1', 'Q3'),
    ]);

    const pending = await partnerPending(loaders, ledger(new Date(BATCH).toISOString()), shared);

    expect(pending.map((t) => t.id)).toEqual(['T1', 'T3']);
    expect(pendingQueue).not.toHaveBeenCalled();
  });

  it('lists the queue again when the shared listing may predate the batch, allowing for clock skew', async () => {
    const fresh = listing(BATCH + 5_000, [transaction('T3', 'P-1', 'Q3')]);
    const { loaders, pendingQueue } = loadersAnswering(fresh);
    // Listed a second after the system says the batch ran: within the skew, so not trusted.
    const shared = listing(BATCH + 1_000, [transaction('T1', 'P-1', 'Q1'), transaction('T3', 'P-1', 'Q3')]);

    const pending = await partnerPending(loaders, ledger(new Date(BATCH).toISOString()), shared);

    expect(pending.map((t) => t.id)).toEqual(['T3']);
    expect(pendingQueue).toHaveBeenCalledWith(BATCH + 2_000);
  });

  it('leaves out a queued deal the ledger already posted, and trusts any listing before the first batch', async () => {
    const { loaders, pendingQueue } = loadersAnswering(listing(0, []));
    const shared = listing(1, [transaction('T1', 'P-1', 'Q1'), transaction('T3', 'P-1', 'Q3')]);

    const pending = await partnerPending(loaders, ledger(null, ['Q1']), shared);

    expect(pending.map((t) => t.id)).toEqual(['T3']);
    expect(pendingQueue).not.toHaveBeenCalled();
  });

  it('answers no deals for a partner with nothing queued', async () => {
    const { loaders } = loadersAnswering(listing(0, []));

    expect(await partnerPending(loaders, ledger(null), listing(1, [transaction('T2', 'P-2', 'Q2')]))).toEqual(
      [],
    );
  });
});
