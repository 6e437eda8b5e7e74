import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Counter, Gauge, type Registry } from 'prom-client';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { RATE_LIMITED, type PartnerUsage, type Viewer } from '../runtime';
import type { GatewayContext } from './context';
import type { PartnerTier, PartnerTierSource } from './partner-tiers';

/**
 * Fair use: budgets per partner and per user, keyed on the verified JWT (`partnerId`, `sub`).
 * Each has three: a burst of requests per second, sustained requests per minute, and query cost
 * per minute (the cost limits.ts computes). A partner's limits are its tier's (partner-tiers.ts)
 * with its configured overrides; each of its users may use `userShare` of them, so one runaway
 * script cannot spend the whole partner's budget either.
 *
 * Counted by rate-limiter-flexible: atomically in Redis when configured (a Lua INCR+PEXPIRE per
 * key, so every replica draws from one budget), in memory otherwise. The six counters are charged
 * together once the operation is resolved and costed, before anything is planned or fetched; a
 * request over any of them is answered 429 RATE_LIMITED with Retry-After.
 *
 * Every answer to a charged request carries the IETF fields of draft-ietf-httpapi-ratelimit-headers-09:
 * `RateLimit-Policy` lists the six quota policies (`"partner-burst";q=40;w=1;qu="requests"`, cost
 * with the unregistered unit `qu="query-cost"`) and `RateLimit` the service limit left in each
 * (`"partner-burst";r=39;t=1`).
 *
 * When Redis fails (down, slow past its command timeout), the budget is not known: with
 * `onStoreFailure: 'open'` the request runs uncounted (a warning when it starts, a metric for each),
 * with 'closed' it is refused with 503 RATE_LIMITED. Either way no request waits on Redis longer
 * than its client's command timeout, and not at all while it is disconnected.
 */
export interface BudgetLimits {
  /** Requests in any one second. */
  burst: number;
  /** Requests per minute: the sustained rate. */
  perMinute: number;
  /** Query cost per minute; at least the largest cost a query may have (LIMIT_MAX_COST). */
  costPerMinute: number;
}

export interface BudgetsConfig {
  tiers: Record<PartnerTier, BudgetLimits>;
  /** Per partner id, limits that replace its tier's. */
  partners: Record<string, Partial<BudgetLimits>>;
  /** The fraction (0..1] of its partner's limits one user may use. */
  userShare: number;
  onStoreFailure: 'open' | 'closed';
  /** Counters in Redis (every replica shares them); in this process's memory when absent. */
  redis?: { client: Redis; keyPrefix: string };
}

export const DEFAULT_TIER_BUDGETS: Record<PartnerTier, BudgetLimits> = {
  REGISTERED: { burst: 10, perMinute: 300, costPerMinute: 50_000 },
  SILVER: { burst: 20, perMinute: 600, costPerMinute: 100_000 },
  GOLD: { burst: 40, perMinute: 1200, costPerMinute: 200_000 },
  PLATINUM: { burst: 80, perMinute: 2400, costPerMinute: 400_000 },
};

type Scope = 'partner' | 'user';
type Kind = 'burst' | 'requests' | 'cost';
type PolicyName = `${Scope}-${Kind}`;

/** The six budgets of a request, in the order they are charged and listed in the headers. */
const POLICIES: ReadonlyArray<{ name: PolicyName; scope: Scope; kind: Kind; windowS: number }> = (
  ['partner', 'user'] as const
).flatMap((scope) =>
  (['burst', 'requests', 'cost'] as const).map((kind) => ({
    name: `${scope}-${kind}` as const,
    scope,
    kind,
    windowS: kind === 'burst' ? 1 : 60,
  })),
);
const PARTNER_REQUESTS = POLICIES.findIndex((policy) => policy.name === 'partner-requests');
const PARTNER_COST = POLICIES.findIndex((policy) => policy.name === 'partner-cost');
const UNIT: Record<Kind, string> = { burst: 'requests', requests: 'requests', cost: 'query-cost' };

/** What the answer's RateLimit-Policy and RateLimit fields say. */
interface RateLimitFields {
  policy: string;
  rateLimit: string;
}

export type BudgetDecision =
  | { outcome: 'allowed'; fields: RateLimitFields; usage: PartnerUsage }
  | {
      outcome: 'limited';
      fields: RateLimitFields;
      usage: PartnerUsage;
      budget: PolicyName;
      retryAfterS: number;
    }
  | { outcome: 'unknown'; allowed: boolean };

export interface Budgets {
  charge(viewer: Viewer, cost: number): Promise<BudgetDecision>;
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Resolves once Redis is connected, or after timeoutMs (then requests go by onStoreFailure). */
  ready(timeoutMs: number): Promise<void>;
}

