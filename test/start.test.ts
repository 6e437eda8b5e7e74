import { spawn } from 'node:child_process';
import path from 'node:path';
import { tokenFor } from './stack';
import { waitFor } from './wait-for';

/** `npm start` as a user runs it: the real entry point in its own process. */
const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const EPHEMERAL_PORTS = {
  GATEWAY_PORT: '0',
  PARTNERS_PORT: '0',
  QUOTING_PORT: '0',
  BILLING_SUBGRAPH_PORT: '0',
  INCENTIVES_SUBGRAPH_PORT: '0',
  CPQ_PORT: '0',
  PRM_PORT: '0',
  BILLING_PORT: '0',
  INCENTIVES_PORT: '0',
};

function startProcess(
  env: Record<string, string>,
  command: [string, ...string[]] = [tsx, 'scripts/start.ts'],
) {
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    // Its own process group, so that cleaning up after a failed test reaches every process below it.
    detached: true,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitForOutput = (pattern: RegExp, timeoutMs = 20_000) =>
    waitFor(
      `${pattern} in the output`,
      () => {
        if (child.exitCode !== null) throw new Error(`exited before ${pattern}:\n${output}`);
        return pattern.test(output);
      },
      { timeoutMs, intervalMs: 50 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${output}`);
    });
  const killAll = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  };
  return { child, exited, waitForOutput, killAll, output: () => output };
}

/** Every address the start banner lists: the gateway, subgraphs and legacy stand-ins. */
function listedOrigins(output: string): string[] {
  return [...output.matchAll(/(http:\/\/127\.0\.0\.1:\d+)/g)].map((match) => match[1]!);
}

async function refusesConnections(origin: string): Promise<boolean> {
  try {
    await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch (error) {
    return ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'ECONNREFUSED';
  }
}

describe('npm start', () => {
  it('prints the URLs, serves queries, and stops cleanly on SIGTERM', async () => {
    const run = startProcess(EPHEMERAL_PORTS);
    try {
      await run.waitForOutput(/Press Ctrl-C to stop/);
      const gatewayUrl = /gateway\s+(http:\/\/\S+)/.exec(run.output())![1]!;
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor()}` },
        body: JSON.stringify({ query: '{ partner(id: "P-00001") { id quotes(first: 1) { totalCount } } }' }),
      });
      const body = (await response.json()) as {
        data: { partner: { id: string; quotes: { totalCount: number } } };
      };
      expect(body.data.partner.id).toBe('P-00001');
      expect(body.data.partner.quotes.totalCount).toBeGreaterThan(0);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output()).toMatch(/Stopped\./);
    } finally {
      run.killAll();
    }
  });

  // npm runs the script through `sh -c`, and sh dies of SIGTERM without passing it on: whatever
  // sat below it kept serving, so what a process manager's stop does must reach the stack itself.
  it('stops every server within the bound when SIGTERM goes to the npm process', async () => {
    const run = startProcess(EPHEMERAL_PORTS, ['npm', 'start', '--silent']);
    try {
      await run.waitForOutput(/Press Ctrl-C to stop/);
      const origins = listedOrigins(run.output());
      expect(origins).toHaveLength(9);
      expect(await refusesConnections(origins[0]!)).toBe(false);
      run.child.kill('SIGTERM');
      let serving = origins;
      await waitFor(
        'every server closed',
        async () => {
          const refused = await Promise.all(serving.map(refusesConnections));
          serving = serving.filter((_, index) => !refused[index]);
          return serving.length === 0;
        },
        { timeoutMs: 15_000, intervalMs: 100 },
      );
      expect(await run.exited).toBe(0);
      expect(run.output()).toMatch(/SIGTERM: shutting down/);
    } finally {
      run.killAll();
    }
  });

  it('refuses invalid configuration with a message naming the variable', async () => {
    const run = startProcess({ ...EPHEMERAL_PORTS, GATEWAY_PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/Invalid configuration:\n\s+- GATEWAY_PORT: .*\(got "eighty"\)/);
    expect(run.output()).not.toMatch(/at .*\.ts:\d+/);
  });
});
