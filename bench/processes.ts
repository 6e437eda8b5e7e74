import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Every server in a benchmark runs in its own Node process, started with tsx from the repository
 * root, so that each one's memory and CPU can be read from /proc and one process's garbage
 * collector or blocking work never shows up as another's latency.
 */
export const REPO_ROOT = path.resolve(__dirname, '..');

export interface BenchProcess {
  name: string;
  pid: number;
  /** Resident set size now, in bytes; undefined where /proc is not available or the process is gone. */
  rssBytes(): number | undefined;
  /** User + system CPU time consumed so far, in ms; undefined where /proc is not available. */
  cpuMs(): number | undefined;
  /** SIGTERM, then SIGKILL to this pid only if it has not exited within graceMs. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions<T> {
  name: string;
  /** Script path relative to the repository root. */
  script: string;
  args?: string[];
  env: Record<string, string>;
  /** Extra flags for node itself, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** Reads each stdout line; the first non-undefined answer means the process is ready. */
  ready(line: string): T | undefined;
  timeoutMs?: number;
}

/** Linux reports CPU time in clock ticks; USER_HZ is 100 on every mainstream kernel build. */
const CLOCK_TICKS_PER_SECOND = 100;

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

export function rssOfPid(pid: number): number | undefined {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readProc(pid, 'status') ?? '')?.[1];
  return kb === undefined ? undefined : Number(kb) * 1024;
}

export function cpuMsOfPid(pid: number): number | undefined {
  const stat = readProc(pid, 'stat');
  if (!stat) return undefined;
  // The command name (field 2) may contain spaces; fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** CPU time all cores spent busy since boot, in ms (from /proc/stat); undefined off Linux. */
export function machineBusyMs(): number | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined;
  }
  // cpu  user nice system idle iowait irq softirq steal ...
  const ticks = stat.split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
  return ((user + nice + system + irq + softirq + steal) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startProcess<T>(
  options: StartOptions<T>,
): Promise<{ process: BenchProcess; ready: T }> {
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', options.script, ...(options.args ?? [])],
    { cwd: REPO_ROOT, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderrTail = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name}: could not be started`);

  const benchProcess: BenchProcess = {
    name: options.name,
    pid,
    rssBytes: () => rssOfPid(pid),
    cpuMs: () => cpuMsOfPid(pid),
    stop: async (graceMs = 15_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited(child);
      clearTimeout(timer);
    },
  };

  const timeoutMs = options.timeoutMs ?? 90_000;
  const lines = createInterface({ input: child.stdout! });
  try {
    const ready = await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${options.name}: not ready after ${timeoutMs} ms\n${stderrTail}`)),
        timeoutMs,
      );
      lines.on('line', (line) => {
        const answer = options.ready(line);
        if (answer !== undefined) {
          clearTimeout(timer);
          resolve(answer);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${options.name}: exited (${signal ?? code}) before it was ready\n${stderrTail}`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    // Keep draining stdout so a chatty child never blocks on a full pipe.
    return { process: benchProcess, ready };
  } catch (error) {
    await benchProcess.stop(2000);
    throw error;
  }
}

/**
 * Waits until the given processes are nearly idle (together under `maxCores` of CPU over a short
 * window), so that work left over from one run (answers the load tool stopped waiting for) is not
 * billed to the next. Gives up after timeoutMs and says so.
 */
export async function settle(
  processes: BenchProcess[],
  { maxCores = 0.15, windowMs = 300, timeoutMs = 30_000 } = {},
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const busy = () => processes.reduce((sum, p) => sum + (p.cpuMs() ?? 0), 0);
  while (Date.now() < deadline) {
    const before = busy();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    if ((busy() - before) / windowMs <= maxCores) return true;
  }
  return false;
}

/** The line a bench server prints once it listens: `bench-ready {json}`. */
export const READY_PREFIX = 'bench-ready ';

export function announceReady(details: unknown): void {
  console.log(`${READY_PREFIX}${JSON.stringify(details)}`);
}

export function readyDetails<T>(line: string): T | undefined {
  return line.startsWith(READY_PREFIX) ? (JSON.parse(line.slice(READY_PREFIX.length)) as T) : undefined;
}

/** A line naming a GraphQL endpoint on the loopback, as every gateway prints when it listens. */
export function graphqlUrlIn(line: string): string | undefined {
  return /(http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(line)?.[1];
}

/** Stops on SIGTERM/SIGINT by closing `server`, then exits (so --cpu-prof writes its profile). */
export function exitOnSignal(close: () => Promise<unknown>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** A bench server's required command-line value: `--name value`. */
export function requiredArg(name: string, argv = process.argv): string {
  const index = argv.indexOf(`--${name}`);
  const value = index >= 0 ? argv[index + 1] : undefined;
  if (!value) throw new Error(`--${name} is required`);
  return value;
}
