import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sha256 } from '../gateway';
import type { RunningStack } from '../scripts/stack';
import { graphqlAs, legacyCalls, postGraphQL, startTestStack, tokenFor } from './stack';
import { waitFor } from './wait-for';

/** The gateway's other configurations: production, safelist, authentication off, standalone. */
const root = path.resolve(__dirname, '..');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gateway-modes-'));

describe('production mode', () => {
  let stack: RunningStack;
  const secret = 'a-production-jwt-secret-of-at-least-32-chars';

  beforeAll(async () => {
    stack = await startTestStack({
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: secret,
      IDENTITY_SECRET: 'a-production-identity-secret-of-32-chars!!',
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('refuses introspection', async () => {
    const token = await tokenFor('P-00001', ['partner_rep'], { secret });
    const response = await graphqlAs(token, stack.urls.gateway, '{ __schema { types { name } } }');
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('gives no field suggestions that would reveal the schema', async () => {
    const token = await tokenFor('P-00001', ['partner_rep'], { secret });
    const response = await graphqlAs(token, stack.urls.gateway, '{ me { nam } }');
    expect(response.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('still serves authenticated queries', async () => {
    const token = await tokenFor('P-00001', ['partner_rep'], { secret });
    const response = await graphqlAs<{ me: { id: string } }>(token, stack.urls.gateway, '{ me { id } }');
    expect(response.data?.me.id).toBe('P-00001');
  });
});

describe('safelist mode', () => {
  let stack: RunningStack;
  const allowed = 'query MyPartner { me { id name } }';

  beforeAll(async () => {
    const manifest = path.join(tmp(), 'manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256(allowed), name: 'MyPartner', type: 'query', body: allowed }],
      }),
    );
    stack = await startTestStack({ PERSISTED_QUERIES: 'safelist', SAFELIST_MANIFEST: manifest });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const post = async (body: Record<string, unknown>) => {
    const response = await postGraphQL<{ me: { id: string } }>(stack.urls.gateway, await tokenFor(), body);
    return { status: response.status, body: response };
  };

  it('runs a safelisted operation sent by id', async () => {
    const { body } = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(allowed) } },
    });
    expect(body.data?.me.id).toBe('P-00001');
  });

  it('runs a safelisted operation sent as its exact text', async () => {
    expect((await post({ query: allowed })).body.data?.me.id).toBe('P-00001');
  });

  it.each([
    ['another query', { query: '{ me { id } }' }],
    [
      'an unknown id',
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ me { id } }') } } },
    ],
    ['nothing', {}],
  ])('refuses %s with 400 PERSISTED_QUERY_NOT_IN_SAFELIST', async (_name, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
  });
});

describe('authentication off (trusted internal use)', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startTestStack({ AUTH_DISABLED: 'true' });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('serves requests without a token, as a channel manager', async () => {
    const response = await graphqlAs<{ partner: { id: string } }>(
      undefined,
      stack.urls.gateway,
      '{ partner(id: "P-00003") { id } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.partner.id).toBe('P-00003');
  });
});

describe('npm run gateway (standalone, any supergraph)', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('serves the given supergraph file on the given port, routing by its subgraph URLs', async () => {
    let supergraph = readFileSync(path.join(root, 'schema', 'supergraph.graphql'), 'utf8');
    for (const [name, url] of Object.entries(stack.subgraphServers)) {
      supergraph = supergraph.replace(
        new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]+`),
        `$1${url}/graphql`,
      );
    }
    const file = path.join(tmp(), 'supergraph.graphql');
    writeFileSync(file, supergraph);
    const child = spawn(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['scripts/gateway.ts', '--supergraph', file, '--port', '0'],
      {
        cwd: root,
        env: {
          ...process.env,
          AUTH_DISABLED: 'true',
          LOG_LEVEL: 'silent',
          APOLLO_TELEMETRY_DISABLED: 'true',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await waitFor(
        'the gateway prints its URL',
        () => {
          if (child.exitCode !== null) throw new Error(`gateway exited:\n${output}`);
          return /gateway (http:\/\/\S+)/.test(output);
        },
        { timeoutMs: 20_000, intervalMs: 50 },
      );
      const url = /gateway (http:\/\/\S+)/.exec(output)![1]!;
      const response = await graphqlAs<{ partner: { id: string; quotes: { totalCount: number } } }>(
        undefined,
        url,
        '{ partner(id: "P-00002") { id quotes(first: 1) { totalCount } } }',
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.partner.quotes.totalCount).toBeGreaterThan(0);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('APQ shared through Redis', () => {
  const stacks: RunningStack[] = [];

  afterAll(async () => {
    await Promise.all(stacks.map((stack) => stack.close()));
  });

  it('serves, on a second replica, a query registered on the first', async () => {
    for (let i = 0; i < 2; i += 1) stacks.push(await startTestStack({ REDIS_URL: 'redis://127.0.0.1:6379' }));
    const query = `{ me { id } } # shared ${Date.now()} ${Math.random()}`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const token = await tokenFor();
    const post = (url: string, body: Record<string, unknown>) =>
      postGraphQL<{ me: { id: string } }>(url, token, body);
    expect((await post(stacks[1]!.urls.gateway, { extensions })).errors?.[0]?.extensions?.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    expect((await post(stacks[0]!.urls.gateway, { query, extensions })).data?.me.id).toBe('P-00001');
    expect((await post(stacks[1]!.urls.gateway, { extensions })).data?.me.id).toBe('P-00001');
  });
});

describe('graceful shutdown', () => {
  it('lets an in-flight request finish before the gateway closes', async () => {
    const stack = await startTestStack();
    await fetch(`${stack.urls.legacy.prm}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 400 }),
    });
    await fetch(`${stack.urls.legacy.prm}/__stats`, { method: 'DELETE' });
    const inFlight = graphqlAs<{ me: { id: string } }>(await tokenFor(), stack.urls.gateway, '{ me { id } }');
    // The stand-in counts a call when it arrives, before the injected latency.
    await waitFor('the request reaches the PRM', async () =>
      Object.values(await legacyCalls(stack.urls.legacy.prm!)).some((count) => count > 0),
    );
    const closing = stack.close();
    const response = await inFlight;
    await closing;
    expect(response.data?.me.id).toBe('P-00001');
    await expect(fetch(stack.urls.gateway.replace('/graphql', '/healthz'))).rejects.toThrow();
  });
});

describe('request deadline', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startTestStack({
      GATEWAY_REQUEST_TIMEOUT_MS: '300',
      SUBGRAPH_TIMEOUT_MS: '5000',
      LEGACY_TIMEOUT_MS: '5000',
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('ends a request at its deadline, though no per-call timeout would end the slow legacy call', async () => {
    // 1500 ms is within the subgraph and legacy timeouts: only the 300 ms request deadline ends it.
    await fetch(`${stack.urls.legacy.prm}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 1500 }),
    });
    const response = await graphqlAs<{ me: { name: string | null } | null }>(
      await tokenFor(),
      stack.urls.gateway,
      '{ me { id name } }',
    );
    // Both give up at the same deadline: the gateway's fetch (no `me`) or the partners subgraph's PRM
    // call (the viewer's partner without its name), whichever answers first.
    expect(response.data?.me?.name ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'UPSTREAM_TIMEOUT' } });
    expect([['me'], ['me', 'name']]).toContainEqual(response.errors?.[0]?.path);
  });
});
