import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Latency, LoadResult } from './load';
import type { ContenderId, Scenario } from './scenarios';
import type { DatasetPicks } from './servers/stack';

/**
 * The bench's results: one JSON document (bench/results/*.json) and its readable form, the
 * generated part of bench/RESULTS.md. The hand-written parts of RESULTS.md (how to read it, what is
 * not measured yet) live outside the markers and are kept as they are.
 */
export interface MachineInfo {
  cores: number;
  /** 1-minute load average before and after the bench: above ~0.5 at the start, something else was running. */
  loadAverage: { before: number; after?: number };
  cpuModel: string;
  node: string;
  platform: string;
  memoryGb: number;
  packages: Record<string, string>;
}

export interface Settings {
  mode: 'full' | 'quick';
  connections: number;
  warmupSeconds: number;
  /** Load through the first contender before a scenario's first run, not measured: warms the stand-ins and subgraphs. */
  backendWarmupSeconds: number;
  durationSeconds: number;
  /**
   * Runs per gateway contender and scenario, the order reversed each round (A B C, then C B A): the
   * backend keeps warming up, so a contender measured early is measured again late. The round with
   * the fewest errors, then the most req/s, is reported; every round's req/s is kept in `rounds`.
   */
  rounds: number;
  scale: 'small' | 'large';
  seed: number;
  legacyLatency: { latencyMs: number; jitterMs: number };
}

export interface RunRecord extends Omit<LoadResult, 'durationSeconds'> {
  scenario: Scenario['id'];
  contender: ContenderId;
  measuredSeconds: number;
  /** Requests in one operation: 1, or 9 for a quote session. Latency is per request, CPU and calls per operation. */
  stepsPerOperation: number;
  operationsPerSecond: number;
  /**
   * Legacy calls per operation from each stand-in's /__stats: counted on single requests after the
   * run, or over the load window (marked ≈) when the servers were still busy with left-over work.
   */
  legacyCallsPerOperation: {
    total: number;
    bySystem: Record<string, number>;
    byRoute: Record<string, number>;
    countedOn: 'single requests' | 'load window';
  };
  /** Legacy calls over the measured window / answers: a little high, it counts requests left in flight. */
  legacyCallsPerOperationUnderLoad: number;
  /** The contender process's resident memory: before the measured window (warm) and its peak during it. */
  memoryMb: { warm: number | null; peak: number | null };
  /** CPU time per answer of each process, in ms (contender = the gateway or the status-quo server). */
  cpuMsPerOperation: Record<'contender' | 'subgraphs' | 'legacy' | 'loadGenerator', number | null>;
  /**
   * Average cores kept busy by each process over the window (1.0 = one core at 100 %);
   * otherProcesses is everything else on the machine (other work running at the same time).
   */
  coresBusy: Record<'contender' | 'subgraphs' | 'legacy' | 'loadGenerator' | 'otherProcesses', number | null>;
  /** What limited this run: a process at ~one core (Node runs JS on one), all cores, or neither (latency). */
  boundBy: 'contender' | 'subgraphs' | 'legacy' | 'all cores' | 'latency';
  /** Every round of this contender and scenario, in the order run; the record is the best of them. */
  rounds?: Array<{ requestsPerSecond: number; p99: number; contenderCpuMsPerOperation: number | null }>;
}

/** A single Node process tops out near one core; the machine near all of them. */
export function boundByOf(coresBusy: RunRecord['coresBusy'], cores: number): RunRecord['boundBy'] {
  const busy = (['contender', 'subgraphs', 'legacy'] as const).map(
    (name) => [name, coresBusy[name] ?? 0] as const,
  );
  const [name, most] = busy.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (most >= 0.85) return name;
  const total =
    busy.reduce((sum, [, value]) => sum + value, 0) +
    (coresBusy.loadGenerator ?? 0) +
    (coresBusy.otherProcesses ?? 0);
  return total >= 0.85 * cores ? 'all cores' : 'latency';
}

export interface Unavailable {
  contender: ContenderId;
  reason: string;
}

export interface Ratio {
  scenario: Scenario['id'];
  versus: ContenderId;
  /** ours / versus: above 1 means we serve more. */
  requestsPerSecond: number | null;
  /** ours / versus: below 1 means our p99 is lower. */
  p99: number | null;
  /** ours / versus: below 1 means we spend less CPU per answer. */
  cpuPerOperation: number | null;
}

export interface Target {
  name: string;
  value: number | null;
  goal: string;
  met: boolean | null;
}

export interface BenchResults {
  generatedAt: string;
  machine: MachineInfo;
  settings: Settings;
  picks: DatasetPicks;
  scenarios: Array<Pick<Scenario, 'id' | 'title' | 'description' | 'contenders'>>;
  runs: RunRecord[];
  unavailable: Unavailable[];
  ratios: Ratio[];
  targets: Target[];
}

