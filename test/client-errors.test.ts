import http from 'node:http';
import { listen, type RunningServer } from '../runtime';
import type { RunningStack } from '../scripts/stack';
import { graphqlAs, legacyCalls, postGraphQL, resetLegacy, startTestStack, tokenFor } from './stack';
import { startSubgraphProxy, type SubgraphProxy } from './subgraph-proxy';

/**
 * What a client sees when the mistake is its own (HTTP 400, a stable code, a message naming the
 * variable, no legacy call), when a legacy system sends garbage (its code, not INTERNAL), and in
 * production (no schema suggestions of any kind).
 */
const QUOTES = 'query Quotes($first: Int) { me { quotes(first: $first) { totalCount } } }';
const BY_STATUS = 'query ByStatus($status: [QuoteStatus!]) { me { quotes(status: $status) { totalCount } } }';
const QUOTE = 'query Quote($id: ID!) { quote(id: $id) { id } }';
const UPDATE_LINE = `mutation UpdateLine($lineId: ID!, $input: UpdateQuoteLineInput!) {
  updateQuoteLine(lineId: $lineId, input: $input) { userErrors { code } }
}`;

/** A request body as raw JSON: JSON.stringify itself overflows the stack on a 5000-deep array. */
async function postRawBody(url: string, token: string, body: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return {
    status: response.status,
    ...((await response.json()) as {
      data?: unknown;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    }),
  };
}

describe('client mistakes', () => {
  let stack: RunningStack;
  let token: string;

  beforeAll(async () => {
    stack = await startTestStack();
    token = await tokenFor('P-00001', ['partner_admin']);
  });
  afterAll(async () => {
    await stack?.close();
  });
  beforeEach(async () => {
    await resetLegacy(stack.urls.legacy.cpq!);
    await resetLegacy(stack.urls.legacy.prm!);
  });

  const noLegacyCalls = async () => {
    expect(await legacyCalls(stack.urls.legacy.cpq!)).toEqual({});
    expect(await legacyCalls(stack.urls.legacy.prm!)).toEqual({});
  };

  it.each([
    ['a wrong-typed variable', QUOTES, { first: 'ten' }, /^Variable "\$first" got invalid value "ten"/],
    [
      'a wrong-typed input field',
      UPDATE_LINE,
      { lineId: 'a0R000000000001AAA', input: { quantity: '10' } },
      /^Variable "\$input" got invalid value "10" at "input.quantity"/,
    ],
    ['a missing required variable', QUOTE, {}, /^Variable "\$id" of required type "ID!" was not provided/],
    [
      'an unknown enum value in a variable',
      BY_STATUS,
      { status: ['DRAF'] },
      /^Variable "\$status" got invalid value "DRAF" at "status\[0\]"/,
    ],
  ])('answers %s with 400 BAD_USER_INPUT naming the variable', async (_case, query, variables, message) => {
    const response = await graphqlAs(token, stack.urls.gateway, query, variables);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(message);
    await noLegacyCalls();
  });

  it.each([
    ['an unknown operationName', { query: QUOTES, operationName: 'Nope' }, 'Unknown operation named "Nope".'],
    [
      'no operationName for a document of two operations',
      { query: `${QUOTES} ${QUOTE}` },
      'Must provide operation name if query contains multiple operations.',
    ],
  ])('answers %s with 400 OPERATION_RESOLUTION_FAILURE', async (_case, body, message) => {
    const response = await postGraphQL(stack.urls.gateway, token, body);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([{ message, extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }]);
    await noLegacyCalls();
  });

  it('answers a 5000-deep array in an undeclared variable with 400 BAD_USER_INPUT naming it', async () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const response = await postRawBody(
      stack.urls.gateway,
      token,
      `{"query":"{ me { id } }","variables":{"deep":${deep}}}`,
    );
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      {
        message: 'Variable "$deep" nests lists or objects deeper than 32 levels.',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    await noLegacyCalls();
  });

  it('answers a list literal nested so deep that the parser overflows its stack with the tokens limit', async () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    const response = await postGraphQL(stack.urls.gateway, token, {
      query: `{ me { quotes(status: ${deep}) { totalCount } } }`,
    });
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      {
        message: 'Query exceeds the tokens limit of 2000',
        extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'tokens' },
      },
    ]);
    await noLegacyCalls();
  });

  const badHash = {
    status: 400,
    errors: [
      {
        message: 'extensions.persistedQuery.sha256Hash must be the SHA-256 of the query, in hex',
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  };

  it('answers a persisted query hash that is a 5000-deep array with 400 BAD_REQUEST', async () => {
    const deep = `${'['.repeat(5000)}"x"${']'.repeat(5000)}`;
    const response = await postRawBody(
      stack.urls.gateway,
      token,
      `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":${deep}}}}`,
    );
    expect(response).toEqual(badHash);
  });

  it.each([
    ['an object', { sha256: 'x' }],
    ['a number', 42],
    ['a string of another shape', 'not-a-hash'],
  ])(
    'answers a persisted query hash that is %s with 400 BAD_REQUEST, by POST and GET',
    async (_case, hash) => {
      const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
      const posted = await postRawBody(stack.urls.gateway, token, `{"extensions":${extensions}}`);
      const got = await fetch(`${stack.urls.gateway}?extensions=${encodeURIComponent(extensions)}`, {
        headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
      });

      expect(posted).toEqual(badHash);
      expect({ status: got.status, ...((await got.json()) as object) }).toEqual(badHash);
      await noLegacyCalls();
    },
  );
});

