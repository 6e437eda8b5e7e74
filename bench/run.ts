import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CONTENDER_TITLES,
  sessionSkusFrom,
  startBackend,
  startContender,
  type Backend,
  type Contender,
} from './harness';
import { readStats, resetStats, setFaults, type LegacyStats } from './legacy-admin';
import { runLoad, type RequestContext } from './load';
import { machineBusyMs, REPO_ROOT, settle } from './processes';
import {
  boundByOf,
  ratiosOf,
  markdownOf,
  targetsOf,
  writeResultsMarkdown,
  type BenchResults,
  type MachineInfo,
  type RunRecord,
  type Settings,
  type Unavailable,
} from './report';
import { GATEWAYS, LEGACY_LATENCY, SCENARIOS, type ContenderId, type Scenario } from './scenarios';

/**
 * `npm run bench`: every scenario against every contender, one after the other, on this machine's
 * loopback; about 5.5 minutes on 2 cores. `-- --quick` runs 1.5 seconds per run on `small` data, without the
 * sequential status quo (one of its dashboards takes longer than that), in under a minute: a smoke test. Writes bench/results/latest.json and the generated part of
 * bench/RESULTS.md (a quick run writes bench/results/quick.json only).
 *
 * Options: --quick, --connections <n>, --duration <s>, --warmup <s>, --backend-warmup <s>, --rounds <n>,
 * --scale small|large,
 * --only <scenario>[:<contender>],... (e.g. --only dashboard:ours,dashboard:hive).
 */

function roundCount(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`--rounds must be a whole number >= 1, got ${value}`);
  return parsed;
}

function parseSettings(): Settings & { only?: string[] } {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      connections: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      'backend-warmup': { type: 'string' },
      rounds: { type: 'string' },
      scale: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const quick = values.quick === true;
  const number = (value: string | undefined, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0)
      throw new Error(`--${name} must be a positive number, got ${value}`);
    return parsed;
  };
  // A quick run is a smoke test that has to fit in a minute: small data starts and answers faster.
  const scale = values.scale ?? (quick ? 'small' : 'large');
  if (scale !== 'small' && scale !== 'large') throw new Error(`--scale must be small or large, got ${scale}`);
  return {
    mode: quick ? 'quick' : 'full',
    connections: number(values.connections, 20, 'connections'),
    warmupSeconds: number(values.warmup, quick ? 0.5 : 1, 'warmup'),
    backendWarmupSeconds: number(values['backend-warmup'], quick ? 0.5 : 12, 'backend-warmup'),
    durationSeconds: number(values.duration, quick ? 1.5 : 6, 'duration'),
    rounds: roundCount(values.rounds, quick ? 1 : 2),
    scale,
    seed: 42,
    legacyLatency: LEGACY_LATENCY,
    only: values.only?.split(',').map((item) => item.trim()),
  };
}

function selected(only: string[] | undefined, scenario: Scenario['id'], contender?: ContenderId): boolean {
  if (!only) return true;
  return only.some((item) => {
    const [s, c] = item.split(':');
    return s === scenario && (contender === undefined || c === undefined || c === contender);
  });
}

