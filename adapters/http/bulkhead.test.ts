import type { IncomingMessage, ServerResponse } from 'node:http';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { listen, type RunningServer } from '../../runtime';
import { BulkheadRejection, createBulkhead } from './bulkhead';
import { createLegacyHttpClient, type LegacyClientOptions, type LegacyHttpClient } from './client';
import { createLegacyHealthRegistry } from './health';
import { upstreamErrorOf } from './testing';
import { waitFor } from '../../test/wait-for';

/**
 * The bulkhead as the legacy system sees it: never more calls in flight than maxConcurrent, and
 * calls beyond the queue refused without reaching it. A real server holds requests until told to
 * answer, so concurrency is observed where it matters.
 */
const accountSchema = z.object({ id: z.string() });

interface HoldingServer {
  server: RunningServer;
  inFlight: () => number;
  maxInFlight: () => number;
  received: () => number;
  /** Answers every held request (200, or 503 for paths starting /down). */
  releaseAll(): void;
}

/** Holds each request until released, or answers after `autoReleaseMs` when given. */
async function holdingServer(autoReleaseMs?: number): Promise<HoldingServer> {
  const held: Array<{ path: string; res: ServerResponse }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let received = 0;
  const answer = ({ path, res }: { path: string; res: ServerResponse }) => {
    inFlight -= 1;
    const down = path.startsWith('/down');
    res.writeHead(down ? 503 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(down ? [] : { id: path }));
  };
  const server = await listen((req: IncomingMessage, res: ServerResponse) => {
    received += 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const call = { path: req.url ?? '/', res };
    if (autoReleaseMs !== undefined || call.path.startsWith('/down')) {
      setTimeout(() => answer(call), autoReleaseMs ?? 0);
    } else {
      held.push(call);
    }
  }, 0);
  return {
    server,
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    received: () => received,
    releaseAll: () => held.splice(0).forEach(answer),
  };
}

const clients: LegacyHttpClient[] = [];
const servers: HoldingServer[] = [];

function client(baseUrl: string, overrides: Partial<LegacyClientOptions> = {}): LegacyHttpClient {
  const created = createLegacyHttpClient({
    system: 'crm',
    baseUrl,
    timeoutMs: 10_000,
    breaker: {
      errorThresholdPercentage: 50,
      volumeThreshold: 2,
      resetTimeoutMs: 60_000,
      rollingCountTimeoutMs: 60_000,
    },
    retry: { maxRetries: 0 },
    registry: new Registry(),
    health: createLegacyHealthRegistry(),
    ...overrides,
  });
  clients.push(created);
  return created;
}

function get(http: LegacyHttpClient, path: string, deadline?: number) {
  return http.request({ operation: path.split('/')[1]!, path, schema: accountSchema, deadline });
}

afterEach(async () => {
  servers.forEach((held) => held.releaseAll());
  clients.splice(0).forEach((created) => created.close());
  await Promise.all(servers.splice(0).map((held) => held.server.close()));
});

async function start(autoReleaseMs?: number): Promise<HoldingServer> {
  const held = await holdingServer(autoReleaseMs);
  servers.push(held);
  return held;
}

describe('createBulkhead', () => {
  it('admits up to maxConcurrent at once and the rest in arrival order', async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 2, maxQueued: 10, queueTimeoutMs: 10_000 });
    const started: number[] = [];
    const finishers: Array<() => void> = [];
    const calls = [0, 1, 2, 3, 4].map((index) =>
      bulkhead.run(
        () =>
          new Promise<void>((resolve) => {
            started.push(index);
            finishers.push(resolve);
          }),
      ),
    );

    await waitFor('two calls started', () => started.length === 2);
    expect(bulkhead.active).toBe(2);
    expect(bulkhead.queued).toBe(3);
    while (finishers.length > 0) {
      finishers.shift()!();
      await waitFor('a call finished or five started', () => finishers.length > 0 || started.length === 5);
    }
    await Promise.all(calls);

    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(bulkhead.active).toBe(0);
  });

  it('refuses at once when the queue is full', async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 1, maxQueued: 1, queueTimeoutMs: 10_000 });
    let finish!: () => void;
    const running = bulkhead.run(() => new Promise<void>((resolve) => (finish = resolve)));
    const queued = bulkhead.run(async () => 'queued');

    await expect(bulkhead.run(async () => 'third')).rejects.toEqual(new BulkheadRejection('queue-full'));
    finish();
    await running;
    await expect(queued).resolves.toBe('queued');
  });

  it('gives a slot back when the call fails', async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 1, maxQueued: 0, queueTimeoutMs: 0 });

    await expect(bulkhead.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');

    await expect(bulkhead.run(async () => 'next')).resolves.toBe('next');
  });
});

