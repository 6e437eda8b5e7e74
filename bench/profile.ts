import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBackend, startContender } from './harness';
import { setFaults } from './legacy-admin';
import { runLoad } from './load';
import { REPO_ROOT } from './processes';
import { LEGACY_LATENCY, SCENARIOS, type ContenderId } from './scenarios';

/**
 * `npm run bench:profile`: where our gateway (and the subgraphs behind it) spend their CPU on a
 * scenario. Starts the same stack as the bench, with `node --cpu-prof` on the gateway and on the
 * subgraphs process, runs the scenario under load, stops both so V8 writes its profiles, and
 * prints the costliest functions and packages, self and inclusive time.
 *
 * Options: --scenario dashboard|catalog|degraded (dashboard), --contender ours|apollo-stock|hive (ours),
 * --duration <s> (15), --connections <n> (20), --scale small|large (large).
 * Profiles are kept as bench/results/profile-<scenario>-<process>.cpuprofile (open them in Chrome
 * DevTools or speedscope); the summary goes to bench/results/profile-<scenario>-<contender>.json.
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  /** Monotonic clock, µs: the same clock as process.hrtime on Linux, so windows can be cut out. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A span of the monotonic clock, in µs. */
export interface Window {
  startUs: number;
  endUs: number;
}

interface Cost {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  process: string;
  /** CPU time sampled in the window (the whole profile when the window matched no sample). */
  totalMs: number;
  windowMatched: boolean;
  /** Time in the function's own code. */
  selfByFunction: Cost[];
  /** Time with the function on the stack (callees included), each function once per sample. */
  inclusiveByFunction: Cost[];
  /** Self time by npm package, project file or runtime bucket (GC, idle, node internals). */
  selfByArea: Cost[];
  inclusiveByArea: Cost[];
}

const TOP = 25;

/** The package, project file or runtime bucket a frame belongs to. */
function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const file = url.replace(/^file:\/\//, '');
  return file.startsWith(REPO_ROOT) ? path.relative(REPO_ROOT, file) : file;
}

function functionOf(frame: CallFrame): string {
  const where = frame.url ? ` ${areaOf(frame)}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${where}`;
}

export function summarize(processName: string, profile: CpuProfile, window?: Window): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfFn = new Map<string, number>();
  const selfArea = new Map<string, number>();
  const inclusiveFn = new Map<string, number>();
  const inclusiveArea = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  let totalMs = 0;
  const sampledAt: number[] = [];
  let clock = profile.startTime;
  for (const delta of profile.timeDeltas) sampledAt.push((clock += delta));
  const windowMatched =
    window !== undefined && sampledAt.some((at) => at >= window.startUs && at <= window.endUs);
  const inWindow = (index: number) =>
    !windowMatched || (sampledAt[index]! >= window!.startUs && sampledAt[index]! <= window!.endUs);

  profile.samples.forEach((nodeId, index) => {
    if (!inWindow(index)) return;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    totalMs += ms;
    const leaf = byId.get(nodeId);
    if (!leaf) return;
    add(selfFn, functionOf(leaf.callFrame), ms);
    add(selfArea, areaOf(leaf.callFrame), ms);
    const seenFn = new Set<string>();
    const seenArea = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      const fn = functionOf(frame);
      const area = areaOf(frame);
      if (!seenFn.has(fn)) add(inclusiveFn, fn, ms);
      if (!seenArea.has(area)) add(inclusiveArea, area, ms);
      seenFn.add(fn);
      seenArea.add(area);
    }
  });
  const top = (map: Map<string, number>, exclude: (name: string) => boolean = () => false): Cost[] =>
    [...map]
      .filter(([name]) => !exclude(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, ms]) => ({
        name,
        ms: Math.round(ms),
        share: Math.round((ms / totalMs) * 1000) / 10,
      }));
  const roots = (name: string) => name.startsWith('(root)') || name.startsWith('(program)');
  return {
    process: processName,
    totalMs: Math.round(totalMs),
    windowMatched,
    selfByFunction: top(selfFn),
    inclusiveByFunction: top(inclusiveFn, roots),
    selfByArea: top(selfArea),
    inclusiveByArea: top(inclusiveArea, roots),
  };
}

