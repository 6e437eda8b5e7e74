import http from 'node:http';
import { listen, type RunningServer } from '../runtime';

/**
 * A switchable stand-in between the gateway and one real subgraph: forwards requests, or fails
 * them (connection reset), holds them until released (a subgraph that does not answer) or
 * answers them 400 with `refusal` as the body (refuse), and counts what reached it — so tests can see that an open breaker makes no call at all.
 */
export interface SubgraphProxy extends RunningServer {
  /** Base URL of the real subgraph server (no path); requests keep their path. */
  target: string;
  mode: 'forward' | 'down' | 'hold' | 'refuse';
  refusal: unknown;
  requests: number;
  /** Requests held by `hold` mode and not yet forwarded. */
  held: number;
  /** Forwards every held request. */
  release(): void;
}

export async function startSubgraphProxy(): Promise<SubgraphProxy> {
  const waiting = new Set<() => void>();
  const state = {
    target: '',
    mode: 'forward' as SubgraphProxy['mode'],
    refusal: {} as unknown,
    requests: 0,
    get held() {
      return waiting.size;
    },
    release() {
      for (const forward of waiting) forward();
      waiting.clear();
    },
  };
  const handler: http.RequestListener = (req, res) => {
    state.requests += 1;
    if (state.mode === 'down') {
      req.socket.destroy();
      return;
    }
    if (state.mode === 'refuse') {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify(state.refusal));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      if (state.mode === 'hold') await new Promise<void>((resolve) => waiting.add(resolve));
      if (res.destroyed) return;
      try {
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(
            ([name]) => !['host', 'connection', 'content-length'].includes(name),
          ),
        ) as Record<string, string>;
        const upstream = await fetch(state.target + req.url, {
          method: req.method,
          headers,
          body: req.method === 'GET' ? undefined : Buffer.concat(chunks),
        });
        res.writeHead(upstream.status, {
          'content-type': upstream.headers.get('content-type') ?? 'application/json',
        });
        res.end(Buffer.from(await upstream.arrayBuffer()));
      } catch {
        res.destroy();
      }
    });
  };
  const running = await listen(handler, 0);
  return Object.assign(state, running);
}
