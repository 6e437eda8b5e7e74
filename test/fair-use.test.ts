import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadEnv } from '../config';
import { DEFAULT_TIER_BUDGETS, startGateway, type PartnerTier, type RunningGateway } from '../gateway';
import { gatewayConfigOf } from '../scripts/gateway-config';
import type { RunningStack } from '../scripts/stack';
import { graphqlAs, startTestStack, tokenFor } from './stack';

/**
 * Fair use (gateway/budgets.ts): per-partner and per-user budgets keyed on the JWT, 429
 * RATE_LIMITED over them, the IETF RateLimit fields on every answer, budgets shared by replicas
 * through Redis, and a Redis failure answered by configuration, open or closed, without hanging.
 */
const ME = '{ me { id } }';

/** Extra gateways over a running stack's subgraphs, configured by `env` as `npm run gateway` is. */
async function extraGateway(
  stack: RunningStack,
  env: Record<string, string>,
  keyPrefix?: string,
): Promise<RunningGateway & { stop(): Promise<void> }> {
  const parts = gatewayConfigOf(loadEnv({ LOG_LEVEL: 'silent', ...env }), {
    port: 0,
    supergraphPath: loadEnv({}).SUPERGRAPH_PATH,
    subgraphUrls: stack.urls.subgraphs,
  });
  const { budgets } = parts.config;
  if (keyPrefix && budgets?.redis) budgets.redis = { ...budgets.redis, keyPrefix };
  const gateway = await startGateway(parts.config);
  return {
    ...gateway,
    stop: async () => {
      await gateway.close();
      await parts.close();
    },
  };
}

describe('per-partner budgets (in memory)', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startTestStack({
      BUDGETS: 'true',
      BUDGET_PARTNERS: JSON.stringify({ 'P-00002': { burst: 4, perMinute: 8 } }),
    });
  });
  afterAll(() => stack?.close());

  it("keeps one partner's success rate whole while another floods", async () => {
    const victim = await tokenFor('P-00001');
    const flooder = await tokenFor('P-00002');
    const victimRound = async () => {
      let ok = 0;
      // Within any tier's user burst (at least 5 a second) and minute.
      for (let i = 0; i < 4; i += 1) {
        const response = await graphqlAs(victim, stack.urls.gateway, ME);
        if (response.status === 200 && response.data?.me) ok += 1;
      }
      return ok;
    };
    expect(await victimRound()).toBe(4);

    const flood = Promise.all(Array.from({ length: 40 }, () => graphqlAs(flooder, stack.urls.gateway, ME)));
    const [victimDuringFlood, flooded] = await Promise.all([victimRound(), flood]);

    expect(victimDuringFlood).toBe(4);
    const refused = flooded.filter((response) => response.status === 429);
    // The flooder's user may spend half its partner's budget (a burst of 2, 4 a minute), the partner 4 and 8.
    expect(flooded.length - refused.length).toBeLessThanOrEqual(4);
    expect(refused.length).toBeGreaterThanOrEqual(36);
    const [first] = refused;
    expect(first?.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      budget: expect.stringMatching(/^(partner|user)-(burst|requests)$/),
    });
    expect(Number(first?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // Per-partner figures with bounded labels: totals per tier, and the few partners that spent most.
    const metrics = await (await fetch(stack.urls.gateway.replace('/graphql', '/metrics'))).text();
    const limited = [
      ...metrics.matchAll(
        /^gateway_budget_limited_total\{tier="(\w+)",budget="(?:partner|user)-(?:burst|requests)"\} (\d+)$/gm,
      ),
    ];
    expect(limited.reduce((sum, [, , count]) => sum + Number(count), 0)).toBe(refused.length);
    expect(metrics).toMatch(/^gateway_budget_requests_total\{tier="\w+",outcome="allowed"\} \d+$/m);
    expect(metrics).toMatch(/^gateway_budget_top_partner_cost\{partner="P-00002"\} \d+$/m);
    expect(metrics).not.toMatch(/gateway_budget_(requests|cost|limited)_total\{[^}]*partner=/);
  });

  it("answers with RateLimit-Policy (the partner's tier defaults) and RateLimit", async () => {
    // A partner no other test here spends for.
    const token = await tokenFor('P-00004');
    const tier = await graphqlAs<{ me: { tier: PartnerTier } }>(token, stack.urls.gateway, '{ me { tier } }');
    const limits = DEFAULT_TIER_BUDGETS[tier.data!.me.tier];
    const response = await graphqlAs(token, stack.urls.gateway, '{ me { id contacts { firstName } } }');

    expect(response.status).toBe(200);
    const policy = response.headers.get('ratelimit-policy') ?? '';
    expect(policy).toContain(`"partner-burst";q=${limits.burst};w=1;qu="requests"`);
    expect(policy).toContain(`"partner-requests";q=${limits.perMinute};w=60;qu="requests"`);
    expect(policy).toContain(`"partner-cost";q=${limits.costPerMinute};w=60;qu="query-cost"`);
    expect(policy).toContain(`"user-burst";q=${Math.floor(limits.burst / 2)};w=1`);
    // This user's second request: 2 of its share of requests, and of cost 1 (me) + 1 + 1 + 10 (contacts: 10 by default).
    const left = response.headers.get('ratelimit');
    expect(left).toContain(`"user-requests";r=${limits.perMinute / 2 - 2};t=`);
    expect(left).toContain(`"user-cost";r=${limits.costPerMinute / 2 - 13};t=`);
    expect(left).toContain(`"partner-cost";r=${limits.costPerMinute - 13};t=`);
  });
});

