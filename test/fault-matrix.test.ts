import { Registry } from 'prom-client';
import { createBillingAdapter } from '../adapters/billing';
import { createCpqAdapter } from '../adapters/cpq';
import { createLegacyHealthRegistry, createMemoryCache, type BreakerOptions } from '../adapters/http';
import { createIncentivesAdapter } from '../adapters/incentives';
import { createPrmAdapter } from '../adapters/prm';
import {
  DEFAULT_BILLING_OPTIONS,
  DEFAULT_CPQ_OPTIONS,
  DEFAULT_INCENTIVES_OPTIONS,
  DEFAULT_PRM_OPTIONS,
  startLegacyStack,
  type LegacyStack,
} from '../legacy';
import { waitFor } from './wait-for';

/**
 * The fault matrix: every legacy system x every fault of its stand-in's fault API, through the
 * real adapter. Asserts the coded error a client would get, that the breaker opens after its
 * threshold, fails fast without calling the system while open (counted on /__stats), and closes
 * again once the system recovers; and that cached reference data is served stale while it is down.
 */
const BREAKER: BreakerOptions = {
  errorThresholdPercentage: 50,
  volumeThreshold: 3,
  resetTimeoutMs: 300,
  rollingCountTimeoutMs: 10_000,
};
const TIMEOUT_MS = 250;
/** Reference data goes stale at once, so the next read must ask the system (or fall back to the cache). */
const REFERENCE_TTL_MS = 1;

type SystemName = 'cpq' | 'billing' | 'incentives' | 'prm';
const SYSTEM_NAMES: SystemName[] = ['cpq', 'billing', 'incentives', 'prm'];
/** The systems that issue OAuth tokens, with their token routes; the others use Basic auth or an API key. */
const TOKEN_ROUTES = { cpq: 'POST /services/oauth2/token', billing: 'POST /oauth/token' } as const;
const TOKENLESS_SYSTEMS: SystemName[] = ['incentives', 'prm'];
/** The systems whose adapters cache reference data (products, programs). */
const REFERENCE_SYSTEMS = ['cpq', 'incentives'] as const;

interface SystemUnderTest {
  name: SystemName;
  /** One transactional read, as a subgraph makes it. */
  read(): Promise<unknown>;
  /** The adapter's breaker states by operation. */
  breakerStates(): Record<string, string>;
}

/** A reference-data read through the cache: how current the answer is. */
type ReferenceRead = () => Promise<{ stale: boolean; asOf: string }>;

let stack: LegacyStack;
const systems: SystemUnderTest[] = [];
const referenceReads = {} as Record<(typeof REFERENCE_SYSTEMS)[number], ReferenceRead>;

function adapterOptions() {
  return {
    timeoutMs: TIMEOUT_MS,
    breaker: BREAKER,
    retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 20 },
    cache: createMemoryCache(),
    registry: new Registry(),
    health: createLegacyHealthRegistry(),
  };
}