/** Partners named in the top-N usage gauge; the rest are only in the tier totals. */
const TOP_PARTNERS = 5;

function userLimits(limits: BudgetLimits, share: number): BudgetLimits {
  const scale = (n: number) => Math.max(1, Math.floor(n * share));
  return {
    burst: scale(limits.burst),
    perMinute: scale(limits.perMinute),
    costPerMinute: scale(limits.costPerMinute),
  };
}

function quotaOf(limits: BudgetLimits, kind: Kind): number {
  return kind === 'burst' ? limits.burst : kind === 'requests' ? limits.perMinute : limits.costPerMinute;
}

/** Per-minute cost of the partners that spent most, for a gauge whose label set stays bounded. */
function topSpenders() {
  let minute = 0;
  let spent = new Map<string, number>();
  return {
    add(partnerId: string, cost: number) {
      const now = Math.floor(Date.now() / 60_000);
      if (now !== minute) {
        minute = now;
        spent = new Map();
      }
      spent.set(partnerId, (spent.get(partnerId) ?? 0) + cost);
    },
    top: () =>
      (Math.floor(Date.now() / 60_000) === minute ? [...spent] : [])
        .sort((a, b) => b[1] - a[1])
        .slice(0, TOP_PARTNERS),
  };
}

function budgetMetrics(registry: Registry, spenders: ReturnType<typeof topSpenders>) {
  return {
    requests: new Counter({
      name: 'gateway_budget_requests_total',
      help: 'Requests charged against partner budgets, by partner tier and outcome (allowed, limited, unknown: Redis failed).',
      labelNames: ['tier', 'outcome'],
      registers: [registry],
    }),
    cost: new Counter({
      name: 'gateway_budget_cost_total',
      help: 'Query cost charged against partner budgets, by partner tier.',
      labelNames: ['tier'],
      registers: [registry],
    }),
    limited: new Counter({
      name: 'gateway_budget_limited_total',
      help: 'Requests refused with RATE_LIMITED, by partner tier and the budget that ran out.',
      labelNames: ['tier', 'budget'],
      registers: [registry],
    }),
    storeFailures: new Counter({
      name: 'gateway_budget_store_failures_total',
      help: 'Requests whose budget could not be counted because Redis failed, by what was done (open: served, closed: refused).',
      labelNames: ['mode'],
      registers: [registry],
    }),
    topPartners: new Gauge({
      name: 'gateway_budget_top_partner_cost',
      help: `Query cost this minute of the ${TOP_PARTNERS} partners that spent most (counted by this replica).`,
      labelNames: ['partner'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [partner, cost] of spenders.top()) this.set({ partner }, cost);
      },
    }),
  };
}

function refusal(message: string, status: number, retryAfterS: number, extensions: object): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap([['retry-after', String(retryAfterS)]]) },
    body: {
      kind: 'single',
      singleResult: { errors: [{ message, extensions: { code: RATE_LIMITED, ...extensions } }] },
    },
  };
}

