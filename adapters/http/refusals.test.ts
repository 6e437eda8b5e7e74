import type { IncomingMessage, ServerResponse } from 'node:http';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { listen, type RunningServer } from '../../runtime';
import { createLegacyHttpClient, type LegacyHttpClient } from './client';
import { createLegacyHealthRegistry } from './health';
import { upstreamErrorOf } from './testing';

/**
 * A real HTTP server's own refusals of a request too large for it (no nock: its interception does
 * not pass such requests through as Node does). Node answers 431 to a request line over its 16 KB
 * header limit before any handler runs, which is what the CPQ stand-in answered to a 20 KB quote id.
 */
const accountSchema = z.object({ id: z.string() });

let legacy: RunningServer;
let handled = 0;
let http: LegacyHttpClient;

beforeAll(async () => {
  legacy = await listen((_req: IncomingMessage, res: ServerResponse) => {
    handled += 1;
    res.end(JSON.stringify({ id: 'A-1' }));
  }, 0);
});

beforeEach(() => {
  handled = 0;
  http = createLegacyHttpClient({
    system: 'crm',
    baseUrl: legacy.url,
    timeoutMs: 2000,
    breaker: {
      errorThresholdPercentage: 50,
      volumeThreshold: 3,
      resetTimeoutMs: 10_000,
      rollingCountTimeoutMs: 10_000,
    },
    retry: { maxRetries: 0 },
    registry: new Registry(),
    health: createLegacyHealthRegistry(),
  });
});

afterEach(() => http.close());
afterAll(() => legacy.close());

const getAccount = (id: string) =>
  http.request({ operation: 'getAccount', path: `/accounts/${id}`, schema: accountSchema });

it("answers BAD_USER_INPUT to Node's 431 for a 20 KB id, and never opens the breaker", async () => {
  for (let call = 0; call < 10; call += 1) {
    const error = await upstreamErrorOf(getAccount('x'.repeat(20_000)));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.upstream.breaker).toBe('closed');
  }

  await expect(getAccount('A-1')).resolves.toEqual({ id: 'A-1' });
  expect(handled).toBe(1);
  expect(http.breakerStates()).toEqual({ getAccount: 'closed' });
});
