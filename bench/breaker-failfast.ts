import { performance } from 'node:perf_hooks';
import { Registry } from 'prom-client';
import { createCpqAdapter, type CpqAdapter } from '../adapters/cpq';
import { createLegacyHealthRegistry, DEFAULT_BREAKER_OPTIONS, isUpstreamError } from '../adapters/http';
import { DEFAULT_CPQ_OPTIONS, generateDataset } from '../legacy';
import { createCpqApp } from '../legacy/cpq/server';
import { listen, type RunningServer } from '../runtime';

/**
 * What the adapter breaker buys when the CPQ goes down: the latency of a quote read through the
 * CPQ adapter (adapters/http underneath) when the CPQ is healthy, when it is down and the breaker
 * is held closed (every call tries, retries, and fails), and when it is down and the breaker is
 * open (every call fails fast without touching the network).
 *
 *   npx tsx bench/breaker-failfast.ts [calls]      (calls per scenario, default 500, at most 5000)
 *
 * Calls are sequential, one DataLoader per call (as one GraphQL request each), on one process
 * with the CPQ stand-in on 127.0.0.1. The whole run is bounded to 120 s.
 */
const calls = Math.min(5000, Math.max(10, Number(process.argv[2] ?? 500) || 500));
/** Down without a breaker costs retries and backoff on every call; fewer calls keep the run short. */
const downClosedCalls = Math.min(calls, 100);
const RUN_LIMIT_MS = 120_000;

interface Row {
  scenario: string;
  calls: number;
  p50: number;
  p95: number;
  max: number;
  outcome: string;
  legacyCalls: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function legacyCallCount(server: RunningServer): Promise<number> {
  const stats = (await (await fetch(`${server.url}/__stats`)).json()) as { total: number };
  return stats.total;
}

async function setDown(server: RunningServer, down: boolean): Promise<void> {
  await fetch(`${server.url}/__faults`, { method: 'DELETE' });
  if (down) {
    await fetch(`${server.url}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ down: true }),
    });
  }
}

function adapterFor(server: RunningServer, volumeThreshold: number): CpqAdapter {
  return createCpqAdapter({
    baseUrl: server.url,
    clientId: DEFAULT_CPQ_OPTIONS.clientId,
    clientSecret: DEFAULT_CPQ_OPTIONS.clientSecret,
    timeoutMs: 3000,
    breaker: { ...DEFAULT_BREAKER_OPTIONS, volumeThreshold, resetTimeoutMs: RUN_LIMIT_MS },
    registry: new Registry(),
    health: createLegacyHealthRegistry(),
  });
}

/** Times `count` sequential quote reads; every outcome must be the expected one. */
async function measure(
  scenario: string,
  server: RunningServer,
  adapter: CpqAdapter,
  quoteIds: string[],
  count: number,
  expected: 'ok' | 'UPSTREAM_UNAVAILABLE',
): Promise<Row> {
  const before = await legacyCallCount(server);
  const latencies: number[] = [];
  let breakerOpen = 0;
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    let outcome: string;
    try {
      await adapter.createLoaders().quoteById.load(quoteIds[index % quoteIds.length]!);
      outcome = 'ok';
    } catch (error) {
      if (!isUpstreamError(error)) throw error;
      outcome = error.code;
      if (error.upstream.breaker === 'open') breakerOpen += 1;
    }
    latencies.push(performance.now() - started);
    if (outcome !== expected)
      throw new Error(`${scenario}: call ${index} gave ${outcome}, expected ${expected}`);
  }
  latencies.sort((a, b) => a - b);
  return {
    scenario,
    calls: count,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies[latencies.length - 1]!,
    outcome: breakerOpen > 0 ? `${expected} (breaker open: ${breakerOpen})` : expected,
    legacyCalls: (await legacyCallCount(server)) - before,
  };
}

function printTable(rows: Row[]): void {
  const header = ['scenario', 'calls', 'p50 ms', 'p95 ms', 'max ms', 'calls reaching CPQ', 'outcome'];
  const cells = rows.map((row) => [
    row.scenario,
    String(row.calls),
    row.p50.toFixed(3),
    row.p95.toFixed(3),
    row.max.toFixed(3),
    String(row.legacyCalls),
    row.outcome,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => line[column]!.length)),
  );
  const line = (values: string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  cells.forEach((values) => console.log(line(values)));
}

async function main(): Promise<void> {
  const dataset = generateDataset({ seed: 42, scale: 'small' });
  const server = await listen(createCpqApp(dataset, DEFAULT_CPQ_OPTIONS).app, 0);
  const healthy = adapterFor(server, DEFAULT_BREAKER_OPTIONS.volumeThreshold);
  // A breaker that never opens within the run: the cost of calling a down system every time.
  const heldClosed = adapterFor(server, Number.MAX_SAFE_INTEGER);
  // Its own adapter, so the healthy run's successes are not in its breaker's rolling window.
  const guarded = adapterFor(server, DEFAULT_BREAKER_OPTIONS.volumeThreshold);
  const adapters = [healthy, heldClosed, guarded];
  const quoteIds = dataset.quotes.slice(0, 200).map((quote) => quote.Id);
  try {
    // Warm up: token, connection pool, JIT.
    for (const adapter of adapters) {
      for (let index = 0; index < 20; index += 1) {
        await adapter.createLoaders().quoteById.load(quoteIds[index]!);
      }
    }
    const rows: Row[] = [];
    rows.push(await measure('CPQ healthy', server, healthy, quoteIds, calls, 'ok'));

    await setDown(server, true);
    rows.push(
      await measure(
        'CPQ down, breaker held closed',
        server,
        heldClosed,
        quoteIds,
        downClosedCalls,
        'UPSTREAM_UNAVAILABLE',
      ),
    );
    let trips = 0;
    while (guarded.http.breakerStates().getQuotes !== 'open') {
      if ((trips += 1) > 100) throw new Error('the breaker did not open within 100 calls');
      await guarded
        .createLoaders()
        .quoteById.load(quoteIds[0]!)
        .catch(() => undefined);
    }
    rows.push(
      await measure('CPQ down, breaker open', server, guarded, quoteIds, calls, 'UPSTREAM_UNAVAILABLE'),
    );

    console.log(
      `breaker opened after ${trips} failing calls (with 20 warm-up successes in its rolling window)\n`,
    );
    console.log(
      `CPQ adapter quote reads (quoteById -> composite GET), sequential, Node ${process.version}; ` +
        `retries: 2 with jittered backoff (base 50 ms); breaker volumeThreshold ${DEFAULT_BREAKER_OPTIONS.volumeThreshold}\n`,
    );
    printTable(rows);
  } finally {
    adapters.forEach((adapter) => adapter.http.close());
    await server.close();
  }
}

const limit = setTimeout(() => {
  console.error(`breaker-failfast: gave up after ${RUN_LIMIT_MS / 1000} s`);
  process.exit(1);
}, RUN_LIMIT_MS);
limit.unref();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
