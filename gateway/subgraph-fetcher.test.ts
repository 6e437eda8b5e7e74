import type http from 'node:http';
import { DEADLINE_HEADER, listen, type RunningServer } from '../runtime';
import { createSubgraphFetcher, SubgraphTimeoutError, type SubgraphFetcher } from './subgraph-fetcher';

/** The subgraph fetcher against a real local server whose behaviour each test chooses. */
describe('subgraph fetcher', () => {
  let server: RunningServer;
  let handler: http.RequestListener;
  let connections: number;
  let fetcher: SubgraphFetcher;

  beforeAll(async () => {
    const dispatch: http.RequestListener = (req, res) => handler(req, res);
    server = await listen(dispatch, 0);
    server.httpServer.on('connection', () => (connections += 1));
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    connections = 0;
    // Longer than jest's test timeout: a test that ends in time was ended by its deadline header.
    fetcher = createSubgraphFetcher({ timeoutMs: 60_000 });
  });
  afterEach(() => fetcher.destroy());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetcher.fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  /** Answers with what it received, so a test sees the request as the subgraph saw it. */
  const echo: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=5' });
      res.end(
        JSON.stringify({
          method: req.method,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
  };

  it('sends method, headers and body, and answers what RemoteGraphQLDataSource reads', async () => {
    handler = echo;
    const body = JSON.stringify({ query: '{ me { id name } }', variables: { note: 'é ü 漢字' } });
    const response = await post(body, { 'x-request-id': 'req-1' });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('max-age=5');
    expect(response.headers.get('x-missing')).toBeNull();
    const received = (await response.json()) as {
      method: string;
      headers: Record<string, string>;
      body: string;
    };
    expect(received.method).toBe('POST');
    expect(received.headers['x-request-id']).toBe('req-1');
    expect(received.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(received.body).toBe(body);
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('answers a non-2xx status with its body, not an error', async () => {
    handler = (_req, res) => {
      res.writeHead(503, 'Service Unavailable', { 'content-type': 'text/plain' });
      res.end('down for maintenance');
    };
    const response = await post('{}');
    expect(response.ok).toBe(false);
    expect(response.status).toBe(503);
    expect(response.statusText).toBe('Service Unavailable');
    expect(await response.text()).toBe('down for maintenance');
  });

  it('reads a body that arrives in many chunks, characters split between them included', async () => {
    const note = 'é漢'.repeat(100_000);
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const json = Buffer.from(JSON.stringify({ data: { note } }));
      // Written in odd-sized pieces, so the client gets many 'data' events, some ending mid-character.
      for (let offset = 0; offset < json.length; offset += 16_385)
        res.write(json.subarray(offset, offset + 16_385));
      res.end();
    };
    const response = await post('{}');
    expect(((await response.json()) as { data: { note: string } }).data.note).toBe(note);
  });

  it('reuses one connection for requests in a row (keep-alive)', async () => {
    handler = echo;
    for (let i = 0; i < 5; i += 1) await (await post('{}')).json();
    expect(connections).toBe(1);
  });

  it('closes its pooled connections when destroyed', async () => {
    handler = echo;
    const closed = new Promise<void>((resolve) =>
      server.httpServer.once('connection', (socket) => socket.once('close', () => resolve())),
    );
    await (await post('{}')).json();
    fetcher.destroy();
    await closed;
  });

  it('fails with SubgraphTimeoutError at the deadline header, whatever timeoutMs says', async () => {
    handler = () => undefined; // never answers
    await expect(post('{}', { [DEADLINE_HEADER]: String(Date.now() + 150) })).rejects.toBeInstanceOf(
      SubgraphTimeoutError,
    );
  });

  it('fails with SubgraphTimeoutError after timeoutMs when there is no deadline header', async () => {
    fetcher.destroy();
    fetcher = createSubgraphFetcher({ timeoutMs: 150 });
    handler = () => undefined;
    await expect(post('{}')).rejects.toBeInstanceOf(SubgraphTimeoutError);
  });

  it('counts a body still arriving at the deadline as a timeout', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":'); // and never finishes
    };
    await expect(post('{}', { [DEADLINE_HEADER]: String(Date.now() + 150) })).rejects.toBeInstanceOf(
      SubgraphTimeoutError,
    );
  });

  it('fails when the server closes the connection without answering', async () => {
    handler = (req) => req.socket.destroy();
    const failure = post('{}');
    await expect(failure).rejects.toThrow();
    await expect(failure).rejects.not.toBeInstanceOf(SubgraphTimeoutError);
  });

  it('fails when the server closes the connection in the middle of the body', async () => {
    handler = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"data":', () => req.socket.destroy());
    };
    const failure = post('{}');
    await expect(failure).rejects.toThrow();
    await expect(failure).rejects.not.toBeInstanceOf(SubgraphTimeoutError);
  });

  it('fails when nothing listens at the URL', async () => {
    const closed = await listen(() => undefined, 0);
    await closed.close();
    await expect(
      fetcher.fetch(`${closed.url}/graphql`, { method: 'POST', headers: {}, body: '{}' }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