export function createBudgets(
  config: BudgetsConfig,
  tierOf: PartnerTierSource,
  dependencies: { registry: Registry; logger: Logger },
): Budgets {
  if (!(config.userShare > 0 && config.userShare <= 1)) {
    throw new TypeError(`userShare must be in (0, 1], got ${String(config.userShare)}`);
  }
  const spenders = topSpenders();
  const metrics = budgetMetrics(dependencies.registry, spenders);
  // One limiter per distinct quota and window: a limiter's points are fixed, its keys are not.
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterFor = (points: number, duration: number) => {
    const id = `${points}/${duration}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = config.redis
        ? new RateLimiterRedis({
            storeClient: config.redis.client,
            keyPrefix: `${config.redis.keyPrefix}budget`,
            points,
            duration,
            // A disconnected client fails at once instead of queueing the command.
            rejectIfRedisNotReady: true,
          })
        : new RateLimiterMemory({ keyPrefix: 'budget', points, duration });
      limiters.set(id, limiter);
    }
    return limiter;
  };
  /**
   * A partner's six limiters and its RateLimit-Policy, the same for every request under the same
   * limits: one plan per tier, and one per partner with overrides (as many as configured).
   */
  const plans = new Map<string, { limiters: RateLimiterAbstract[]; policy: string }>();
  const planFor = (tier: PartnerTier, partnerId: string) => {
    const overrides = config.partners[partnerId];
    const id = overrides ? `${tier}:${partnerId}` : tier;
    let plan = plans.get(id);
    if (!plan) {
      const partner = { ...config.tiers[tier], ...overrides };
      const limits: Record<Scope, BudgetLimits> = { partner, user: userLimits(partner, config.userShare) };
      const quotas = POLICIES.map((p) => quotaOf(limits[p.scope], p.kind));
      plan = {
        limiters: POLICIES.map((p, i) => limiterFor(quotas[i]!, p.windowS)),
        policy: POLICIES.map((p, i) => `"${p.name}";q=${quotas[i]};w=${p.windowS};qu="${UNIT[p.kind]}"`).join(
          ', ',
        ),
      };
      plans.set(id, plan);
    }
    return plan;
  };
  let storeFailing = false;

  async function charge(viewer: Viewer, cost: number): Promise<BudgetDecision> {
    const tier = await tierOf(viewer);
    const plan = planFor(tier, viewer.partnerId);
    const keys: Record<Scope, string> = {
      partner: `p:${viewer.partnerId}:`,
      user: `u:${viewer.partnerId}:${viewer.sub}:`,
    };
    const settled = await Promise.allSettled(
      POLICIES.map((p, i) => plan.limiters[i]!.consume(keys[p.scope] + p.kind, p.kind === 'cost' ? cost : 1)),
    );
    const failure = settled.find((s) => s.status === 'rejected' && !(s.reason instanceof RateLimiterRes));
    if (failure) {
      const allowed = config.onStoreFailure === 'open';
      metrics.requests.inc({ tier, outcome: 'unknown' });
      metrics.storeFailures.inc({ mode: config.onStoreFailure });
      if (!storeFailing) {
        storeFailing = true;
        dependencies.logger.warn(
          { err: (failure as PromiseRejectedResult).reason, onStoreFailure: config.onStoreFailure },
          allowed
            ? 'budget store unavailable: serving requests uncounted'
            : 'budget store unavailable: refusing requests',
        );
      }
      return { outcome: 'unknown', allowed };
    }
    if (storeFailing) {
      storeFailing = false;
      dependencies.logger.info('budget store available again');
    }
    const results = settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as RateLimiterRes)));
    let rateLimit = '';
    let limited: { name: PolicyName; msBeforeNext: number } | undefined;
    for (let i = 0; i < POLICIES.length; i += 1) {
      const { remainingPoints, msBeforeNext } = results[i]!;
      rateLimit += `${i === 0 ? '' : ', '}"${POLICIES[i]!.name}";r=${Math.max(0, remainingPoints)};t=${Math.ceil(msBeforeNext / 1000)}`;
      if (settled[i]!.status === 'rejected' && (!limited || msBeforeNext > limited.msBeforeNext))
        limited = { name: POLICIES[i]!.name, msBeforeNext };
    }
    const partnerCost = results[PARTNER_COST]!;
    const usage: PartnerUsage = {
      partnerId: viewer.partnerId,
      requests: results[PARTNER_REQUESTS]!.consumedPoints,
      cost: partnerCost.consumedPoints,
      remaining: Math.max(0, partnerCost.remainingPoints),
      resetsAt: Date.now() + partnerCost.msBeforeNext,
    };
    metrics.cost.inc({ tier }, cost);
    spenders.add(viewer.partnerId, cost);
    const fields = { policy: plan.policy, rateLimit };
    if (!limited) {
      metrics.requests.inc({ tier, outcome: 'allowed' });
      return { outcome: 'allowed', fields, usage };
    }
    metrics.requests.inc({ tier, outcome: 'limited' });
    metrics.limited.inc({ tier, budget: limited.name });
    return {
      outcome: 'limited',
      fields,
      usage,
      budget: limited.name,
      retryAfterS: Math.max(1, Math.ceil(limited.msBeforeNext / 1000)),
    };
  }

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      let decision: BudgetDecision | undefined;
      return {
        // After every didResolveOperation (the cost is known), before planning and fetching.
        async responseForOperation({ contextValue }) {
          decision = await charge(contextValue.viewer, contextValue.cost ?? 0);
          if (decision.outcome === 'unknown') {
            return decision.allowed
              ? null
              : refusal('Rate limits cannot be checked right now; retry shortly', 503, 1, {
                  budget: 'unavailable',
                });
          }
          contextValue.usage = decision.usage;
          if (decision.outcome === 'allowed') return null;
          return refusal(
            `Rate limit exceeded (${decision.budget}); retry after ${decision.retryAfterS} s`,
            429,
            decision.retryAfterS,
            { budget: decision.budget, retryAfterMs: decision.retryAfterS * 1000 },
          );
        },
        async willSendResponse({ response }) {
          if (!decision || decision.outcome === 'unknown') return;
          response.http.headers.set('ratelimit-policy', decision.fields.policy);
          response.http.headers.set('ratelimit', decision.fields.rateLimit);
        },
      };
    },
  };

  async function ready(timeoutMs: number): Promise<void> {
    const client = config.redis?.client;
    if (!client || client.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        client.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      client.once('ready', done);
    });
  }

  return { charge, plugin, ready };
}