/** Fresh adapters per test, so every breaker starts closed. */
function freshSystems(): SystemUnderTest[] {
  const cpq = createCpqAdapter({
    baseUrl: stack.urls.cpq,
    ...DEFAULT_CPQ_OPTIONS,
    ...adapterOptions(),
    productCache: { ttlMs: REFERENCE_TTL_MS, staleTtlMs: 60_000 },
  });
  const prm = createPrmAdapter({
    baseUrl: stack.urls.prm,
    apiKey: DEFAULT_PRM_OPTIONS.apiKey,
    ...adapterOptions(),
  });
  const billing = createBillingAdapter({
    baseUrl: stack.urls.billing,
    clientId: DEFAULT_BILLING_OPTIONS.clientId,
    clientSecret: DEFAULT_BILLING_OPTIONS.clientSecret,
    ...adapterOptions(),
  });
  const incentives = createIncentivesAdapter({
    baseUrl: stack.urls.incentives,
    username: DEFAULT_INCENTIVES_OPTIONS.username,
    password: DEFAULT_INCENTIVES_OPTIONS.password,
    ...adapterOptions(),
    programCache: { ttlMs: REFERENCE_TTL_MS, staleTtlMs: 60_000 },
  });
  const acceptedQuote = stack.dataset.quotes.find((quote) => quote.SBQQ__Status__c === 'Accepted')!;
  referenceReads.cpq = async () => {
    const cached = await cpq.createLoaders().cachedProductBySku.load(stack.dataset.products[0]!.ProductCode);
    return cached!.freshness;
  };
  referenceReads.incentives = async () => (await incentives.createLoaders().programs.load('all')).freshness;
  return [
    {
      name: 'cpq',
      read: () => cpq.createLoaders().quoteById.load(stack.dataset.quotes[0]!.Id),
      breakerStates: () => cpq.http.breakerStates(),
    },
    {
      name: 'billing',
      read: () => billing.createLoaders().invoicesByQuoteId.load(acceptedQuote.Id),
      breakerStates: () => billing.http.breakerStates(),
    },
    {
      name: 'incentives',
      read: () => incentives.createLoaders().accrualsByPartnerId.load(acceptedQuote.SBQQ__Partner__c),
      breakerStates: () => incentives.http.breakerStates(),
    },
    {
      name: 'prm',
      read: () => prm.createLoaders().partnerById.load('P-00001'),
      breakerStates: () => prm.http.breakerStates(),
    },
  ];
}