describe('me { usage }', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startTestStack({ BUDGETS: 'true' });
  });
  afterAll(() => stack?.close());

  const USAGE = '{ me { tier usage { requests cost remaining resetsAt } } }';
  type Usage = {
    me: {
      tier: PartnerTier;
      usage: { requests: number; cost: number; remaining: number; resetsAt: string } | null;
    };
  };

  it('shows the partner what the gateway counted for it this minute', async () => {
    const token = await tokenFor('P-00005');
    await graphqlAs(token, stack.urls.gateway, USAGE);
    const before = Date.now();
    const second = await graphqlAs<Usage>(token, stack.urls.gateway, USAGE);

    const { tier, usage } = second.data!.me;
    // Each of the two queries costs 2: me and its usage.
    expect(usage).toMatchObject({
      requests: 2,
      cost: 4,
      remaining: DEFAULT_TIER_BUDGETS[tier].costPerMinute - 4,
    });
    const resetsAt = Date.parse(usage!.resetsAt);
    expect(resetsAt).toBeGreaterThan(before);
    expect(resetsAt).toBeLessThanOrEqual(before + 60_000 + 1000);
  });

  it('is null for another partner, even to a channel manager', async () => {
    const manager = await tokenFor('P-00006', ['channel_manager']);
    const response = await graphqlAs(
      manager,
      stack.urls.gateway,
      '{ partner(id: "P-00007") { id usage { cost } } }',
    );

    expect(response.data).toEqual({ partner: { id: 'P-00007', usage: null } });
  });
});

describe('query cost budget', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startTestStack({
      BUDGETS: 'true',
      BUDGET_USER_SHARE_PERCENT: '100',
      BUDGET_PARTNERS: JSON.stringify({ 'P-00001': { costPerMinute: 30 } }),
    });
  });
  afterAll(() => stack?.close());

  it('refuses the query that would spend more than the partner has left this minute', async () => {
    const token = await tokenFor('P-00001');
    const contacts = '{ me { id contacts { firstName } } }'; // cost 12
    expect((await graphqlAs(token, stack.urls.gateway, contacts)).status).toBe(200);
    expect((await graphqlAs(token, stack.urls.gateway, contacts)).status).toBe(200);
    const third = await graphqlAs(token, stack.urls.gateway, contacts);

    expect(third.status).toBe(429);
    expect(third.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', budget: 'partner-cost' });
    expect(third.data).toBeUndefined();
  });
});