function packageVersion(name: string): string {
  try {
    const file = path.join(REPO_ROOT, 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function machineInfo(): MachineInfo {
  return {
    cores: os.cpus().length,
    loadAverage: { before: Math.round(os.loadavg()[0]! * 100) / 100 },
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    packages: Object.fromEntries(
      ['@apollo/gateway', '@apollo/server', '@graphql-hive/gateway', 'autocannon'].map((name) => [
        name,
        packageVersion(name),
      ]),
    ),
  };
}

/** Peak resident memory of one process, sampled while a run lasts. */
function sampleRss(read: () => number | undefined): () => number | null {
  let peak: number | undefined;
  const sample = () => {
    const rss = read();
    if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
  };
  sample();
  const timer = setInterval(sample, 200);
  return () => {
    clearInterval(timer);
    sample();
    return peak === undefined ? null : Math.round(peak / 2 ** 20);
  };
}

async function measure(
  scenario: Scenario,
  contender: Contender,
  backend: Backend,
  settings: Settings,
  /** Count legacy calls on single requests after the window (the last round of a contender does). */
  probe = true,
): Promise<RunRecord> {
  const request = contender.request(scenario);
  // One sequential status-quo dashboard takes about 11 s (92 legacy calls one after another): it gets
  // a longer window and no warm-up (it waits on latency; there is nothing to warm).
  const sequential = contender.id === 'status-quo-sequential';
  const warmupSeconds = sequential ? 0 : settings.warmupSeconds;
  const windowSeconds = sequential ? Math.max(settings.durationSeconds, 20) : settings.durationSeconds;
  const load = (durationSeconds: number) =>
    runLoad({
      ...request,
      connections: settings.connections,
      durationSeconds,
    });
  if (warmupSeconds > 0) await load(warmupSeconds);
  const backendProcesses = [backend.legacy, backend.subgraphs, contender.process];
  const settleOptions = { timeoutMs: 20_000 };
  // A quick run does not wait for left-over work to finish: faster, and noisier.
  if (settings.mode === 'full' && !(await settle(backendProcesses, settleOptions)))
    console.log(`  (${contender.id}: the servers were still busy after warm-up)`);

  const systems = Object.entries(backend.legacyUrls);
  await Promise.all(systems.map(([, url]) => resetStats(url)));
  const processes = { contender: contender.process, subgraphs: backend.subgraphs, legacy: backend.legacy };
  const cpuBefore = Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, p.cpuMs()]));
  const ownCpuBefore = process.cpuUsage();
  const machineBefore = machineBusyMs();
  const warmRss = contender.process.rssBytes();
  const stopSampling = sampleRss(() => contender.process.rssBytes());
  const started = performance.now();

  const result = await load(windowSeconds);

  const wallMs = performance.now() - started;
  const cpuAfter = Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, p.cpuMs()]));
  const peakRss = stopSampling();
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const machineAfter = machineBusyMs();
  const loadStats = await Promise.all(
    systems.map(async ([system, url]) => [system, await readStats(url)] as const),
  );
  // Exact counts come from a probe on idle servers, after the work left over from the window is done;
  // a quick run skips it and divides the window's counts (≈). A probe on servers still busy with
  // left-over work would count that work too, so then the window's counts are used as well.
  const probes = sequential ? 1 : 3;
  let probeStats: Awaited<ReturnType<typeof probeLegacyCalls>> | undefined;
  if (settings.mode === 'full' && probe) {
    if ((await settle(backendProcesses, settleOptions)) && (await legacyQuiet(systems)))
      probeStats = await probeLegacyCalls(request, systems, probes);
    else console.log(`  (${contender.id}: the servers were still busy after the run)`);
  }
  const callStats = probeStats ?? loadStats;
  const callDivisor = probeStats ? probes : result.responses / request.requests.length;

  // An operation is one pass through the scenario's steps: a dashboard, or a whole quote session.
  const steps = request.requests.length;
  const operations = result.responses / steps;
  const perOp = (value: number, count = operations) =>
    count === 0 ? NaN : Math.round((value / count) * 100) / 100;
  const cpuMs: Record<string, number | null> = {};
  for (const name of Object.keys(processes)) {
    const before = cpuBefore[name];
    const after = cpuAfter[name];
    cpuMs[name] = before === undefined || after === undefined ? null : after - before;
  }
  cpuMs.loadGenerator = (ownCpu.user + ownCpu.system) / 1000;
  const byRoute: Record<string, number> = {};
  for (const [system, { calls }] of callStats)
    for (const [route, count] of Object.entries(calls))
      byRoute[`${system} ${route}`] = perOp(count, callDivisor);
  const { durationSeconds, ...answers } = result;
  const coresBusy = {
    contender: cpuMs.contender == null ? null : Math.round((cpuMs.contender / wallMs) * 100) / 100,
    subgraphs: cpuMs.subgraphs == null ? null : Math.round((cpuMs.subgraphs / wallMs) * 100) / 100,
    legacy: cpuMs.legacy == null ? null : Math.round((cpuMs.legacy / wallMs) * 100) / 100,
    loadGenerator: Math.round((cpuMs.loadGenerator! / wallMs) * 100) / 100,
  };
  const benchCpuMs = Object.values(cpuMs).reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const otherCores =
    machineBefore === undefined || machineAfter === undefined
      ? null
      : Math.max(0, Math.round(((machineAfter - machineBefore - benchCpuMs) / wallMs) * 100) / 100);
  return {
    scenario: scenario.id,
    contender: contender.id,
    ...answers,
    measuredSeconds: durationSeconds,
    stepsPerOperation: steps,
    operationsPerSecond: Math.round((operations / durationSeconds) * 10) / 10,
    legacyCallsPerOperation: {
      total: perOp(
        callStats.reduce((sum, [, stats]) => sum + stats.total, 0),
        callDivisor,
      ),
      bySystem: Object.fromEntries(
        callStats.map(([system, stats]) => [system, perOp(stats.total, callDivisor)]),
      ),
      byRoute,
      countedOn: probeStats ? 'single requests' : 'load window',
    },
    legacyCallsPerOperationUnderLoad: perOp(loadStats.reduce((sum, [, s]) => sum + s.total, 0)),
    memoryMb: { warm: warmRss === undefined ? null : Math.round(warmRss / 2 ** 20), peak: peakRss },
    cpuMsPerOperation: {
      contender: cpuMs.contender == null ? null : perOp(cpuMs.contender),
      subgraphs: cpuMs.subgraphs == null ? null : perOp(cpuMs.subgraphs),
      legacy: cpuMs.legacy == null ? null : perOp(cpuMs.legacy),
      loadGenerator: perOp(cpuMs.loadGenerator!),
    },
    coresBusy: { ...coresBusy, otherProcesses: otherCores },
    boundBy: boundByOf({ ...coresBusy, otherProcesses: otherCores }, os.cpus().length),
  };
}