async function admin(system: string, method: 'POST' | 'DELETE' | 'GET', path: string, body?: unknown) {
  const url = stack.urls[system as SystemName];
  const response = await fetch(`${url}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return response.status === 204 ? undefined : ((await response.json()) as { total?: number });
}

const calls = async (system: string) => (await admin(system, 'GET', '/__stats'))!.total ?? 0;
const routeCalls = async (system: string) =>
  ((await admin(system, 'GET', '/__stats')) as { calls: Record<string, number> }).calls;

async function codeOf(
  promise: Promise<unknown>,
): Promise<{ code?: string; upstream?: Record<string, unknown> }> {
  try {
    await promise;
    return {};
  } catch (error) {
    return error as { code?: string; upstream?: Record<string, unknown> };
  }
}

beforeAll(async () => {
  stack = await startLegacyStack({
    data: { seed: 42, scale: 'small' },
    ports: { cpq: 0, prm: 0, billing: 0, incentives: 0 },
    cpq: DEFAULT_CPQ_OPTIONS,
    prm: DEFAULT_PRM_OPTIONS,
    incentives: { ...DEFAULT_INCENTIVES_OPTIONS, latencyMs: { min: 0, max: 0 } },
  });
});
afterAll(async () => {
  await stack?.close();
});
beforeEach(async () => {
  systems.splice(0, systems.length, ...freshSystems());
  for (const name of SYSTEM_NAMES) {
    await admin(name, 'DELETE', '/__faults');
    await admin(name, 'DELETE', '/__stats');
  }
});

const FAULTS: Array<[string, Record<string, unknown>, string]> = [
  ['down', { down: true }, 'UPSTREAM_UNAVAILABLE'],
  ['slow beyond the timeout', { latencyMs: TIMEOUT_MS + 250 }, 'UPSTREAM_TIMEOUT'],
  ['a 5xx burst', { errorRate: 1, errorStatus: 503 }, 'UPSTREAM_UNAVAILABLE'],
  ['a malformed body', { malformed: 'truncate' }, 'UPSTREAM_BAD_RESPONSE'],
  ['wrong types', { malformed: 'wrong-types' }, 'UPSTREAM_BAD_RESPONSE'],
  ['429 with a long Retry-After', { rateLimitRetryAfterSeconds: 120 }, 'UPSTREAM_RATE_LIMITED'],
];

describe.each(SYSTEM_NAMES)('%s', (name) => {
  const system = () => systems.find((candidate) => candidate.name === name)!;

  it('answers when healthy', async () => {
    await expect(system().read()).resolves.toBeTruthy();
  });

  it.each(FAULTS)('%s -> %s', async (_fault, fault, code) => {
    await system().read();
    await admin(name, 'POST', '/__faults', fault);
    const error = await codeOf(system().read());
    expect(error.code).toBe(code);
    expect(error.upstream).toMatchObject({ system: name });
    if (code === 'UPSTREAM_RATE_LIMITED') expect(error.upstream?.retryAfterMs).toBe(120_000);
  });

  it('opens the breaker after the threshold, fails fast while open, then half-opens and closes on recovery', async () => {
    await admin(name, 'POST', '/__faults', { errorRate: 1, errorStatus: 500 });
    for (let attempt = 0; attempt < BREAKER.volumeThreshold; attempt += 1) await codeOf(system().read());
    const before = await calls(name);
    const open = await codeOf(system().read());
    expect(open).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { breaker: 'open' } });
    expect(await calls(name)).toBe(before);

    await admin(name, 'DELETE', '/__faults');
    await waitFor('the breaker half-opens', () => !Object.values(system().breakerStates()).includes('open'));
    await expect(system().read()).resolves.toBeTruthy();
    expect(await calls(name)).toBeGreaterThan(before);
    await expect(system().read()).resolves.toBeTruthy();
    expect(Object.values(system().breakerStates()).every((state) => state === 'closed')).toBe(true);
  });
});

describe.each(Object.entries(TOKEN_ROUTES))('%s tokens (%s)', (name, tokenRoute) => {
  const system = () => systems.find((candidate) => candidate.name === name)!;

  it('answers UPSTREAM_RATE_LIMITED when the token endpoint itself is rate limited', async () => {
    await admin(name, 'POST', '/__faults', { route: tokenRoute, rateLimitRetryAfterSeconds: 30 });
    const error = await codeOf(system().read());
    expect(error).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', upstream: { retryAfterMs: 30_000 } });
  });

  it('refreshes an expired token without the client noticing', async () => {
    await system().read();
    const tokensBefore = (await routeCalls(name))[tokenRoute] ?? 0;
    await admin(name, 'POST', '/__faults', { expireTokens: true });
    await expect(system().read()).resolves.toBeTruthy();
    expect((await routeCalls(name))[tokenRoute]).toBe(tokensBefore + 1);
  });
});

it.each(TOKENLESS_SYSTEMS)('%s issues no tokens: its fault API refuses expireTokens', async (name) => {
  const answer = await fetch(`${stack.urls[name]}/__faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ expireTokens: true }),
  });
  expect(answer.status).toBe(400);
});

it.each(REFERENCE_SYSTEMS)('%s serves cached reference data marked stale while down', async (name) => {
  const fresh = await referenceReads[name]();
  expect(fresh.stale).toBe(false);
  await admin(name, 'POST', '/__faults', { down: true });
  await waitFor(
    'the cached copy is past its TTL',
    () => Date.now() > Date.parse(fresh.asOf) + REFERENCE_TTL_MS,
  );
  expect((await referenceReads[name]()).stale).toBe(true);
});

describe('billing business errors (HTTP 200 with success: false)', () => {
  it('are coded answers that never open the breaker', async () => {
    const billing = createBillingAdapter({
      baseUrl: stack.urls.billing,
      clientId: DEFAULT_BILLING_OPTIONS.clientId,
      clientSecret: DEFAULT_BILLING_OPTIONS.clientSecret,
      ...adapterOptions(),
    });
    for (let attempt = 0; attempt < BREAKER.volumeThreshold * 2; attempt += 1) {
      await expect(billing.createLoaders().invoiceById.load(`INV-NOPE-${attempt}`)).resolves.toBeNull();
    }
    expect(Object.values(billing.http.breakerStates()).every((state) => state === 'closed')).toBe(true);
  });
});