describe('budgets in Redis', () => {
  let stack: RunningStack;
  const gateways: Array<{ stop(): Promise<void> }> = [];
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    await stack?.close();
  });

  it('is one budget for every replica', async () => {
    const keyPrefix = `test-fair-use-${randomUUID()}:`;
    const env = {
      REDIS_URL: 'redis://127.0.0.1:6379',
      BUDGET_USER_SHARE_PERCENT: '100',
      BUDGET_PARTNERS: JSON.stringify({ 'P-00003': { burst: 100, perMinute: 6 } }),
    };
    const a = await extraGateway(stack, env, keyPrefix);
    gateways.push(a);
    const b = await extraGateway(stack, env, keyPrefix);
    gateways.push(b);
    const token = await tokenFor('P-00003');

    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const gateway = i % 2 === 0 ? a : b;
      statuses.push((await graphqlAs(token, `${gateway.url}/graphql`, ME)).status);
    }

    // Each replica alone would have allowed 6: together they allowed 6.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429, 429]);
    const redis = new Redis('redis://127.0.0.1:6379');
    try {
      const keys = await redis.keys(`${keyPrefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  it.each([
    ['open', 200],
    ['closed', 503],
  ] as const)('fails %s when Redis is unreachable, answering at once', async (mode, status) => {
    const gateway = await extraGateway(stack, {
      // Nothing listens on port 1: every command fails while the client keeps reconnecting.
      REDIS_URL: 'redis://127.0.0.1:1',
      BUDGET_ON_REDIS_FAILURE: mode,
    });
    gateways.push(gateway);
    const token = await tokenFor('P-00001');

    const response = await graphqlAs(token, `${gateway.url}/graphql`, ME);

    expect(response.status).toBe(status);
    if (mode === 'open') expect(response.data).toEqual({ me: { id: 'P-00001' } });
    else {
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', budget: 'unavailable' });
      expect(response.headers.get('retry-after')).toBe('1');
    }
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`gateway_budget_store_failures_total\\{mode="${mode}"\\} 1\\b`));
  });
});

describe("a fair share of the CPQ's API allowance", () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startTestStack({
      CPQ_STANDIN_API_LIMIT: '40',
      LEGACY_SHED_BULK_BELOW_PERCENT: '50',
      LEGACY_SHED_STANDARD_BELOW_PERCENT: '25',
      LEGACY_SHED_INTERACTIVE_BELOW_PERCENT: '10',
      LEGACY_PARTNER_SHARE_PERCENT: '100',
    });
  });
  afterAll(() => stack?.close());

  it("sheds a partner's quote list before its quote work, says why, and shows the allowance on /readyz", async () => {
    const token = await tokenFor('P-00001');
    const list = '{ me { quotes(first: 1) { edges { node { id } } } } }';
    const first = await graphqlAs<{ me: { quotes: { edges: Array<{ node: { id: string } }> } } }>(
      token,
      stack.urls.gateway,
      list,
    );
    const quoteId = first.data!.me.quotes.edges[0]!.node.id;
    let shed: Record<string, unknown> | undefined;
    for (let i = 0; i < 40 && !shed; i += 1) {
      const response = await graphqlAs(token, stack.urls.gateway, list);
      shed = response.errors?.find((error) => error.extensions?.code === 'UPSTREAM_RATE_LIMITED')?.extensions;
    }

    expect(shed).toMatchObject({
      upstream: { system: 'cpq', operation: 'queryQuotes', shed: 'allowance-low' },
    });
    const quote = await graphqlAs(token, stack.urls.gateway, `{ quote(id: "${quoteId}") { id } }`);
    expect(quote.errors).toBeUndefined();
    expect(quote.data).toEqual({ quote: { id: quoteId } });
    const readiness = (await (await fetch(stack.urls.gateway.replace('/graphql', '/readyz'))).json()) as {
      legacyAllowance: Record<string, { max: number; remaining: number; shedding: string[] }>;
    };
    expect(readiness.legacyAllowance.cpq).toMatchObject({ system: 'cpq', max: 40, shedding: ['bulk'] });
    expect(readiness.legacyAllowance.cpq!.remaining).toBeLessThan(20);
    const metrics = await (await fetch(stack.urls.gateway.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/^legacy_api_allowance_max\{system="cpq"\} 40$/m);
    expect(metrics).toMatch(/^legacy_api_allowance_remaining\{system="cpq"\} \d+$/m);
    expect(metrics).toMatch(
      /^legacy_shed_calls_total\{system="cpq",operation="queryQuotes",priority="bulk",reason="allowance-low"\} [1-9]/m,
    );
  });
});
