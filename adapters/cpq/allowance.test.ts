import { Registry } from 'prom-client';
import { createCpqApp } from '../../legacy/cpq/server';
import { generateDataset } from '../../legacy/seed/dataset';
import { listen, type RunningServer } from '../../runtime';
import {
  type AllowancePolicy,
  createLegacyHealthRegistry,
  DEFAULT_BREAKER_OPTIONS,
  isUpstreamError,
} from '../http';
import { type CpqAdapter, createCpqAdapter } from './client';

/**
 * The CPQ's API allowance (Salesforce's org-wide request limit, `Sforce-Limit-Info`) shared
 * fairly: as it runs out, bulk reads are shed before interactive quote work, and no partner may
 * spend more than its share of what is left. Shed calls never reach the CPQ.
 */
const CREDENTIALS = { clientId: 'partner-graph', clientSecret: 'cpq-test-secret' };
const dataset = generateDataset({ seed: 11, scale: 'small' });
const QUERY = 'GET /services/data/v60.0/query';
const COMPOSITE = 'GET /services/data/v60.0/composite/sobjects/:sobject';

async function startCpq(maxRequests: number, policy: AllowancePolicy) {
  const server = await listen(
    createCpqApp(dataset, {
      ...CREDENTIALS,
      tokenTtlMs: 60 * 60 * 1000,
      queryBatchSize: 2000,
      apiRequestLimit: { maxRequests, windowMs: 60 * 60 * 1000 },
    }).app,
    0,
  );
  const registry = new Registry();
  const adapter = createCpqAdapter({
    baseUrl: server.url,
    ...CREDENTIALS,
    timeoutMs: 5000,
    breaker: { ...DEFAULT_BREAKER_OPTIONS, volumeThreshold: 2 },
    allowancePolicy: policy,
    registry,
    health: createLegacyHealthRegistry(),
  });
  return { server, adapter, registry };
}

async function calls(server: RunningServer): Promise<Record<string, number>> {
  return ((await (await fetch(`${server.url}/__stats`)).json()) as { calls: Record<string, number> }).calls;
}

type Outcome = 'ok' | 'shed' | 'refused';

async function outcomeOf(load: Promise<unknown>): Promise<Outcome> {
  try {
    await load;
    return 'ok';
  } catch (error) {
    if (isUpstreamError(error) && error.upstream.shed) return 'shed';
    return 'refused';
  }
}

describe('the CPQ allowance near its end', () => {
  let cpq: Awaited<ReturnType<typeof startCpq>>;
  const quote = dataset.quotes[0]!;
  beforeAll(async () => {
    cpq = await startCpq(40, {
      shedBelow: { bulk: 0.5, standard: 0.25, interactive: 0.1 },
      partnerShare: 1,
      readingTtlMs: 60_000,
    });
  });
  afterAll(async () => {
    cpq.adapter.http.close();
    await cpq.server.close();
  });

  it('sheds bulk reads before interactive quote work, and never spends the last of it', async () => {
    const history: Array<{ bulk: Outcome; interactive: Outcome }> = [];
    for (let round = 0; round < 30; round += 1) {
      const loaders = cpq.adapter.createLoaders({ partnerId: quote.SBQQ__Partner__c });
      history.push({
        // A partner's whole quote list (bulk), then one quote it is working on (interactive).
        bulk: await outcomeOf(loaders.quotesByPartnerId.load(quote.SBQQ__Partner__c)),
        interactive: await outcomeOf(loaders.quoteById.load(quote.Id)),
      });
    }

    const firstBulkShed = history.findIndex((round) => round.bulk === 'shed');
    const firstInteractiveShed = history.findIndex((round) => round.interactive === 'shed');
    expect(firstBulkShed).toBeGreaterThan(0);
    expect(firstInteractiveShed).toBeGreaterThan(firstBulkShed);
    // Between the two, quote work still went through while every bulk read was shed.
    const between = history.slice(firstBulkShed, firstInteractiveShed);
    expect(between.length).toBeGreaterThanOrEqual(5);
    expect(between.every((round) => round.bulk === 'shed' && round.interactive === 'ok')).toBe(true);
    expect(history.some((round) => round.bulk === 'refused' || round.interactive === 'refused')).toBe(false);

    // Shed calls were never sent: the CPQ counted only what went through, and kept some allowance.
    const sent = await calls(cpq.server);
    const admitted = (kind: 'bulk' | 'interactive') => history.filter((round) => round[kind] === 'ok').length;
    expect(sent[QUERY]).toBe(admitted('bulk'));
    expect(sent[COMPOSITE]).toBe(admitted('interactive'));
    expect(cpq.adapter.http.allowance()).toMatchObject({
      system: 'cpq',
      max: 40,
      shedding: ['interactive', 'standard', 'bulk'],
    });
    expect(cpq.adapter.http.allowance().remaining).toBeGreaterThan(0);
  });

  it('fails a shed call fast with UPSTREAM_RATE_LIMITED and a reason, leaving the breaker closed', async () => {
    const failure = await cpq.adapter
      .createLoaders()
      .quotesByPartnerId.load(quote.SBQQ__Partner__c)
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      message: expect.stringMatching(
        /cpq API allowance is nearly spent \(\d+ of 40 left\): bulk calls are shed/,
      ),
      upstream: { system: 'cpq', operation: 'queryQuotes', breaker: 'closed', shed: 'allowance-low' },
    });
    expect(cpq.adapter.http.breakerStates()).toMatchObject({ queryQuotes: 'closed', getQuotes: 'closed' });
    const metrics = await cpq.registry.metrics();
    expect(metrics).toMatch(/legacy_api_allowance_max\{system="cpq"\} 40/);
    expect(metrics).toMatch(
      /legacy_shed_calls_total\{system="cpq",operation="queryQuotes",priority="bulk",reason="allowance-low"\} [1-9]/,
    );
  });
});

describe("a partner's share of a low CPQ allowance", () => {
  let cpq: Awaited<ReturnType<typeof startCpq>>;
  const quote = dataset.quotes[0]!;
  beforeAll(async () => {
    // Low from the first answer on (49 of 50 left is under 99 %): each partner may make a fifth of 49.
    cpq = await startCpq(50, {
      shedBelow: { bulk: 0.99, standard: 0, interactive: 0 },
      partnerShare: 0.2,
      readingTtlMs: 60_000,
    });
  });
  afterAll(async () => {
    cpq.adapter.http.close();
    await cpq.server.close();
  });

  const interactiveCallFor = (adapter: CpqAdapter, partnerId: string) =>
    outcomeOf(adapter.createLoaders({ partnerId }).quoteById.load(quote.Id));

  it('sheds the calls of the partner that used its share, not the others', async () => {
    // The first answer tells the adapter how much is left.
    expect(await interactiveCallFor(cpq.adapter, 'P-BUSY')).toBe('ok');
    const busy: Outcome[] = [];
    for (let call = 0; call < 15; call += 1) busy.push(await interactiveCallFor(cpq.adapter, 'P-BUSY'));

    expect(busy.filter((outcome) => outcome === 'ok')).toHaveLength(Math.floor(49 * 0.2));
    expect(busy.slice(Math.floor(49 * 0.2))).toEqual(Array(15 - 9).fill('shed'));
    const failure = await cpq.adapter
      .createLoaders({ partnerId: 'P-BUSY' })
      .quoteById.load(quote.Id)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', upstream: { shed: 'partner-share' } });
    expect(await interactiveCallFor(cpq.adapter, 'P-QUIET')).toBe('ok');
  });
});
