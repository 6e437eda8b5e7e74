import { spawn } from 'node:child_process';
import path from 'node:path';
import { tokenFor } from './stack';

/** `npm start` as a user runs it: the real entry point in its own process. */
const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const EPHEMERAL_PORTS = {
  GATEWAY_PORT: '0',
  PARTNERS_PORT: '0',
  QUOTING_PORT: '0',
  BILLING_SUBGRAPH_PORT: '0',
  CPQ_PORT: '0',
  PRM_PORT: '0',
};

function startProcess(env: Record<string, string>) {
  const child = spawn(tsx, ['scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`did not see ${pattern}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

describe('npm start', () => {
  it('prints the URLs, serves queries, and stops cleanly on SIGTERM', async () => {
    const run = startProcess(EPHEMERAL_PORTS);
    try {
      await run.waitFor(/Press Ctrl-C to stop/);
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
      run.child.kill('SIGKILL');
    }
  });

  it('refuses invalid configuration with a message naming the variable', async () => {
    const run = startProcess({ ...EPHEMERAL_PORTS, GATEWAY_PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/Invalid configuration:\n\s+- GATEWAY_PORT: .*\(got "eighty"\)/);
    expect(run.output()).not.toMatch(/at .*\.ts:\d+/);
  });
});
