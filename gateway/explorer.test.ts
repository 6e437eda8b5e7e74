import vm from 'node:vm';
import express from 'express';
import { listen, type RunningServer } from '../runtime';
import { createExplorerRouter } from './explorer';

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
      document: { getElementById: (id: string) => `#${id}` },
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