/**
 * Legacy calls per operation, counted exactly: a few requests one at a time on the idle system,
 * between a reset and a read of every stand-in's /__stats. (Counts over the load window also
 * include calls made for requests still in flight when it closed.)
 */
const PROBE_TIMEOUT_MS = 30_000;

/**
 * Waits until the stand-ins stop receiving calls (no new call over half a second): requests the load
 * tool gave up on may still be waiting on legacy latency, using no CPU, and would be counted by a probe.
 */
async function legacyQuiet(systems: Array<[string, string]>, timeoutMs = 30_000): Promise<boolean> {
  const total = async () =>
    (await Promise.all(systems.map(async ([, url]) => (await readStats(url)).total))).reduce(
      (a, b) => a + b,
      0,
    );
  const deadline = Date.now() + timeoutMs;
  let before = await total();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await total();
    if (now === before) return true;
    before = now;
  }
  return false;
}

async function probeLegacyCalls(
  request: ReturnType<Contender['request']>,
  systems: Array<[string, string]>,
  probes: number,
): Promise<Array<readonly [string, LegacyStats]>> {
  await Promise.all(systems.map(([, url]) => resetStats(url)));
  for (let i = 0; i < probes; i += 1) {
    const context: RequestContext = {};
    for (const step of request.requests) {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: step.body(context),
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
      step.judge(response.status, await response.text(), context);
    }
  }
  return Promise.all(systems.map(async ([system, url]) => [system, await readStats(url)] as const));
}

const benchStarted = performance.now();

/**
 * The round with the fewest errors, then the most req/s, carrying every round's numbers, and the
 * exact legacy call counts of the round that probed them (they do not depend on the round).
 */
function bestOf(rounds: RunRecord[]): RunRecord {
  // Fewest errors first: a round that failed fast (an open breaker, refusals) is not the better one.
  const better = (a: RunRecord, b: RunRecord) =>
    b.errorRate < a.errorRate || (b.errorRate === a.errorRate && b.requestsPerSecond > a.requestsPerSecond);
  const best = rounds.reduce((a, b) => (better(a, b) ? b : a));
  if (rounds.length === 1) return best;
  const probed = rounds.find((run) => run.legacyCallsPerOperation.countedOn === 'single requests');
  return {
    ...best,
    legacyCallsPerOperation: (probed ?? best).legacyCallsPerOperation,
    rounds: rounds.map((run) => ({
      requestsPerSecond: run.requestsPerSecond,
      p99: run.latencyMs.p99,
      contenderCpuMsPerOperation: run.cpuMsPerOperation.contender,
    })),
  };
}

function summaryLine(run: RunRecord): string {
  const { p50, p95, p99 } = run.latencyMs;
  const elapsed = `[${Math.round((performance.now() - benchStarted) / 1000)} s]`;
  return (
    `${elapsed.padStart(7)} ${run.scenario.padEnd(9)} ${run.contender.padEnd(21)} ${String(run.requestsPerSecond).padStart(7)} req/s  ` +
    `p50/p95/p99 ${p50}/${p95}/${p99} ms  errors ${(run.errorRate * 100).toFixed(1)} %  ` +
    `legacy calls/op ${run.legacyCallsPerOperation.total}  RSS peak ${run.memoryMb.peak ?? 'n/a'} MB  ` +
    `CPU ms/op ${run.cpuMsPerOperation.contender ?? 'n/a'}  bound by ${run.boundBy}`
  );
}

