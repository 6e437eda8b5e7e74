import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { Fetcher, FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { DEADLINE_HEADER } from '../runtime';

/**
 * The gateway's HTTP client to its subgraphs: node:http over keep-alive agents, the answer read
 * whole before it is handed over. Not global fetch: undici spent about a millisecond of CPU per
 * subgraph call, mostly on WHATWG streams and header objects that RemoteGraphQLDataSource never
 * needs (it reads `ok`, `status`, two headers and the body, once). No redirects are followed and
 * no compression is asked for: subgraphs answer directly.
 *
 * The whole exchange, connecting included, ends at the request's deadline (the
 * `x-request-deadline` header, epoch ms) or after `timeoutMs` without one: the socket is destroyed
 * and the fetch rejects with SubgraphTimeoutError. Connection failures reject with Node's own error,
 * so breakers count them.
 */

export class SubgraphTimeoutError extends Error {
  override readonly name = 'SubgraphTimeoutError';
}

export interface SubgraphFetcherOptions {
  /** The time budget of a request that carries no deadline header. */
  timeoutMs: number;
  /** Concurrent connections per subgraph origin; further requests wait for a free one. */
  maxSocketsPerOrigin?: number;
}

export interface SubgraphFetcher {
  fetch: Fetcher;
  /** Closes every pooled connection; in-flight requests fail. */
  destroy(): void;
}

const DEFAULT_MAX_SOCKETS_PER_ORIGIN = 128;

/**
 * Idle connections close after this, or a second before the `Keep-Alive: timeout` the subgraph
 * announces if that is sooner (Node's http.Agent reads it), so that no request is sent on a socket
 * the server is closing: Node's own servers drop idle connections after 5 s.
 */
const IDLE_SOCKET_TIMEOUT_MS = 4000;

/** A response's headers as Node parsed them (names in lower case), behind the Fetch API's methods. */
class ResponseHeaders implements FetcherHeaders {
  constructor(private readonly headers: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.headers[name.toLowerCase()] !== undefined;
  }

  set(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }

  append(name: string, value: string): void {
    const existing = this.get(name);
    this.set(name, existing === null ? value : `${existing}, ${value}`);
  }

  delete(name: string): void {
    delete this.headers[name.toLowerCase()];
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.headers).sort()) yield [name, this.get(name)!];
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** A response whose body has already arrived in full. */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly ok: boolean;
  readonly headers: ResponseHeaders;
  private used = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    private readonly rawHeaders: IncomingHttpHeaders,
    private readonly body: Buffer,
  ) {
    this.ok = status >= 200 && status <= 299;
    this.headers = new ResponseHeaders(rawHeaders);
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  private consume(): Buffer {
    if (this.used) throw new TypeError('Body has already been read');
    this.used = true;
    return this.body;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.consume();
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return this.consume().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  clone(): BufferedResponse {
    if (this.used) throw new TypeError('Body has already been read');
    return new BufferedResponse(this.url, this.status, this.statusText, { ...this.rawHeaders }, this.body);
  }
}

function getValidTimeoutMs(timeoutMs: unknown): number {
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    throw new TypeError(`timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}`);
  }
  return timeoutMs;
}

export function createSubgraphFetcher(options: SubgraphFetcherOptions): SubgraphFetcher {
  const timeoutMs = getValidTimeoutMs(options.timeoutMs);
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSocketsPerOrigin ?? DEFAULT_MAX_SOCKETS_PER_ORIGIN,
    timeout: IDLE_SOCKET_TIMEOUT_MS,
  };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };

  const fetch = (url: string, init: FetcherRequestInit = {}): Promise<FetcherResponse> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...init.headers };
      if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
      const deadline = Number(headers[DEADLINE_HEADER]);
      const remainingMs = Number.isFinite(deadline) ? deadline - Date.now() : timeoutMs;
      const secure = url.startsWith('https:');
      const request = (secure ? https : http).request(url, {
        method: init.method ?? 'GET',
        headers,
        agent: secure ? agents.https : agents.http,
      });
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
      };
      const fail = (error: Error) =>
        settle(() => {
          request.destroy();
          reject(error);
        });
      const timer = setTimeout(
        () => fail(new SubgraphTimeoutError('subgraph timed out')),
        Math.max(1, remainingMs),
      );
      request.on('error', fail);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('close', () => {
          if (!response.complete) fail(new Error('subgraph connection closed before the response ended'));
        });
        response.on('end', () =>
          settle(() =>
            resolve(
              new BufferedResponse(
                url,
                response.statusCode ?? 0,
                response.statusMessage ?? '',
                response.headers,
                chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
              ),
            ),
          ),
        );
      });
      request.end(init.body);
    });

  return {
    fetch,
    destroy: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
