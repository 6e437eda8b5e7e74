import { Registry } from 'prom-client';
import { createIncentivesApp } from '../../legacy/incentives/server';
import { generateDataset } from '../../legacy/seed/dataset';
import { listen, type RunningServer } from '../../runtime';
import { domainAccrual, domainProgram } from '../../test/incentives-in-domain-terms';
import { createLegacyHealthRegistry, createMemoryCache, DEFAULT_BREAKER_OPTIONS } from '../http';
import { upstreamErrorOf } from '../http/testing';
import { waitFor } from '../../test/wait-for';
import { ALL_PROGRAMS, createIncentivesAdapter, type IncentivesConfig } from './client';

const CREDENTIALS = { username: 'ics-test', password: 'ics-test-password' };
const PROGRAMS = 'GET /ics/v1/programs';
const PARTNER_ACCRUALS = 'GET /ics/v1/partners/:partnerId/accruals';
const QUOTE_ACCRUALS = 'GET /ics/v1/accruals';
const TRANSACTIONS = 'GET /ics/v1/transactions';
const dataset = generateDataset({ seed: 7, scale: 'small' });

// What the adapter must answer: the stand-in's own records, in domain terms.
const expectedAccrual = domainAccrual;
const expectedProgram = (index: number) => domainProgram(dataset.incentives.programs[index]!);

async function legacyCalls(server: RunningServer): Promise<Record<string, number>> {
  const response = await fetch(`${server.url}/__stats`);
  return ((await response.json()) as { calls: Record<string, number> }).calls;
}

async function injectFault(server: RunningServer, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${server.url}/__faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(response.status).toBe(201);
}