/**
 * A CPQ whose products are all of a family the graph does not know: the stand-in's answers pass
 * through here with every product's `Family` renamed.
 */
async function startFamilyRenamingCpq(): Promise<RunningServer & { target: string }> {
  const state = { target: '' };
  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([name]) => !['host', 'connection', 'content-length'].includes(name),
        ),
      ) as Record<string, string>;
      try {
        const upstream = await fetch(state.target + req.url, {
          method: req.method,
          headers,
          body: req.method === 'GET' ? undefined : Buffer.concat(chunks),
        });
        const body = (await upstream.text()).replace(/"Family":"\w+"/g, '"Family":"Quantum"');
        res.writeHead(upstream.status, {
          'content-type': upstream.headers.get('content-type') ?? 'application/json',
        });
        res.end(body);
      } catch {
        res.destroy();
      }
    });
  };
  return Object.assign(state, await listen(handler, 0));
}

describe('a legacy record the graph cannot map', () => {
  let stack: RunningStack;
  let cpq: Awaited<ReturnType<typeof startFamilyRenamingCpq>>;

  beforeAll(async () => {
    cpq = await startFamilyRenamingCpq();
    stack = await startTestStack({ CPQ_URL: cpq.url });
    cpq.target = stack.legacy!.urls.cpq;
  });
  afterAll(async () => {
    await stack?.close();
    await cpq?.close();
  });

  it('reaches the client as UPSTREAM_BAD_RESPONSE at the field, with the rest of the answer', async () => {
    const response = await graphqlAs<{ partner: { id: string } | null; quote: unknown }>(
      await tokenFor('P-00001'),
      stack.urls.gateway,
      '{ partner(id: "P-00001") { id } quote(id: "a0Q000000000001AAA") { lines { product { sku family } } } }',
    );
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ partner: { id: 'P-00001' }, quote: null });
    expect(response.errors?.length).toBeGreaterThan(0);
    for (const error of response.errors ?? []) {
      expect(error).toMatchObject({
        message: 'The CPQ returned a product of an unknown family',
        path: ['quote', 'lines', expect.any(Number), 'product', 'family'],
        extensions: { code: 'UPSTREAM_BAD_RESPONSE', upstream: { system: 'cpq' }, serviceName: 'quoting' },
      });
      // The CPQ call succeeded: the error says which record, and claims no breaker state.
      expect(error.extensions?.upstream).toEqual({ system: 'cpq', operation: 'mapProduct' });
    }
  });
});