async function main(): Promise<void> {
  const settings = parseSettings();
  const { only, ...recorded } = settings;
  const machine = machineInfo();
  if (machine.loadAverage.before > 0.5)
    console.log(
      `load average ${machine.loadAverage.before}: something else is using the CPU, numbers will be noisy`,
    );
  console.log(
    `partner-graph bench (${settings.mode}): ${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}; ` +
      `${settings.connections} connections, ${settings.warmupSeconds}+${settings.durationSeconds} s per run, scale ${settings.scale}`,
  );
  const scenarios = SCENARIOS.filter((scenario) => selected(only, scenario.id));
  const wanted = new Set(
    scenarios.flatMap((scenario) => scenario.contenders.filter((id) => selected(only, scenario.id, id))),
  );
  if (settings.mode === 'quick') wanted.delete('status-quo-sequential');

  const backend = await startBackend({ scale: settings.scale, seed: settings.seed });
  const contenders = new Map<ContenderId, Contender>();
  const unavailable: Unavailable[] = [];
  const runs: RunRecord[] = [];
  try {
    await Promise.all(
      [...wanted].map(async (id) => {
        try {
          contenders.set(id, await startContender(id, backend));
        } catch (error) {
          const reason = (error as Error).message.split('\n').slice(0, 3).join(' ').slice(0, 400);
          unavailable.push({ contender: id, reason });
          console.log(`${id}: unavailable (${reason})`);
        }
      }),
    );
    if (scenarios.some((scenario) => scenario.id === 'session')) {
      const reader = GATEWAYS.map((id) => contenders.get(id)).find((contender) => contender !== undefined);
      backend.picks.sessionSkus = reader ? await sessionSkusFrom(reader) : [];
      if (backend.picks.sessionSkus.length === 0)
        console.log('quote session: the partner has no product it may quote; every session will fail');
    }
    for (const scenario of scenarios) {
      await Promise.all(
        Object.entries(backend.legacyUrls).map(([system, url]) =>
          setFaults(url, [LEGACY_LATENCY, ...(scenario.faults[system] ?? [])]),
        ),
      );
      const ids = scenario.contenders.filter(
        (id) =>
          contenders.has(id) &&
          selected(only, scenario.id, id) &&
          // One sequential status-quo dashboard takes longer than a quick run's window.
          !(settings.mode === 'quick' && id === 'status-quo-sequential'),
      );
      if (ids.length === 0) continue;
      // The stand-ins and subgraphs are shared: without this, the first contender measured would run
      // on a colder backend (JIT, heap sizing) than the others, and lose 10-15 % of its req/s. The
      // first scenario warms the shared code for all: the later ones get a third of the time (none
      // in a quick run, which has to fit in a minute).
      const backendWarmup =
        scenario === scenarios[0]
          ? settings.backendWarmupSeconds
          : settings.mode === 'quick'
            ? 0
            : Math.max(0.5, settings.backendWarmupSeconds / 3);
      if (backendWarmup > 0) {
        await runLoad({
          ...contenders.get(ids[0]!)!.request(scenario),
          connections: settings.connections,
          durationSeconds: backendWarmup,
        });
      }
      // Gateways in rounds, the order reversed each round; the status quo (no shared code to warm) once.
      const gateways = ids.filter((id) => GATEWAYS.includes(id));
      const measured = new Map<ContenderId, RunRecord[]>();
      const order = [
        ...Array.from({ length: settings.rounds }, (_, round) =>
          round % 2 === 0 ? gateways : [...gateways].reverse(),
        ).flat(),
        ...ids.filter((id) => !GATEWAYS.includes(id)),
      ];
      for (const [index, id] of order.entries()) {
        const lastRound = !order.slice(index + 1).includes(id);
        const run = await measure(scenario, contenders.get(id)!, backend, recorded, lastRound);
        measured.set(id, [...(measured.get(id) ?? []), run]);
        console.log(summaryLine(run));
      }
      for (const id of ids) runs.push(bestOf(measured.get(id)!));
    }
    await Promise.all(Object.values(backend.legacyUrls).map((url) => setFaults(url, [])));
  } finally {
    await Promise.all([...contenders.values()].map((contender) => contender.process.stop()));
    await backend.close();
  }

  machine.loadAverage.after = Math.round(os.loadavg()[0]! * 100) / 100;
  const ratios = ratiosOf(runs);
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine,
    settings: recorded,
    picks: backend.picks,
    scenarios: scenarios.map(({ id, title, description, contenders: ids }) => ({
      id,
      title,
      description,
      contenders: ids,
    })),
    runs,
    unavailable,
    ratios,
    targets: targetsOf(runs, ratios),
  };
  const markdown = markdownOf(results, CONTENDER_TITLES);
  const resultsDir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const jsonFile = path.join(resultsDir, settings.mode === 'quick' ? 'quick.json' : 'latest.json');
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  if (settings.mode === 'full' && !only)
    await writeResultsMarkdown(path.join(REPO_ROOT, 'bench', 'RESULTS.md'), markdown);
  console.log(`\n${markdown}\n\nwrote ${path.relative(REPO_ROOT, jsonFile)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