describe('createIncentivesAdapter against the incentives stand-in', () => {
  let server: RunningServer;
  const adapters: Array<{ http: { close(): void } }> = [];

  function adapterWith(overrides: Partial<IncentivesConfig> = {}) {
    const adapter = createIncentivesAdapter({
      baseUrl: server.url,
      ...CREDENTIALS,
      timeoutMs: 5000,
      breaker: DEFAULT_BREAKER_OPTIONS,
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5 },
      cache: createMemoryCache(),
      registry: new Registry(),
      health: createLegacyHealthRegistry(),
      ...overrides,
    });
    adapters.push(adapter);
    return adapter;
  }

  beforeAll(async () => {
    server = await listen(
      createIncentivesApp(dataset, { ...CREDENTIALS, latencyMs: { min: 0, max: 0 } }).app,
      0,
    );
  });
  afterAll(async () => {
    for (const adapter of adapters) adapter.http.close();
    await server?.close();
  });
  beforeEach(async () => {
    await fetch(`${server.url}/__stats`, { method: 'DELETE' });
    await fetch(`${server.url}/__faults`, { method: 'DELETE' });
  });

  it('lists every program with its rules in one call, then serves them from the cache', async () => {
    const adapter = adapterWith();

    const first = await adapter.createLoaders().programs.load(ALL_PROGRAMS);
    const second = await adapter.createLoaders().programs.load(ALL_PROGRAMS);

    expect(first.value).toEqual([expectedProgram(0), expectedProgram(1), expectedProgram(2)]);
    expect(first.freshness.stale).toBe(false);
    expect(second.value).toEqual(first.value);
    expect(second.freshness).toMatchObject({ stale: false, asOf: first.freshness.asOf });
    expect(await legacyCalls(server)).toEqual({ [PROGRAMS]: 1 });
  });

  it("reads a partner's whole ledger, in posting order", async () => {
    const partnerId = dataset.incentives.accruals[0]!.partnerId;
    const expected = dataset.incentives.accruals.filter((a) => a.partnerId === partnerId);
    expect(expected.length).toBeGreaterThan(1);

    const ledger = await adapterWith().createLoaders().accrualsByPartnerId.load(partnerId);

    expect(ledger).toEqual({
      partnerId,
      accruals: expected.map(expectedAccrual),
      lastBatchRunAt: dataset.incentives.lastBatchRunAt,
    });
    expect(await legacyCalls(server)).toEqual({ [PARTNER_ACCRUALS]: 1 });
  });

  it('answers an empty ledger for a partner the system does not know', async () => {
    expect(await adapterWith().createLoaders().accrualsByPartnerId.load('P-99999')).toEqual({
      partnerId: 'P-99999',
      accruals: [],
      lastBatchRunAt: null,
    });
  });

  it('reads the accruals of 150 quotes in two calls of at most 100 ids, null where none is posted', async () => {
    const accrued = dataset.incentives.accruals.slice(0, 140);
    const quoteIds = [
      ...accrued.map((a) => a.quoteId),
      ...Array.from({ length: 10 }, (_, i) => `a0Qnone${i}`),
    ];
    const loaders = adapterWith().createLoaders();

    const accruals = await Promise.all(quoteIds.map((id) => loaders.accrualsByQuoteId.load(id)));

    expect(accruals).toEqual([...accrued.map(expectedAccrual), ...Array(10).fill(null)]);
    expect(await legacyCalls(server)).toEqual({ [QUOTE_ACCRUALS]: 2 });
  });

  it('lists the transactions waiting for the nightly batch', async () => {
    const { transactions: pending, byPartner } = await adapterWith().createLoaders().pendingQueue();

    expect(pending.map((t) => [t.id, t.quoteId, t.closeDate, t.status])).toEqual(
      dataset.incentives.pendingTransactions.map((t) => [t.id, t.quoteId, t.closeDate, 'PENDING']),
    );
    expect(pending[0]!.lines).toEqual(
      dataset.incentives.pendingTransactions[0]!.lines.map((line) => ({
        lineId: line.lineId,
        sku: line.productCode,
        quantity: line.quantity,
        netTotal: { amount: line.netTotal, currency: pending[0]!.currency },
      })),
    );
    expect([...byPartner.values()].flat()).toHaveLength(pending.length);
    for (const [partnerId, own] of byPartner) {
      expect(own).toEqual(pending.filter((t) => t.partnerId === partnerId));
    }
    expect(await legacyCalls(server)).toEqual({ [TRANSACTIONS]: 1 });
  });

  it('shares one listing of the pending queue across requests while it is fresh, one call at a time', async () => {
    const adapter = adapterWith({ pendingTtlMs: 60_000 });
    const first = adapter.createLoaders();
    const second = adapter.createLoaders();

    const [a, b] = await Promise.all([first.pendingQueue(), second.pendingQueue()]);
    const later = await adapter.createLoaders().pendingQueue();

    expect(b).toBe(a);
    expect(later).toBe(a);
    expect(await legacyCalls(server)).toEqual({ [TRANSACTIONS]: 1 });
  });

  it('lists the queue again once per new batch run the ledger reports, whatever the clocks say', async () => {
    const adapter = adapterWith({ pendingTtlMs: 60_000 });
    const before = await adapter.createLoaders().pendingQueue();
    await waitFor('a millisecond after the listing', () => Date.now() > before.listedAt);
    const loaders = adapter.createLoaders();

    // First sight of this batch run: the shared listing may predate it, so it is listed again.
    const afterBatch = await loaders.pendingQueue('2026-11-25T02:00:00.000Z');

    expect(afterBatch.listedAt).toBeGreaterThan(before.listedAt);
    expect(await loaders.pendingQueue('2026-11-25T02:00:00.000Z')).toBe(afterBatch);
    // Other requests seeing the same batch run, or none, share that listing.
    expect(await adapter.createLoaders().pendingQueue('2026-11-25T02:00:00.000Z')).toBe(afterBatch);
    expect(await adapter.createLoaders().pendingQueue()).toBe(afterBatch);
    expect(await legacyCalls(server)).toEqual({ [TRANSACTIONS]: 2 });

    // A later batch run (even one stamped in the past by a slow clock): listed again, once.
    await waitFor('a millisecond after the listing', () => Date.now() > afterBatch.listedAt);
    const next = await adapter.createLoaders().pendingQueue('2020-01-01T00:00:00.000Z');
    expect(next.listedAt).toBeGreaterThan(afterBatch.listedAt);
    expect(await adapter.createLoaders().pendingQueue('2020-01-01T00:00:00.000Z')).toBe(next);
    expect(await legacyCalls(server)).toEqual({ [TRANSACTIONS]: 3 });
  });

  it('fails only the caller whose own deadline passes, not the others waiting for the same listing', async () => {
    const adapter = adapterWith({ pendingTtlMs: 60_000 });
    await injectFault(server, { latencyMs: 300 });
    const hurried = adapter.createLoaders({ deadline: Date.now() + 100 });
    const patient = adapter.createLoaders({ deadline: Date.now() + 10_000 });

    const [short, long] = await Promise.allSettled([hurried.pendingQueue(), patient.pendingQueue()]);

    expect(short).toMatchObject({ status: 'rejected', reason: { code: 'UPSTREAM_TIMEOUT' } });
    expect(long.status).toBe('fulfilled');
    expect(long.status === 'fulfilled' && long.value.transactions).toHaveLength(
      dataset.incentives.pendingTransactions.length,
    );
    expect(await legacyCalls(server)).toEqual({ [TRANSACTIONS]: 1 });
  });

  it('lists the queue for every request when pendingTtlMs is 0, and keeps a failed listing out of the cache', async () => {
    const uncached = adapterWith({ pendingTtlMs: 0 });
    await uncached.createLoaders().pendingQueue();
    await uncached.createLoaders().pendingQueue();
    expect(await legacyCalls(server)).toEqual({ [TRANSACTIONS]: 2 });

    const cached = adapterWith({ pendingTtlMs: 60_000 });
    await injectFault(server, { down: true });
    await expect(cached.createLoaders().pendingQueue()).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
    });
    await fetch(`${server.url}/__faults`, { method: 'DELETE' });
    const listed = await cached.createLoaders().pendingQueue();
    expect(listed.transactions).toHaveLength(dataset.incentives.pendingTransactions.length);
  });

  it('refuses a pendingTtlMs that is not a non-negative integer', () => {
    expect(() => adapterWith({ pendingTtlMs: -1 })).toThrow(/pendingTtlMs/);
    expect(() => adapterWith({ pendingTtlMs: 1.5 })).toThrow(/pendingTtlMs/);
  });

  it.each([
    ['wrong-types', 'UPSTREAM_BAD_RESPONSE'],
    ['truncate', 'UPSTREAM_BAD_RESPONSE'],
  ])('rejects a %s body as %s, never as data', async (malformed, code) => {
    await injectFault(server, { malformed });
    const loaders = adapterWith().createLoaders();

    await expect(loaders.accrualsByPartnerId.load('P-00001')).rejects.toMatchObject({
      code,
      upstream: { system: 'incentives', operation: 'listPartnerAccruals' },
    });
    await expect(loaders.programs.load(ALL_PROGRAMS)).rejects.toMatchObject({ code });
    await expect(loaders.pendingQueue()).rejects.toMatchObject({ code });
  });

  it('reports wrong credentials as UPSTREAM_UNAVAILABLE, without the credentials in the message', async () => {
    const adapter = adapterWith({ password: 'wrong-password' });

    const error = await upstreamErrorOf(adapter.createLoaders().accrualsByPartnerId.load('P-00001'));

    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { system: 'incentives' } });
    expect(error.message).not.toMatch(/wrong-password|ics-test/);
  });

  it('serves the programs it read before, marked stale, while the system is down; the ledger fails', async () => {
    const adapter = adapterWith({ programCache: { ttlMs: 1, staleTtlMs: 60_000 } });
    const fetched = await adapter.createLoaders().programs.load(ALL_PROGRAMS);
    await injectFault(server, { down: true });
    const fetchedAt = Date.parse(fetched.freshness.asOf);
    await waitFor('the programs past their time to live', () => Date.now() > fetchedAt + 1);
    const loaders = adapter.createLoaders();

    const stale = await loaders.programs.load(ALL_PROGRAMS);

    expect(stale.value).toEqual(fetched.value);
    expect(stale.freshness).toMatchObject({ stale: true, asOf: fetched.freshness.asOf });
    await expect(loaders.accrualsByPartnerId.load('P-00001')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
    });
  });
});