const safeRatio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0
    ? null
    : Math.round((a / b) * 100) / 100;

export function ratiosOf(runs: RunRecord[]): Ratio[] {
  const ratios: Ratio[] = [];
  for (const ours of runs.filter((run) => run.contender === 'ours')) {
    for (const versus of ['apollo-stock', 'hive'] as const) {
      const other = runs.find((run) => run.scenario === ours.scenario && run.contender === versus);
      if (!other) continue;
      ratios.push({
        scenario: ours.scenario,
        versus,
        requestsPerSecond: safeRatio(ours.requestsPerSecond, other.requestsPerSecond),
        p99: safeRatio(ours.latencyMs.p99, other.latencyMs.p99),
        cpuPerOperation: safeRatio(ours.cpuMsPerOperation.contender, other.cpuMsPerOperation.contender),
      });
    }
  }
  return ratios;
}

/** The goals issue 7 sets for our gateway. */
export function targetsOf(runs: RunRecord[], ratios: Ratio[]): Target[] {
  const run = (scenario: string) => runs.find((r) => r.scenario === scenario && r.contender === 'ours');
  const ratio = (versus: string) =>
    ratios.find((r) => r.scenario === 'dashboard' && r.versus === versus)?.requestsPerSecond ?? null;
  const check = (name: string, value: number | null, goal: string, met: (v: number) => boolean): Target => ({
    name,
    value,
    goal,
    met: value === null ? null : met(value),
  });
  const dashboard = run('dashboard');
  const degraded = run('degraded');
  return [
    check('dashboard req/s, ours / stock Apollo', ratio('apollo-stock'), '>= 1.0', (v) => v >= 1),
    check('dashboard req/s, ours / Hive', ratio('hive'), '>= 1.0', (v) => v >= 1),
    check(
      'dashboard legacy calls per operation (ours)',
      dashboard?.legacyCallsPerOperation.total ?? null,
      '<= 8',
      (v) => v <= 8,
    ),
    check(
      'degraded p99 / healthy dashboard p99 (ours)',
      safeRatio(degraded?.latencyMs.p99, dashboard?.latencyMs.p99),
      '<= 1.2',
      (v) => v <= 1.2,
    ),
  ];
}

const fmt = (value: number | null | undefined, digits = 1) =>
  value == null || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
