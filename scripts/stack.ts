import type { Env } from '../config';
import { businessDay, pinnedClock, systemClock, useBusinessClock } from '../domain';
import { Registry } from 'prom-client';
import { createRedisCache } from '../adapters/http';
import { startGateway, type RunningGateway } from '../gateway';
import { explorerDevTokensOf, gatewayConfigOf } from './gateway-config';
import { createLegacyAdapters } from './legacy-adapters';
import {
  DEFAULT_BILLING_OPTIONS,
  DEFAULT_CPQ_OPTIONS,
  DEFAULT_INCENTIVES_OPTIONS,
  DEFAULT_PRM_OPTIONS,
  startLegacyStack,
  type LegacyStack,
} from '../legacy';
import {
  startBillingSubgraph,
  startIncentivesSubgraph,
  startPartnersSubgraph,
  startQuotingSubgraph,
  type RunningSubgraph,
} from '../subgraphs';

/**
 * The whole stack in one process, in dependency order: legacy stand-ins, subgraphs, gateway.
 * `npm start` and the end-to-end tests both go through here; tests pass port 0 everywhere.
 */
export interface RunningStack {
  gateway: RunningGateway;
  /** Where each subgraph server listens (the gateway may be routed elsewhere by *_URL). */
  subgraphServers: Record<string, string>;
  urls: { gateway: string; subgraphs: Record<string, string>; legacy: Record<string, string> };
  legacy?: LegacyStack;
  close(): Promise<void>;
}