function printSummary(summary: ProfileSummary, operations: number): void {
  const perOp = (ms: number) => (operations > 0 ? (ms / operations).toFixed(3) : 'n/a');
  const scope = summary.windowMatched
    ? 'in the measured window'
    : 'over the whole profile (window not found)';
  console.log(`\n== ${summary.process}: ${summary.totalMs} ms sampled ${scope}, ${operations} operations ==`);
  for (const [title, costs] of [
    ['self time by area', summary.selfByArea],
    ['inclusive time by area', summary.inclusiveByArea],
    ['self time by function', summary.selfByFunction],
    ['inclusive time by function', summary.inclusiveByFunction],
  ] as const) {
    console.log(`\n-- ${title} (ms, % of sampled, ms per operation)`);
    for (const cost of costs)
      console.log(
        `${String(cost.ms).padStart(7)}  ${cost.share.toFixed(1).padStart(5)} %  ${perOp(cost.ms).padStart(7)}  ${cost.name}`,
      );
  }
}

function newestProfile(dir: string): CpuProfile {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no CPU profile was written to ${dir}`);
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'dashboard' },
      contender: { type: 'string', default: 'ours' },
      duration: { type: 'string', default: '15' },
      connections: { type: 'string', default: '20' },
      scale: { type: 'string', default: 'large' },
    },
  });
  const scenario = SCENARIOS.find((s) => s.id === values.scenario);
  if (!scenario) throw new Error(`--scenario must be one of ${SCENARIOS.map((s) => s.id).join(', ')}`);
  const contenderId = values.contender as ContenderId;
  if (!['ours', 'apollo-stock', 'hive'].includes(contenderId))
    throw new Error('--contender must be ours, apollo-stock or hive');
  const scale = values.scale === 'small' ? 'small' : 'large';

  const work = mkdtempSync(path.join(tmpdir(), 'partner-graph-profile-'));
  const gatewayDir = path.join(work, 'gateway');
  const subgraphsDir = path.join(work, 'subgraphs');
  const dirs = { [contenderId]: gatewayDir, [`subgraphs-behind-${contenderId}`]: subgraphsDir };
  const cpuProf = (dir: string) => ['--cpu-prof', `--cpu-prof-dir=${dir}`];
  const backend = await startBackend({
    scale,
    seed: 42,
    subgraphNodeFlags: cpuProf(subgraphsDir),
  });
  let operations = 0;
  let window: Window | undefined;
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  try {
    const contender = await startContender(contenderId, backend, cpuProf(gatewayDir));
    await Promise.all(
      Object.entries(backend.legacyUrls).map(([system, url]) =>
        setFaults(url, [LEGACY_LATENCY, ...(scenario.faults[system] ?? [])]),
      ),
    );
    const load = (durationSeconds: number) =>
      runLoad({
        ...contender.request(scenario),
        connections: Number(values.connections),
        durationSeconds,
      });
    await load(3);
    const startUs = nowUs();
    const result = await load(Number(values.duration));
    window = { startUs, endUs: nowUs() };
    operations = result.responses;
    console.log(
      `${scenario.id} on ${contenderId}: ${result.requestsPerSecond} req/s, p50/p95/p99 ` +
        `${result.latencyMs.p50}/${result.latencyMs.p95}/${result.latencyMs.p99} ms, error rate ${result.errorRate}`,
    );
    await Promise.all(Object.values(backend.legacyUrls).map((url) => setFaults(url, [])));
    await contender.process.stop();
  } finally {
    // Long enough for a graceful exit, which is when V8 writes the profile.
    await backend.close(15_000);
  }

  const resultsDir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const summaries: ProfileSummary[] = [];
  for (const [name, dir] of Object.entries(dirs)) {
    let profile: CpuProfile;
    try {
      profile = newestProfile(dir);
    } catch (error) {
      console.log(`${name}: ${(error as Error).message}`);
      continue;
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
    copyFileSync(path.join(dir, file), path.join(resultsDir, `profile-${scenario.id}-${name}.cpuprofile`));
    const summary = summarize(name, profile, window);
    summaries.push(summary);
    printSummary(summary, operations);
  }
  writeFileSync(
    path.join(resultsDir, `profile-${scenario.id}-${contenderId}.json`),
    `${JSON.stringify({ scenario: scenario.id, contender: contenderId, operations, summaries }, null, 2)}\n`,
  );
  rmSync(work, { recursive: true, force: true });
  console.log(
    `\nwrote bench/results/profile-${scenario.id}-*.cpuprofile and profile-${scenario.id}-${contenderId}.json`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