describe('bulkhead in the legacy client', () => {
  it('never has more than maxConcurrent calls in flight to the system', async () => {
    const legacy = await start(15);
    const http = client(legacy.server.url, {
      bulkhead: { maxConcurrent: 4, maxQueued: 100, queueTimeoutMs: 10_000 },
    });

    const accounts = await Promise.all(
      Array.from({ length: 20 }, (_, index) => get(http, `/accounts/${index}`)),
    );

    expect(accounts).toHaveLength(20);
    expect(legacy.received()).toBe(20);
    expect(legacy.maxInFlight()).toBe(4);
  });

  it('refuses calls beyond the queue at once with UPSTREAM_UNAVAILABLE, without calling the system', async () => {
    const legacy = await start();
    const http = client(legacy.server.url, {
      bulkhead: { maxConcurrent: 2, maxQueued: 1, queueTimeoutMs: 10_000 },
    });
    const admitted = [get(http, '/accounts/1'), get(http, '/accounts/2'), get(http, '/accounts/3')];
    await waitFor('two calls in flight', () => legacy.inFlight() === 2);

    const error = await upstreamErrorOf(get(http, '/accounts/4'));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.upstream).toMatchObject({ system: 'crm', operation: 'accounts', bulkhead: 'full' });
    expect(legacy.received()).toBe(2);
    legacy.releaseAll();
    await waitFor('three calls received', () => legacy.received() === 3);
    legacy.releaseAll();
    await expect(Promise.all(admitted)).resolves.toHaveLength(3);
    expect(legacy.received()).toBe(3);
  });

  it('refuses a queued call after queueTimeoutMs', async () => {
    const legacy = await start();
    const http = client(legacy.server.url, {
      bulkhead: { maxConcurrent: 1, maxQueued: 10, queueTimeoutMs: 50 },
    });
    const running = get(http, '/accounts/1');
    await waitFor('one call in flight', () => legacy.inFlight() === 1);
    const started = Date.now();

    const error = await upstreamErrorOf(get(http, '/accounts/2'));

    expect(error.upstream.bulkhead).toBe('full');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    legacy.releaseAll();
    await running;
    expect(legacy.received()).toBe(1);
  });

  it('gives UPSTREAM_TIMEOUT when the deadline ends the wait for a slot', async () => {
    const legacy = await start();
    const http = client(legacy.server.url, {
      bulkhead: { maxConcurrent: 1, maxQueued: 10, queueTimeoutMs: 10_000 },
    });
    const running = get(http, '/accounts/1');
    await waitFor('one call in flight', () => legacy.inFlight() === 1);

    const error = await upstreamErrorOf(get(http, '/accounts/2', Date.now() + 50));

    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.upstream.bulkhead).toBeUndefined();
    legacy.releaseAll();
    await running;
  });

  it('fails an operation whose breaker is open at once, without waiting for a slot', async () => {
    const legacy = await start();
    const http = client(legacy.server.url, {
      bulkhead: { maxConcurrent: 1, maxQueued: 10, queueTimeoutMs: 10_000 },
    });
    for (let call = 0; call < 2; call += 1) await upstreamErrorOf(get(http, '/down/1'));
    expect(http.breakerStates()).toMatchObject({ down: 'open' });
    const running = get(http, '/accounts/1');
    await waitFor('one call in flight', () => legacy.inFlight() === 1);

    const error = await upstreamErrorOf(get(http, '/down/1'));

    expect(error.upstream).toMatchObject({ breaker: 'open' });
    expect(error.upstream.bulkhead).toBeUndefined();
    legacy.releaseAll();
    await running;
  });
});