export async function startStack(env: Env): Promise<RunningStack> {
  const started: Array<{ close(): Promise<void> }> = [];
  const closeAll = async () => {
    for (const server of started.reverse()) await server.close();
  };
  try {
    let legacy: LegacyStack | undefined;
    useBusinessClock(env.LEGACY_AS_OF ? pinnedClock(env.LEGACY_AS_OF) : systemClock);
    if (env.START_LEGACY) {
      legacy = await startLegacyStack({
        // The seeded world's "today" is the business day the stack starts on.
        data: { seed: env.LEGACY_SEED, scale: env.LEGACY_SCALE, asOf: businessDay() },
        ports: {
          cpq: env.CPQ_PORT,
          prm: env.PRM_PORT,
          billing: env.BILLING_PORT,
          incentives: env.INCENTIVES_PORT,
        },
        cpq: {
          ...DEFAULT_CPQ_OPTIONS,
          clientId: env.CPQ_CLIENT_ID,
          clientSecret: env.CPQ_CLIENT_SECRET,
          today: businessDay,
          apiRequestLimit: { maxRequests: env.CPQ_STANDIN_API_LIMIT, windowMs: 24 * 60 * 60_000 },
        },
        prm: { ...DEFAULT_PRM_OPTIONS, apiKey: env.PRM_API_KEY, today: businessDay },
        billing: {
          ...DEFAULT_BILLING_OPTIONS,
          clientId: env.BILLING_CLIENT_ID,
          clientSecret: env.BILLING_CLIENT_SECRET,
          today: businessDay,
        },
        incentives: {
          ...DEFAULT_INCENTIVES_OPTIONS,
          username: env.INCENTIVES_USERNAME,
          password: env.INCENTIVES_PASSWORD,
          latencyMs: env.INCENTIVES_STANDIN_LATENCY_MS,
        },
      });
      started.push(legacy);
    }
    const cpqUrl = env.CPQ_URL ?? legacy?.urls.cpq;
    const prmUrl = env.PRM_URL ?? legacy?.urls.prm;
    const billingUrl = env.BILLING_URL ?? legacy?.urls.billing;
    const incentivesUrl = env.INCENTIVES_URL ?? legacy?.urls.incentives;
    if (!cpqUrl || !prmUrl) throw new Error('CPQ_URL and PRM_URL are required when START_LEGACY=false');
    if (!billingUrl) throw new Error('BILLING_URL is required when START_LEGACY=false');
    if (!incentivesUrl) throw new Error('INCENTIVES_URL is required when START_LEGACY=false');

    // The process's one metrics registry: every legacy client's figures, served by the gateway's /metrics.
    const registry = new Registry();
    // Reference data (products ...) shared by replicas through Redis when configured; otherwise each
    // adapter keeps its own bounded in-memory cache.
    const referenceCache = env.REDIS_URL
      ? createRedisCache({ redis: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX })
      : undefined;
    if (referenceCache) started.push(referenceCache);
    const adapters = createLegacyAdapters(
      env,
      { cpq: cpqUrl, prm: prmUrl, billing: billingUrl, incentives: incentivesUrl },
      { registry, cache: referenceCache },
    );
    // Pushed before the subgraphs, so closed after them.
    started.push(adapters);
    const caches = [referenceCache];
    const subgraphs: RunningSubgraph[] = [];
    const partners = await startPartnersSubgraph({
      port: env.PARTNERS_PORT,
      identitySecret: env.IDENTITY_SECRET,
      prm: adapters.prm,
      // A deal registration names one of the partner's customers, which the CPQ holds.
      cpq: adapters.cpq,
      caches,
    });
    started.push(partners);
    subgraphs.push(partners);
    const quoting = await startQuotingSubgraph({
      port: env.QUOTING_PORT,
      identitySecret: env.IDENTITY_SECRET,
      cpq: adapters.cpq,
      // Quoting reads the partner's tier, region and certifications from the PRM: its writes need them.
      prm: adapters.prm,
      lineQuantity: { min: env.QUOTE_LINE_QUANTITY_MIN, max: env.QUOTE_LINE_QUANTITY_MAX },
      caches,
    });
    started.push(quoting);
    subgraphs.push(quoting);
    const billing = await startBillingSubgraph({
      port: env.BILLING_SUBGRAPH_PORT,
      identitySecret: env.IDENTITY_SECRET,
      billing: adapters.billing,
    });
    started.push(billing);
    subgraphs.push(billing);
    const incentives = await startIncentivesSubgraph({
      port: env.INCENTIVES_SUBGRAPH_PORT,
      identitySecret: env.IDENTITY_SECRET,
      incentives: adapters.incentives,
      // Commission needs the partner's tier and quota (PRM), and the families of queued deals' products (CPQ).
      prm: adapters.prm,
      cpq: adapters.cpq,
      caches,
    });
    started.push(incentives);
    subgraphs.push(incentives);

    const subgraphUrls: Record<string, string> = {
      partners: env.PARTNERS_URL ?? `${partners.url}/graphql`,
      quoting: env.QUOTING_URL ?? `${quoting.url}/graphql`,
      billing: env.BILLING_SUBGRAPH_URL ?? `${billing.url}/graphql`,
      incentives: env.INCENTIVES_SUBGRAPH_URL ?? `${incentives.url}/graphql`,
    };
    const gatewayParts = gatewayConfigOf(env, {
      port: env.GATEWAY_PORT,
      supergraphPath: env.SUPERGRAPH_PATH,
      subgraphUrls,
    });
    started.push(gatewayParts);
    const gateway = await startGateway({
      ...gatewayParts.config,
      metricsRegistry: registry,
      // The explorer lists the seeded partners; against real systems there is no list to offer.
      explorerDevTokens: legacy
        ? explorerDevTokensOf(
            env,
            legacy.dataset.partners.map((partner) => ({ id: partner.id, name: partner.name })),
          )
        : undefined,
    });
    started.push(gateway);
    return {
      gateway,
      subgraphServers: Object.fromEntries(subgraphs.map((subgraph) => [subgraph.name, subgraph.url])),
      urls: {
        gateway: `${gateway.url}/graphql`,
        subgraphs: subgraphUrls,
        legacy: Object.fromEntries(
          Object.entries({ cpq: cpqUrl, billing: billingUrl, incentives: incentivesUrl, prm: prmUrl }).filter(
            (entry): entry is [string, string] => entry[1] !== undefined,
          ),
        ),
      },
      legacy,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