describe("a subgraph's refusal of the client's input", () => {
  let stack: RunningStack;
  let proxy: SubgraphProxy;
  const refusal = {
    errors: [
      {
        message: 'Variable "$discount" got invalid value 0.1; Decimal must be given as a string',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ],
  };

  beforeAll(async () => {
    proxy = await startSubgraphProxy();
    stack = await startTestStack({
      QUOTING_URL: `${proxy.url}/graphql`,
      SUBGRAPH_BREAKER_VOLUME_THRESHOLD: '3',
      SUBGRAPH_BREAKER_RESET_MS: '60000',
    });
    proxy.target = stack.subgraphServers.quoting!;
    proxy.refusal = refusal;
  });
  afterAll(async () => {
    await stack?.close();
    await proxy?.close();
  });

  it('reaches the client as the subgraph said it, and never opens the breaker', async () => {
    const token = await tokenFor('P-00001');
    const query = '{ partner(id: "P-00001") { id } quote(id: "a0Q000000000001AAA") { id } }';
    proxy.mode = 'refuse';
    for (let i = 0; i < 10; i += 1) {
      const response = await graphqlAs(token, stack.urls.gateway, query);
      expect(response.data).toEqual({ partner: { id: 'P-00001' }, quote: null });
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: refusal.errors[0]!.message,
          extensions: { code: 'BAD_USER_INPUT', serviceName: 'quoting' },
        }),
      ]);
    }
    proxy.mode = 'forward';
    const requestsBefore = proxy.requests;
    const healthy = await graphqlAs(token, stack.urls.gateway, query);
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data).toEqual({ partner: { id: 'P-00001' }, quote: { id: 'a0Q000000000001AAA' } });
    expect(proxy.requests).toBe(requestsBefore + 1);
  });
});

describe('production', () => {
  let stack: RunningStack;
  let proxy: SubgraphProxy;
  let token: string;
  const secret = 'a-production-jwt-secret-of-at-least-32-chars';

  beforeAll(async () => {
    proxy = await startSubgraphProxy();
    stack = await startTestStack({
      QUOTING_URL: `${proxy.url}/graphql`,
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: secret,
      IDENTITY_SECRET: 'a-production-identity-secret-of-32-chars!!',
    });
    proxy.target = stack.subgraphServers.quoting!;
    token = await tokenFor('P-00001', ['partner_admin'], { secret });
  });
  afterAll(async () => {
    await stack?.close();
    await proxy?.close();
  });

  it.each([
    ['field', '{ me { nam } }', undefined, 'Cannot query field "nam" on type "Partner".'],
    [
      'argument',
      '{ me { quotes(firs: 1) { totalCount } } }',
      undefined,
      'Unknown argument "firs" on field "Partner.quotes".',
    ],
    [
      'enum value',
      '{ me { quotes(status: [DRAF]) { totalCount } } }',
      undefined,
      'Value "DRAF" does not exist in "QuoteStatus" enum.',
    ],
    [
      'type',
      'query Q($s: [QuoteStatu!]) { me { quotes(status: $s) { totalCount } } }',
      undefined,
      'Unknown type "QuoteStatu".',
    ],
    [
      'enum value in a variable',
      BY_STATUS,
      { status: ['DRAF'] },
      'Variable "$status" got invalid value "DRAF" at "status[0]"; Value "DRAF" does not exist in "QuoteStatus" enum.',
    ],
    [
      'input field in a variable',
      UPDATE_LINE,
      { lineId: 'a0R000000000001AAA', input: { quantit: 1 } },
      'Variable "$input" got invalid value { quantit: 1 }; Field "quantit" is not defined by type "UpdateQuoteLineInput".',
    ],
  ])('suggests nothing for a mistyped %s', async (_case, query, variables, message) => {
    const response = await graphqlAs(token, stack.urls.gateway, query, variables);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toBe(message);
    for (const error of response.errors ?? []) expect(error.message).not.toMatch(/did you mean/i);
  });

  it('suggests nothing in an error a subgraph sent', async () => {
    proxy.refusal = {
      errors: [
        {
          message: 'Value "GOLDD" does not exist in "PartnerTier" enum. Did you mean the enum value "GOLD"?',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    };
    proxy.mode = 'refuse';
    try {
      const response = await graphqlAs(
        token,
        stack.urls.gateway,
        '{ quote(id: "a0Q000000000001AAA") { id } }',
      );
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: 'Value "GOLDD" does not exist in "PartnerTier" enum.',
          extensions: { code: 'BAD_USER_INPUT', serviceName: 'quoting' },
        }),
      ]);
    } finally {
      proxy.mode = 'forward';
    }
  });
});
