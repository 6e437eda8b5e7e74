import { parseArgs } from 'node:util';
import { Registry } from 'prom-client';
import { Redis } from 'ioredis';
import pino from 'pino';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { createBudgets, type Budgets, type BudgetsConfig } from '../gateway/budgets';
import type { GatewayContext } from '../gateway';
import { signUsage, type Viewer } from '../runtime';
import { BENCH_BUDGET_TIERS, startBackend, startContender } from './harness';
import { runLoad } from './load';
import { settle } from './processes';
import { SCENARIOS } from './scenarios';

/**
 * `npx tsx bench/budgets.ts`: what fair-use budgets (gateway/budgets.ts) cost the gateway.
 *
 * 1. In process: CPU per request of the budgets plugin (its hooks, charging the six counters:
 *    partner and user, burst, per minute, cost; the RateLimit fields; the usage header signed),
 *    in memory and in Redis (REDIS_URL, default 127.0.0.1:6379, under its own key prefix), with
 *    `--concurrency` requests at a time, as a loaded gateway has.
 * 2. End to end: our gateway in its own process in front of the same subgraphs, budgets off, in
 *    memory and in Redis, under the catalog scenario: req/s and gateway CPU ms per request, each
 *    mode once per round (the order reversed every other round), the best round reported. On a
 *    shared 2-core machine these move by more than what budgets cost; (1) is the precise figure.
 */
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '50' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    'backend-warmup': { type: 'string', default: '15' },
    scale: { type: 'string', default: 'small' },
    redis: { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    'skip-load': { type: 'boolean', default: false },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

const IDENTITY_SECRET = 'bench-identity-secret-0123456789-0123456789';

/**
 * What budgets add to one request, as Apollo Server runs the plugin's hooks (the request context
 * reduced to what they read), and the usage header signed once for its subgraph fetches.
 */
async function budgetedRequest(budgets: Budgets, viewer: Viewer): Promise<void> {
  type Hooks = GraphQLRequestListener<GatewayContext>;
  const contextValue = {
    viewer,
    requestId: 'bench',
    deadline: Date.now() + 10_000,
    cost: 25,
  } as GatewayContext;
  const listener = (await budgets.plugin.requestDidStart!({ contextValue } as Parameters<
    NonNullable<ApolloServerPlugin<GatewayContext>['requestDidStart']>
  >[0])) as Hooks;
  const refused = await listener.responseForOperation!({ contextValue } as Parameters<
    NonNullable<Hooks['responseForOperation']>
  >[0]);
  if (refused) throw new Error('the bench budgets refused a request');
  await listener.willSendResponse!({
    response: { http: { headers: new HeaderMap() } },
  } as unknown as Parameters<NonNullable<Hooks['willSendResponse']>>[0]);
  signUsage(contextValue.usage!, IDENTITY_SECRET);
}

async function cpuPerRequest(config: BudgetsConfig): Promise<{ cpuMs: number; wallMs: number }> {
  const budgets = createBudgets(config, async () => 'GOLD', {
    registry: new Registry(),
    logger: pino({ level: 'silent' }),
  });
  await budgets.ready(2000);
  const viewers = Array.from({ length: 20 }, (_, i) => ({
    sub: `bench-user-${i}`,
    partnerId: `P-BENCH-${i % 5}`,
    roles: ['partner_rep' as const],
  }));
  const run = async (count: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < count; i = next++)
          await budgetedRequest(budgets, viewers[i % viewers.length]!);
      }),
    );
  };
  await run(Math.min(2000, requests));
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run(requests);
  const used = process.cpuUsage(cpu);
  return {
    cpuMs: (used.user + used.system) / 1000 / requests,
    wallMs: (performance.now() - started) / requests,
  };
}

const huge = JSON.parse(BENCH_BUDGET_TIERS) as BudgetsConfig['tiers'];
const base: BudgetsConfig = { tiers: huge, partners: {}, userShare: 0.5, onStoreFailure: 'open' };

async function main(): Promise<void> {
  const memory = await cpuPerRequest(base);
  console.log(
    `in process, memory: ${memory.cpuMs.toFixed(4)} CPU ms per request (${requests} requests, ${concurrency} at a time)`,
  );
  const redis = new Redis(values.redis, {
    enableOfflineQueue: false,
    commandTimeout: 50,
    maxRetriesPerRequest: 0,
  });
  redis.on('error', () => undefined);
  const keyPrefix = `bench-budgets-${process.pid}:`;
  try {
    const inRedis = await cpuPerRequest({ ...base, redis: { client: redis, keyPrefix } });
    console.log(
      `in process, Redis:  ${inRedis.cpuMs.toFixed(4)} CPU ms per request, ${inRedis.wallMs.toFixed(4)} ms wall per request at ${concurrency} at a time`,
    );
  } finally {
    const keys = await redis.keys(`${keyPrefix}*`).catch(() => []);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
  if (values['skip-load']) return;

  const backend = await startBackend({ scale: values.scale as 'small' | 'large', seed: 42 });
  const scenario = SCENARIOS.find((candidate) => candidate.id === 'catalog')!;
  const modes: Array<[string, Record<string, string>]> = [
    ['budgets off', { BUDGETS: 'false' }],
    ['budgets in memory', {}],
    ['budgets in Redis', { REDIS_URL: values.redis }],
  ];
  try {
    // The subgraphs and stand-ins get faster for a while (JIT, caches): not to be billed to the first mode.
    const warming = await startContender('ours', backend, [], { BUDGETS: 'false' });
    try {
      await runLoad({
        ...warming.request(scenario),
        connections: Number(values.connections),
        durationSeconds: Number(values['backend-warmup']),
      });
    } finally {
      await warming.process.stop(2000);
    }
    const results = new Map<string, Array<{ rps: number; cpuMs: number }>>();
    for (let round = 0; round < Number(values.rounds); round += 1) {
      const order = round % 2 === 0 ? modes : [...modes].reverse();
      for (const [name, env] of order) {
        const contender = await startContender('ours', backend, [], env);
        try {
          const request = contender.request(scenario);
          const load = (durationSeconds: number) =>
            runLoad({ ...request, connections: Number(values.connections), durationSeconds });
          await load(2);
          await settle([backend.legacy, backend.subgraphs, contender.process]);
          const before = contender.process.cpuMs()!;
          const result = await load(Number(values.duration));
          const cpuMs = (contender.process.cpuMs()! - before) / result.responses;
          const rps = result.responses / result.durationSeconds;
          if (result.outcomes.failed > 0)
            console.log(`  (${name}: ${result.outcomes.failed} failed answers)`);
          results.set(name, [...(results.get(name) ?? []), { rps, cpuMs }]);
          console.log(
            `round ${round + 1} ${name.padEnd(18)} ${rps.toFixed(0).padStart(6)} req/s  gateway ${cpuMs.toFixed(3)} CPU ms/request`,
          );
        } finally {
          await contender.process.stop(2000);
        }
      }
    }
    console.log('\nbest round of each (most req/s):');
    for (const [name] of modes) {
      const best = results.get(name)!.reduce((a, b) => (b.rps > a.rps ? b : a));
      console.log(
        `${name.padEnd(18)} ${best.rps.toFixed(0).padStart(6)} req/s  gateway ${best.cpuMs.toFixed(3)} CPU ms/request`,
      );
    }
  } finally {
    await backend.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
