import vm from 'node:vm';
import express from 'express';
import { listen, type RunningServer } from '../runtime';
import { jwtVerify } from 'jose';
import { DEV_JWT_SECRET, loadEnv } from '../config';
import { explorerDevTokensOf } from '../scripts/gateway-config';
import { createExplorerRouter, type ExplorerDevTokens } from './explorer';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let server: RunningServer;

beforeAll(async () => {
  const app = express();
  app.use(createExplorerRouter());
  // Stands in for the GraphQL middleware: whatever the explorer passes on lands here.
  app.use('/graphql', (_req, res) => void res.status(418).json({ reachedGraphQL: true }));
  server = await listen(app, 0);
});

afterAll(() => server.close());

function get(path: string, accept = BROWSER_ACCEPT): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { accept } });
}

async function explorerPage(): Promise<{ response: Response; html: string; assets: string[] }> {
  const response = await get('/graphql');
  const html = await response.text();
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const assets = tags.map((tag) => /\b(?:src|href)="([^"]*)"/.exec(tag)?.[1] ?? `no URL in ${tag}`);
  return { response, html, assets };
}

describe('GET /graphql from a browser', () => {
  it('serves the GraphiQL page with a strict Content-Security-Policy', async () => {
    const { response, html } = await explorerPage();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('vary')).toMatch(/accept/i);
    expect(html).toContain('<div id="graphiql">');
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((directive) => {
        const [name = '', ...sources] = directive.trim().split(/\s+/);
        return [name, sources];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
  });

  it('loads React, GraphiQL and its bootstrap only from this origin, with no inline script', async () => {
    const { html, assets } = await explorerPage();

    expect(assets).toHaveLength(6);
    for (const url of assets) expect(url).toMatch(/^\/explorer\/assets\/[0-9a-f]+\/[\w.-]+$/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(assets.map((url) => url.split('/').pop())).toEqual([
      'graphiql.min.css',
      'explorer.css',
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphiql.min.js',
      'explorer.js',
    ]);
  });

  it('serves every asset the page names, with its content type and a year of caching', async () => {
    const { assets } = await explorerPage();
    // What each file must contain to be the right file, not merely a non-empty one.
    const markers: Record<string, string> = {
      'graphiql.min.css': '.graphiql-container',
      'explorer.css': '#graphiql',
      'react.production.min.js': '@license React',
      'react-dom.production.min.js': 'react-dom.production.min.js',
      'graphiql.min.js': 'window.GraphiQL =',
      'explorer.js': 'GraphiQL.createFetcher',
    };

    for (const url of assets) {
      const name = url.split('/').pop() ?? '';
      const response = await get(url, '*/*');
      const body = await response.text();

      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      expect(response.headers.get('content-type')).toBe(
        name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      );
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(body.length).toBeGreaterThan(name.startsWith('explorer') ? 30 : 10_000);
      expect(body).toContain(markers[name]);
    }
  });

  it('starts GraphiQL with the header editor, the token template and a same-origin JSON fetcher', async () => {
    const { assets } = await explorerPage();
    const script = await (await get(assets.find((url) => url.endsWith('/explorer.js')) ?? '', '*/*')).text();
    const rendered: { component?: unknown; props?: Record<string, unknown>; into?: string } = {};
    const fetcherOptions: unknown[] = [];
    const GraphiQL = Object.assign(() => null, {
      createFetcher: (options: unknown) => {
        fetcherOptions.push(options);
        return 'the fetcher';
      },
    });

    vm.runInNewContext(script, {
      GraphiQL,
      React: {
        createElement: (component: unknown, props: Record<string, unknown>) => ({ component, props }),
      },
      ReactDOM: {
        createRoot: (into: string) => ({
          render: (element: { component: unknown; props: Record<string, unknown> }) =>
            Object.assign(rendered, element, { into }),
        }),
      },
      // The page without development tokens: no token form.
      document: { getElementById: (id: string) => (id === 'graphiql' ? `#${id}` : null) },
    });

    expect(rendered.into).toBe('#graphiql');
    expect(rendered.component).toBe(GraphiQL);
    expect(fetcherOptions).toEqual([{ url: '/graphql', enableIncrementalDelivery: false }]);
    expect(rendered.props).toMatchObject({
      fetcher: 'the fetcher',
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'headers',
    });
    expect(JSON.parse(String(rendered.props?.defaultHeaders))).toEqual({
      authorization: 'Bearer <paste a token from npm run token>',
    });
    // With the placeholder token the schema request could only fail: GraphiQL must not send it.
    expect(rendered.props?.schema).toBeNull();
  });
});

describe('what the explorer leaves alone', () => {
  it.each([
    ['a JSON client', '/graphql', 'application/json'],
    ['a GraphQL-over-HTTP client', '/graphql', 'application/graphql-response+json'],
    ['curl (any type)', '/graphql', '*/*'],
    ['a browser sending a GET query', '/graphql?query=%7B__typename%7D', BROWSER_ACCEPT],
  ])('passes %s on to the GraphQL middleware', async (_who, path, accept) => {
    const response = await get(path, accept);

    expect(response.status).toBe(418);
    expect(await response.json()).toEqual({ reachedGraphQL: true });
  });

  it('passes POSTs on, even from a client that prefers HTML', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

    expect(response.status).toBe(418);
  });
});

describe('/explorer/assets', () => {
  it('serves no file outside its allowlist, however the path is written', async () => {
    const { assets } = await explorerPage();
    const versioned = (assets[0] ?? '').replace(/[^/]+$/, '');

    for (const path of [
      '/explorer/assets/..%2f..%2fpackage.json',
      `${versioned}..%2f..%2fpackage.json`,
      `${versioned}..%2f..%2f..%2fpackage.json`,
      `${versioned}%2e%2e%2fexplorer.ts`,
      `${versioned}package.json`,
      `${versioned}umd%2freact.development.js`,
      `${versioned}graphiql.min.js%00.css`,
      '/explorer/assets/0123456789abcdef/graphiql.min.js',
      '/explorer/assets/graphiql.min.js',
    ]) {
      const response = await get(path, '*/*');
      const body = await response.text();

      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(body).toBe('Not found');
    }
  });
});

describe('development tokens from the explorer page', () => {
  const devTokens: ExplorerDevTokens = {
    secret: DEV_JWT_SECRET,
    partners: [
      { id: 'P-00001', name: 'Acme <Networks> & Co' },
      { id: 'P-00002', name: 'Globex' },
    ],
  };
  let withTokens: RunningServer;
  beforeAll(async () => {
    const app = express();
    app.use(createExplorerRouter({ devTokens }));
    withTokens = await listen(app, 0);
  });
  afterAll(() => withTokens.close());

  const mint = (url: string, body: unknown) =>
    fetch(`${url}/explorer/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('lists the seeded partners and the roles in the page, escaped', async () => {
    const html = await (
      await fetch(`${withTokens.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } })
    ).text();

    expect(html).toContain('<form id="dev-token">');
    expect(html).toContain('<option value="P-00001">P-00001 Acme &#60;Networks&#62; &#38; Co</option>');
    expect(html).toContain('<option value="P-00002">P-00002 Globex</option>');
    for (const role of ['partner_rep', 'partner_admin', 'channel_manager'])
      expect(html).toContain(`<option value="${role}">${role}</option>`);
  });

  it('mints a token the gateway accepts, for the partner and role picked', async () => {
    const response = await mint(withTokens.url, { partnerId: 'P-00002', role: 'partner_admin' });
    const body = (await response.json()) as { token: string; partnerId: string; role: string };

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({ partnerId: 'P-00002', role: 'partner_admin' });
    const { payload } = await jwtVerify(body.token, new TextEncoder().encode(DEV_JWT_SECRET));
    expect(payload).toMatchObject({ partnerId: 'P-00002', roles: ['partner_admin'] });
    expect(payload.exp! - payload.iat!).toBe(8 * 3600);
  });

  it.each([
    [{ partnerId: 'P-99999', role: 'partner_rep' }, /partnerId must be one of the seeded partners/],
    [
      { partnerId: 'P-00001', role: 'root' },
      /role must be one of partner_rep, partner_admin, channel_manager/,
    ],
    [{}, /partnerId must be one/],
  ])('refuses %j with BAD_USER_INPUT', async (body, message) => {
    const response = await mint(withTokens.url, body);
    const answer = (await response.json()) as {
      errors: Array<{ message: string; extensions: { code: string } }>;
    };

    expect(response.status).toBe(400);
    expect(answer.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.errors[0]!.message).toMatch(message);
  });

  it('refuses to mint, and offers no form, where development tokens are off', async () => {
    const response = await mint(server.url, { partnerId: 'P-00001', role: 'partner_rep' });
    const answer = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    const { html } = await explorerPage();

    expect(response.status).toBe(403);
    expect(answer.errors[0]!.extensions.code).toBe('DEV_TOKENS_DISABLED');
    expect(html).not.toContain('dev-token');
  });

  it('is on only in development with the development HS256 secret', () => {
    const partners = devTokens.partners;
    expect(explorerDevTokensOf(loadEnv({}), partners)).toMatchObject({ secret: DEV_JWT_SECRET, partners });
    // Config refuses the development secret in production; this guard holds even if it did not.
    expect(explorerDevTokensOf({ ...loadEnv({}), NODE_ENV: 'production' }, partners)).toBeUndefined();
    expect(explorerDevTokensOf(loadEnv({ AUTH_JWT_SECRET: 'y'.repeat(40) }), partners)).toBeUndefined();
    expect(
      explorerDevTokensOf(loadEnv({ AUTH_JWKS_URL: 'http://127.0.0.1:1/jwks' }), partners),
    ).toBeUndefined();
  });

  it('puts the minted token into GraphiQL, which then fetches the schema with it', async () => {
    const html = await (
      await fetch(`${withTokens.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } })
    ).text();
    const scriptUrl = /src="([^"]*explorer\.js)"/.exec(html)![1]!;
    const script = await (await fetch(`${withTokens.url}${scriptUrl}`)).text();
    const renders: Array<Record<string, unknown>> = [];
    let submit: ((event: { preventDefault(): void }) => Promise<void>) | undefined;
    const requests: Array<{ url: string; body: unknown }> = [];
    const form = {
      elements: {
        partnerId: { value: 'P-00002' },
        role: { value: 'channel_manager' },
        status: { textContent: '' },
      },
      addEventListener: (_type: string, listener: typeof submit) => (submit = listener),
    };

    vm.runInNewContext(script, {
      GraphiQL: Object.assign(() => null, { createFetcher: () => 'the fetcher' }),
      React: { createElement: (_component: unknown, props: Record<string, unknown>) => props },
      ReactDOM: { createRoot: () => ({ render: (props: Record<string, unknown>) => renders.push(props) }) },
      document: { getElementById: (id: string) => (id === 'dev-token' ? form : `#${id}`) },
      fetch: async (url: string, init: { body: string }) => {
        requests.push({ url, body: JSON.parse(init.body) });
        return {
          ok: true,
          json: async () => ({
            token: 'minted',
            partnerId: 'P-00002',
            role: 'channel_manager',
            expiresIn: '8h',
          }),
        };
      },
    });
    await submit!({ preventDefault: () => undefined });

    expect(requests).toEqual([
      { url: '/explorer/dev-token', body: { partnerId: 'P-00002', role: 'channel_manager' } },
    ]);
    expect(renders).toHaveLength(2);
    expect(renders[0]!.schema).toBeNull();
    expect(JSON.parse(String(renders[1]!.defaultHeaders))).toEqual({ authorization: 'Bearer minted' });
    expect(renders[1]!.schema).toBeUndefined();
    expect(renders[1]!.key).not.toBe(renders[0]!.key);
    expect(form.elements.status.textContent).toMatch(/P-00002 as channel_manager/);
  });
});
