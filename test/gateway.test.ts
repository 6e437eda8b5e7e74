import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sha256 } from '../gateway';
import type { RunningStack } from '../scripts/stack';
import { graphqlAs, legacyCalls, postGraphQL, resetLegacy, startTestStack, tokenFor } from './stack';
import { startSubgraphProxy, type SubgraphProxy } from './subgraph-proxy';
import { waitFor } from './wait-for';

/** The gateway as a platform team runs it: limits, subgraph breakers, operations, schema reloads. */
const root = path.resolve(__dirname, '..');

describe('gateway', () => {
  let stack: RunningStack;
  let proxy: SubgraphProxy;
  let token: string;
  let supergraphPath: string;
  const BREAKER_RESET_MS = 400;

  beforeAll(async () => {
    proxy = await startSubgraphProxy();
    supergraphPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'supergraph-')), 'supergraph.graphql');
    copyFileSync(path.join(root, 'schema', 'supergraph.graphql'), supergraphPath);
    stack = await startTestStack({
      QUOTING_URL: `${proxy.url}/graphql`,
      SUPERGRAPH_PATH: supergraphPath,
      SUBGRAPH_TIMEOUT_MS: '300',
      SUBGRAPH_BREAKER_VOLUME_THRESHOLD: '3',
      SUBGRAPH_BREAKER_RESET_MS: String(BREAKER_RESET_MS),
      BODY_LIMIT_BYTES: '4096',
      LIMIT_MAX_DEPTH: '7',
      LIMIT_MAX_ALIASES: '3',
      LIMIT_MAX_DIRECTIVES: '3',
      LIMIT_MAX_TOKENS: '300',
      LIMIT_MAX_COST: '1000',
    });
    proxy.target = stack.subgraphServers.quoting!;
    token = await tokenFor('P-00001');
  });
  afterAll(async () => {
    await stack?.close();
    await proxy?.close();
  });

  describe('limits', () => {
    beforeEach(async () => resetLegacy(stack.urls.legacy.prm!));

    it.each([
      [
        'depth',
        '{ me { id } quote(id: "x") { partner { quotes { edges { node { lines { product { sku } } } } } } } }',
      ],
      ['aliases', '{ a: me { id } b: me { id } c: me { id } d: me { id } }'],
      [
        'directives',
        '{ me { id @include(if: true) @include(if: true) name @skip(if: false) @skip(if: false) } }',
      ],
      ['tokens', `{ me { ${Array.from({ length: 400 }, () => 'id').join(' ')} } }`],
      ['cost', '{ me { quotes(first: 100) { edges { node { lines { netTotal { amount currency } } } } } } }'],
    ])(
      'refuses a query over the %s limit with QUERY_LIMIT_EXCEEDED, before any legacy call',
      async (limit, query) => {
        const response = await graphqlAs(token, stack.urls.gateway, query);
        expect(response.status).toBe(400);
        expect(response.data).toBeUndefined();
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit });
        expect(await legacyCalls(stack.urls.legacy.prm!)).toEqual({});
      },
    );

    it('counts list sizes in the cost: first: 10 passes where first: 100 is refused', async () => {
      const query = (first: number) =>
        `{ me { quotes(first: ${first}) { edges { node { lines { netTotal { amount } } } } } } }`;
      expect((await graphqlAs(token, stack.urls.gateway, query(10))).errors).toBeUndefined();
      expect((await graphqlAs(token, stack.urls.gateway, query(100))).errors?.[0]?.extensions?.limit).toBe(
        'cost',
      );
    });

    it('costs the same query text by its variables each time: first: 10 passes, first: 100 does not', async () => {
      const query =
        'query Page($first: Int) { me { quotes(first: $first) { edges { node { lines { netTotal { amount } } } } } } }';
      const limitOf = async (first: number) =>
        (await graphqlAs(token, stack.urls.gateway, query, { first })).errors?.[0]?.extensions?.limit;
      expect(await limitOf(10)).toBeUndefined();
      expect(await limitOf(100)).toBe('cost');
      expect(await limitOf(10)).toBeUndefined();
      expect(await limitOf(100)).toBe('cost');
    });

    it('refuses a body over the size cap with 413', async () => {
      const response = await fetch(stack.urls.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(5000)}` }),
      });
      expect(response.status).toBe(413);
      expect(
        ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions
          .code,
      ).toBe('PAYLOAD_TOO_LARGE');
    });

    it('refuses malformed JSON with 400 BAD_REQUEST', async () => {
      const response = await fetch(stack.urls.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{"query": ',
      });
      expect(response.status).toBe(400);
    });

    it.each([
      ['a charset it cannot decode', { 'content-type': 'application/json; charset=latin1' }, 415],
      [
        'a content encoding it cannot decode',
        { 'content-type': 'application/json', 'content-encoding': 'zstd-x' },
        415,
      ],
      [
        'a gzip body that is not gzip',
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        400,
      ],
    ])('refuses a body in %s with a coded JSON error, no page or stack', async (_case, headers, status) => {
      const response = await fetch(stack.urls.gateway, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${token}` },
        body: '{"query":"{ me { id } }"}',
      });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }],
      });
    });

    it('prevents CSRF: a simple GET request without a preflight header is refused', async () => {
      const response = await fetch(`${stack.urls.gateway}?query=${encodeURIComponent('{ me { id } }')}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF/i);
    });
  });

  describe('automatic persisted queries', () => {
    it('round-trips: unknown hash -> PERSISTED_QUERY_NOT_FOUND, then registered, then served by hash alone', async () => {
      const query = `{ me { id name } } # apq ${Date.now()}`;
      const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
      const post = (body: Record<string, unknown>) =>
        postGraphQL<{ me: { id: string } }>(stack.urls.gateway, token, body);
      expect((await post({ extensions })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect((await post({ query, extensions })).data?.me.id).toBe('P-00001');
      expect((await post({ extensions })).data?.me.id).toBe('P-00001');
    });
  });

  describe('subgraph resilience', () => {
    const QUERY = '{ me { id name quotes(first: 2) { totalCount } } }';

    afterEach(async () => {
      proxy.mode = 'forward';
      proxy.release();
      await waitFor('the graph answers without errors', async () => {
        const response = await graphqlAs(token, stack.urls.gateway, QUERY);
        return response.errors === undefined;
      });
    });

    // From /metrics (0 closed, 1 half-open, 2 open): /readyz would probe the subgraph through the proxy.
    const quotingBreakerState = async () => {
      const metrics = await (await fetch(stack.urls.gateway.replace('/graphql', '/metrics'))).text();
      return /gateway_subgraph_breaker_state\{subgraph="quoting"\} (\d)/.exec(metrics)?.[1];
    };

    it('returns the healthy subgraph data with UPSTREAM_UNAVAILABLE at the failed path, then fails fast once the breaker opens, and recovers', async () => {
      proxy.mode = 'down';
      const first = await graphqlAs<{ me: { id: string; name: string } | null; quote: unknown }>(
        await tokenFor('P-00001'),
        stack.urls.gateway,
        '{ me { id name } quote(id: "a0Q000000000001AAA") { id } }',
      );
      expect(first.data?.me?.name).toBeTruthy();
      expect(first.data?.quote).toBeNull();
      expect(first.errors?.[0]).toMatchObject({
        path: ['quote'],
        extensions: {
          code: 'UPSTREAM_UNAVAILABLE',
          upstream: { subgraph: 'quoting' },
          serviceName: 'quoting',
        },
      });

      for (let i = 0; i < 3; i += 1) await graphqlAs(token, stack.urls.gateway, QUERY);
      const ready = await fetch(stack.urls.gateway.replace('/graphql', '/readyz'));
      expect(ready.status).toBe(503);
      const readiness = (await ready.json()) as {
        subgraphs: Array<{ name: string; breaker: string; reachable: boolean }>;
      };
      expect(readiness.subgraphs.find((s) => s.name === 'quoting')).toMatchObject({ breaker: 'open' });
      expect(readiness.subgraphs.find((s) => s.name === 'partners')).toMatchObject({
        breaker: 'closed',
        reachable: true,
      });

      const before = proxy.requests;
      const open = await graphqlAs(token, stack.urls.gateway, '{ quote(id: "a0Q000000000001AAA") { id } }');
      expect(open.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        upstream: { breaker: 'open' },
      });
      expect(proxy.requests).toBe(before);

      proxy.mode = 'forward';
      await waitFor('the breaker half-opens', async () => (await quotingBreakerState()) === '1');
      const recovered = await graphqlAs(token, stack.urls.gateway, QUERY);
      expect(recovered.errors).toBeUndefined();
      expect(proxy.requests).toBeGreaterThan(before);
      expect((await fetch(stack.urls.gateway.replace('/graphql', '/readyz'))).status).toBe(200);
    });

    it('answers UPSTREAM_TIMEOUT when a subgraph does not answer within its timeout', async () => {
      proxy.mode = 'hold';
      const response = await graphqlAs<{ me: { id: string } | null; quote: unknown }>(
        token,
        stack.urls.gateway,
        '{ me { id } quote(id: "a0Q000000000001AAA") { id } }',
      );
      // The gateway answered while the quoting subgraph still had not.
      expect(proxy.held).toBe(1);
      expect(response.data?.me?.id).toBe('P-00001');
      expect(response.data?.quote).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_TIMEOUT',
        upstream: { subgraph: 'quoting' },
      });
    });
  });

  describe('mutations whose subgraph fails', () => {
    const CREATE = `mutation ($key: String) {
      createQuote(input: { customerAccountId: "001000000000003AAA" }, idempotencyKey: $key) { quote { id } }
    }`;
    const quotingBreakerState = async () => {
      const metrics = await (await fetch(stack.urls.gateway.replace('/graphql', '/metrics'))).text();
      return /gateway_subgraph_breaker_state\{subgraph="quoting"\} (\d)/.exec(metrics)?.[1];
    };
    afterEach(async () => {
      proxy.mode = 'forward';
      proxy.release();
      await waitFor('the quoting breaker closes again', async () => {
        await graphqlAs(token, stack.urls.gateway, '{ quote(id: "a0Q000000000001AAA") { id } }');
        // No sample until the breaker first changes state.
        return ((await quotingBreakerState()) ?? '0') === '0';
      });
    });

    it('say outcome UNKNOWN when the subgraph does not answer in time (the write may be applied), NOT_APPLIED while its breaker is open', async () => {
      proxy.mode = 'hold';
      const timedOut = await graphqlAs(token, stack.urls.gateway, CREATE, { key: 'gateway-held-create' });
      expect(proxy.held).toBe(1);
      expect(timedOut.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_TIMEOUT',
        outcome: 'UNKNOWN',
        upstream: { subgraph: 'quoting' },
      });

      proxy.mode = 'down';
      let refused = await graphqlAs(token, stack.urls.gateway, CREATE, { key: 'gateway-down-create' });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        outcome: 'UNKNOWN',
      });
      for (let attempt = 0; attempt < 10 && (await quotingBreakerState()) !== '2'; attempt += 1) {
        refused = await graphqlAs(token, stack.urls.gateway, CREATE, { key: 'gateway-down-create' });
      }
      const before = proxy.requests;
      const open = await graphqlAs(token, stack.urls.gateway, CREATE, { key: 'gateway-down-create' });
      expect(proxy.requests).toBe(before);
      expect(open.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        outcome: 'NOT_APPLIED',
        upstream: { subgraph: 'quoting', breaker: 'open' },
      });
    });

    it('say no outcome for a query', async () => {
      proxy.mode = 'down';
      const read = await graphqlAs(token, stack.urls.gateway, '{ quote(id: "a0Q000000000001AAA") { id } }');
      expect(read.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(read.errors?.[0]?.extensions).not.toHaveProperty('outcome');
    });
  });

  describe('operations', () => {
    it('serves /healthz and a ready /readyz', async () => {
      const base = stack.urls.gateway.replace('/graphql', '');
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as {
        supergraphLoaded: boolean;
        subgraphs: Array<{ name: string; reachable: boolean }>;
      };
      expect(body.supergraphLoaded).toBe(true);
      expect(body.subgraphs.map((s) => s.name).sort()).toEqual([
        'billing',
        'incentives',
        'partners',
        'quoting',
      ]);
      expect(body.subgraphs.every((s) => s.reachable)).toBe(true);
      const quoting = body.subgraphs.find((s) => s.name === 'quoting') as unknown as {
        legacy: Record<string, Record<string, string>>;
      };
      // Quoting reads the partner's tier, region and certifications from the PRM as well.
      expect(Object.keys(quoting.legacy)).toEqual(['cpq', 'prm']);
      expect(Object.values(quoting.legacy.cpq!).every((state) => state === 'closed')).toBe(true);
    });

    it('exposes Prometheus metrics by operation name, error code, subgraph fetch and breaker state', async () => {
      // A name from the persisted-query manifest: only those are labels (see test/metrics.test.ts).
      await graphqlAs(
        token,
        stack.urls.gateway,
        'query MyPartner { me { id quotes(first: 1) { totalCount } } }',
      );
      await graphqlAs(token, stack.urls.gateway, '{ partner(id: "P-00002") { id } }');
      const metrics = await (await fetch(stack.urls.gateway.replace('/graphql', '/metrics'))).text();
      expect(metrics).toMatch(/gateway_requests_total\{operation="MyPartner",outcome="ok"\} [1-9]/);
      expect(metrics).toMatch(/gateway_errors_total\{code="FORBIDDEN"\} [1-9]/);
      expect(metrics).toMatch(/gateway_request_duration_seconds_count\{operation="MyPartner"\} [1-9]/);
      expect(metrics).toMatch(
        /gateway_subgraph_fetch_duration_seconds_count\{subgraph="quoting",outcome="ok"\} [1-9]/,
      );
    });

    it('answers GraphQL without an ETag: no client revalidates a POST, so none is computed', async () => {
      const response = await postGraphQL(stack.urls.gateway, token, { query: '{ me { id } }' });
      expect(response.data).toEqual({ me: { id: 'P-00001' } });
      expect(response.headers.get('etag')).toBeNull();
    });

    it('echoes a client request id, or makes one', async () => {
      const post = (headers: Record<string, string>) =>
        postGraphQL(stack.urls.gateway, token, { query: '{ me { id } }' }, headers);
      expect((await post({ 'x-request-id': 'req-123' })).headers.get('x-request-id')).toBe('req-123');
      expect((await post({ 'x-request-id': 'bad id with spaces' })).headers.get('x-request-id')).toMatch(
        /^[0-9a-f-]{36}$/,
      );
    });

    it('serves the offline explorer to browsers at /graphql, and lets its schema query through the limits', async () => {
      const page = await fetch(stack.urls.gateway, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/explorer\/assets/);
      const { getIntrospectionQuery } = await import('graphql');
      const response = await graphqlAs<{ __schema: unknown }>(
        token,
        stack.urls.gateway,
        getIntrospectionQuery(),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.__schema).toBeDefined();
    });

    it('allows introspection outside production', async () => {
      const response = await graphqlAs<{ __schema: { queryType: { name: string } } }>(
        token,
        stack.urls.gateway,
        '{ __schema { queryType { name } } }',
      );
      expect(response.data?.__schema.queryType.name).toBe('Query');
    });
  });

  describe('schema lifecycle', () => {
    const DESCRIPTION = '{ __type(name: "PartnerTier") { description } }';
    const description = async () =>
      (await graphqlAs<{ __type: { description: string } }>(token, stack.urls.gateway, DESCRIPTION)).data
        ?.__type.description;

    it('hot-reloads a changed supergraph, and keeps serving the old one when the new one is broken', async () => {
      const original = readFileSync(supergraphPath, 'utf8');
      expect(await description()).toBe('Partner program tiers, lowest first.');

      const reloaded = stack.gateway.nextSupergraphReload();
      writeFileSync(
        supergraphPath,
        original.replace('Partner program tiers, lowest first.', 'Tiers, reloaded.'),
      );
      expect(await reloaded).toBe(true);
      expect(await description()).toBe('Tiers, reloaded.');

      const broken = stack.gateway.nextSupergraphReload();
      writeFileSync(supergraphPath, 'type Query { this is not a supergraph');
      expect(await broken).toBe(false);
      expect(await description()).toBe('Tiers, reloaded.');
      expect(
        (await graphqlAs<{ me: { id: string } }>(token, stack.urls.gateway, '{ me { id } }')).data?.me.id,
      ).toBe('P-00001');

      const restored = stack.gateway.nextSupergraphReload();
      writeFileSync(supergraphPath, original);
      expect(await restored).toBe(true);
    });
  });
});