const pct = (value: number) => `${(value * 100).toFixed(value > 0 && value < 0.001 ? 3 : 1)} %`;
const latency = (l: Latency) => `${fmt(l.p50, 0)} / ${fmt(l.p95, 0)} / ${fmt(l.p99, 0)}`;

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((cell, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

function errorCodes(run: RunRecord): string {
  const codes = Object.entries(run.errorCodes).sort((a, b) => b[1] - a[1]);
  return codes.length === 0 ? '' : codes.map(([code, count]) => `${code} ×${count}`).join(', ');
}

export function markdownOf(results: BenchResults, titles: Record<ContenderId, string>): string {
  const { machine, settings, picks } = results;
  const lines: string[] = [];
  lines.push(
    `Generated ${results.generatedAt} by \`npm run bench${settings.mode === 'quick' ? ' -- --quick' : ''}\`.`,
    '',
    `**Machine:** ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; ` +
      `load average ${machine.loadAverage.before.toFixed(2)} before the bench, ${fmt(machine.loadAverage.after, 2)} after` +
      `${machine.loadAverage.before > 0.5 ? ' (**other work was running: numbers are noisy**)' : ''}.  `,
    `**Versions:** ${Object.entries(machine.packages)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.  `,
    `**Load:** autocannon, ${settings.connections} connections, ${settings.warmupSeconds} s warm-up then ${settings.durationSeconds} s measured per run; ${settings.rounds > 1 ? `${settings.rounds} rounds per gateway, the order reversed each round, the best (fewest errors, then most req/s) reported (req/s of every round in brackets)` : 'one round'} (and, not measured, ${settings.backendWarmupSeconds} s of the first scenario before its first run and a third of that for each other scenario, so that the first contender does not pay for warming the shared stand-ins and subgraphs), 127.0.0.1 only.  `,
    `**Data:** stand-ins at \`${settings.scale}\` scale (seed ${settings.seed}); every legacy call delayed ${settings.legacyLatency.latencyMs} ms + 0..${settings.legacyLatency.jitterMs} ms. ` +
      `Viewer: a partner_rep of ${picks.partnerId} (${picks.quoteCount} quotes, ${picks.lineCount} lines); catalog quote ${picks.quoteId} (${picks.quoteLineCount} lines).`,
    '',
  );
  for (const scenario of results.scenarios) {
    const runs = results.runs.filter((run) => run.scenario === scenario.id);
    const missing = results.unavailable.filter((u) => scenario.contenders.includes(u.contender));
    if (runs.length === 0 && missing.length === 0) continue;
    lines.push(`### ${scenario.title}`, '', scenario.description + '.', '');
    lines.push(
      table(
        [
          'contender',
          'req/s',
          'p50 / p95 / p99 ms',
          'error rate',
          'complete / partial',
          'legacy calls/op',
          'RSS peak MB',
          'CPU ms/op: contender · subgraphs · legacy',
          'cores busy: contender · subgraphs · legacy · load · other',
          'bound by',
        ],
        runs.map((run) => [
          `${run.contender}`,
          (run.stepsPerOperation > 1
            ? `${fmt(run.requestsPerSecond)} (${fmt(run.operationsPerSecond)} ops/s)`
            : fmt(run.requestsPerSecond)) +
            (run.rounds && run.rounds.length > 1
              ? ` [${run.rounds.map((round) => fmt(round.requestsPerSecond)).join(', ')}]`
              : ''),
          latency(run.latencyMs),
          pct(run.errorRate),
          `${pct(run.outcomes.complete / Math.max(1, run.responses))} / ${pct(run.outcomes.partial / Math.max(1, run.responses))}`,
          `${fmt(run.legacyCallsPerOperation.total, 2)} (${Object.entries(
            run.legacyCallsPerOperation.bySystem,
          )
            .map(([system, calls]) => `${system} ${fmt(calls, 2)}`)
            .join(', ')})${run.legacyCallsPerOperation.countedOn === 'load window' ? ' ≈' : ''}`,
          fmt(run.memoryMb.peak, 0),
          [run.cpuMsPerOperation.contender, run.cpuMsPerOperation.subgraphs, run.cpuMsPerOperation.legacy]
            .map((v) => fmt(v, 2))
            .join(' · '),
          [
            run.coresBusy.contender,
            run.coresBusy.subgraphs,
            run.coresBusy.legacy,
            run.coresBusy.loadGenerator,
            run.coresBusy.otherProcesses,
          ]
            .map((v) => fmt(v, 2))
            .join(' · '),
          run.boundBy,
        ]),
      ),
      '',
    );
    const withErrors = runs.filter((run) => Object.keys(run.errorCodes).length > 0);
    if (withErrors.length > 0) {
      lines.push('First error code per answer with errors:', '');
      for (const run of withErrors) lines.push(`- ${run.contender}: ${errorCodes(run)}`);
      lines.push('');
    }
    for (const u of missing) lines.push(`_${u.contender}: not measured — ${u.reason}_`, '');
  }
  if (results.ratios.length > 0) {
    lines.push('### Ours versus the other gateways', '');
    lines.push(
      table(
        [
          'scenario',
          'versus',
          'req/s ours/them (>1 better)',
          'p99 ours/them (<1 better)',
          'CPU per op ours/them (<1 better)',
        ],
        results.ratios.map((r) => [
          r.scenario,
          r.versus,
          fmt(r.requestsPerSecond, 2),
          fmt(r.p99, 2),
          fmt(r.cpuPerOperation, 2),
        ]),
      ),
      '',
    );
  }
  lines.push('### Targets (issue 7)', '');
  lines.push(
    table(
      ['target', 'value', 'goal', 'met'],
      results.targets.map((t) => [
        t.name,
        fmt(t.value, 2),
        t.goal,
        t.met === null ? 'n/a' : t.met ? 'yes' : '**no**',
      ]),
    ),
    '',
  );
  lines.push('Contenders:', '');
  for (const [id, title] of Object.entries(titles)) lines.push(`- \`${id}\`: ${title}`);
  return lines.join('\n');
}

export const GENERATED_START = '<!-- bench:generated:start -->';
export const GENERATED_END = '<!-- bench:generated:end -->';

/**
 * Replaces the generated part of RESULTS.md, keeping what is written by hand around it, formatted
 * the way `prettier --check` (CI) expects.
 */
export async function writeResultsMarkdown(file: string, generated: string): Promise<void> {
  const block = `${GENERATED_START}\n\n${generated}\n\n${GENERATED_END}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = current.indexOf(GENERATED_START);
  const end = current.indexOf(GENERATED_END);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${block}${current.slice(end + GENERATED_END.length)}`
      : `# Benchmark results\n\n${block}\n`;
  writeFileSync(file, await formatMarkdown(next, file));
}

/**
 * prettier is loaded only when RESULTS.md is written: it imports modules dynamically, which jest's
 * CommonJS mode cannot do, and bench.test.ts imports this file for its pure helpers.
 */
async function formatMarkdown(text: string, file: string): Promise<string> {
  const prettier = (await import('prettier')).default;
  return prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
}
