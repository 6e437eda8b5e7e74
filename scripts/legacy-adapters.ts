import type { Registry } from 'prom-client';
import type { Env } from '../config';
import { createBillingAdapter, type BillingAdapter } from '../adapters/billing';
import { createCpqAdapter, type CpqAdapter } from '../adapters/cpq';
import {
  type AllowancePolicy,
  DEFAULT_ALLOWANCE_POLICY,
  DEFAULT_BREAKER_OPTIONS,
  type BreakerOptions,
  type KeyValueCache,
} from '../adapters/http';
import {
  createIncentivesAdapter,
  DEFAULT_PROGRAM_CACHE,
  type IncentivesAdapter,
} from '../adapters/incentives';
import { createPrmAdapter, type PrmAdapter } from '../adapters/prm';

/**
 * One adapter per legacy system per process, shared by every subgraph that reads the system: a
 * system's breakers, bulkhead, token and reference cache are then one, whichever subgraph calls.
 * DataLoaders stay per request; each subgraph builds them from these adapters.
 */
export interface LegacyAdapters {
  cpq: CpqAdapter;
  prm: PrmAdapter;
  billing: BillingAdapter;
  incentives: IncentivesAdapter;
  close(): Promise<void>;
}

export interface LegacyUrls {
  cpq: string;
  prm: string;
  billing: string;
  incentives: string;
}

export function createLegacyAdapters(
  env: Env,
  urls: LegacyUrls,
  shared: { registry: Registry; cache?: KeyValueCache },
): LegacyAdapters {
  const breaker: BreakerOptions = {
    ...DEFAULT_BREAKER_OPTIONS,
    errorThresholdPercentage: env.BREAKER_ERROR_THRESHOLD_PERCENT,
    volumeThreshold: env.BREAKER_VOLUME_THRESHOLD,
    resetTimeoutMs: env.BREAKER_RESET_MS,
  };
  const common = { timeoutMs: env.LEGACY_TIMEOUT_MS, breaker, registry: shared.registry };
  // The systems that report an API allowance (the CPQ's Sforce-Limit-Info) or push back (the PRM's 429).
  const allowancePolicy: AllowancePolicy = {
    ...DEFAULT_ALLOWANCE_POLICY,
    shedBelow: {
      bulk: env.LEGACY_SHED_BULK_BELOW_PERCENT / 100,
      standard: env.LEGACY_SHED_STANDARD_BELOW_PERCENT / 100,
      interactive: env.LEGACY_SHED_INTERACTIVE_BELOW_PERCENT / 100,
    },
    partnerShare: env.LEGACY_PARTNER_SHARE_PERCENT / 100,
  };
  const cpq = createCpqAdapter({
    ...common,
    baseUrl: urls.cpq,
    clientId: env.CPQ_CLIENT_ID,
    clientSecret: env.CPQ_CLIENT_SECRET,
    cache: shared.cache,
    allowancePolicy,
  });
  const prm = createPrmAdapter({
    ...common,
    baseUrl: urls.prm,
    apiKey: env.PRM_API_KEY,
    cache: shared.cache,
    allowancePolicy,
  });
  const billing = createBillingAdapter({
    ...common,
    baseUrl: urls.billing,
    clientId: env.BILLING_CLIENT_ID,
    clientSecret: env.BILLING_CLIENT_SECRET,
  });
  const incentives = createIncentivesAdapter({
    ...common,
    baseUrl: urls.incentives,
    username: env.INCENTIVES_USERNAME,
    password: env.INCENTIVES_PASSWORD,
    cache: shared.cache,
    programCache: { ...DEFAULT_PROGRAM_CACHE, ttlMs: env.INCENTIVES_PROGRAMS_TTL_MS },
    pendingTtlMs: env.INCENTIVES_PENDING_TTL_MS,
  });
  return {
    cpq,
    prm,
    billing,
    incentives,
    close: async () => [cpq, prm, billing, incentives].forEach((adapter) => adapter.http.close()),
  };
}
