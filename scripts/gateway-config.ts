import path from 'node:path';
import { DEV_JWT_SECRET, type Env } from '../config';
import type { AuthConfig, ExplorerDevTokens, GatewayConfig } from '../gateway';
import { apqStore, DEFAULT_TIER_BUDGETS, loadOperationNames, loadSafelist } from '../gateway';
import { connectRedis, createLogger, createRedisCache, redisStatus } from '../runtime';

/** Env -> the gateway's typed configuration; shared by `npm start` and `npm run gateway`. */
export function authConfigOf(env: Env): AuthConfig {
  if (env.AUTH_DISABLED) {
    // Trusted internal use only (config refuses it in production): every request acts as this viewer.
    return {
      mode: 'disabled',
      viewer: { sub: 'auth-disabled', partnerId: env.AUTH_DISABLED_PARTNER_ID, roles: ['channel_manager'] },
    };
  }
  const tokenRules = {
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    maxTokenLifetimeSeconds: env.AUTH_MAX_TOKEN_LIFETIME_S,
  };
  return env.AUTH_JWKS_URL
    ? { mode: 'jwks', jwksUrl: env.AUTH_JWKS_URL, ...tokenRules }
    : { mode: 'hs256', secret: env.AUTH_JWT_SECRET, ...tokenRules };
}

/**
 * The explorer may mint tokens only where `npm run token` would be the way in anyway: outside
 * production, with the gateway verifying HS256 tokens signed with the development secret.
 */
export function explorerDevTokensOf(
  env: Env,
  partners: ExplorerDevTokens['partners'],
): ExplorerDevTokens | undefined {
  const auth = authConfigOf(env);
  if (env.NODE_ENV === 'production' || auth.mode !== 'hs256' || auth.secret !== DEV_JWT_SECRET)
    return undefined;
  return { secret: auth.secret, issuer: auth.issuer, audience: auth.audience, partners };
}

/** The operations the project's own clients send (`npm run manifest`), named in the metrics. */
const DEFAULT_MANIFEST = path.join(__dirname, '../schema/persisted-query-manifest.json');

export interface GatewayConfigParts {
  config: GatewayConfig;
  /** Connections the configuration opened (Redis), closed after the gateway. */
  close(): Promise<void>;
}

export function gatewayConfigOf(
  env: Env,
  overrides: Pick<GatewayConfig, 'port' | 'supergraphPath' | 'subgraphUrls'>,
): GatewayConfigParts {
  const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL) : undefined;
  const persistedQueries: GatewayConfig['persistedQueries'] =
    env.PERSISTED_QUERIES === 'safelist'
      ? { mode: 'safelist', safelist: loadSafelist(env.SAFELIST_MANIFEST!) }
      : env.PERSISTED_QUERIES === 'apq'
        ? {
            mode: 'apq',
            cache: redis ? apqStore(createRedisCache({ redis, keyPrefix: env.REDIS_KEY_PREFIX })) : undefined,
          }
        : { mode: 'off' };
  // Its own connection, with the budget check's own command timeout: a check must fail at once
  // while Redis is away, never wait behind the APQ store's commands.
  const budgetRedis =
    env.BUDGETS && env.REDIS_URL
      ? connectRedis(env.REDIS_URL, { commandTimeoutMs: env.BUDGET_REDIS_TIMEOUT_MS })
      : undefined;
  const tiers = Object.fromEntries(
    Object.entries(DEFAULT_TIER_BUDGETS).map(([tier, limits]) => [
      tier,
      { ...limits, ...env.BUDGET_TIERS[tier as keyof typeof DEFAULT_TIER_BUDGETS] },
    ]),
  ) as typeof DEFAULT_TIER_BUDGETS;
  const budgets: GatewayConfig['budgets'] = env.BUDGETS
    ? {
        tiers,
        partners: env.BUDGET_PARTNERS,
        userShare: env.BUDGET_USER_SHARE_PERCENT / 100,
        onStoreFailure: env.BUDGET_ON_REDIS_FAILURE,
        redis: budgetRedis && { client: budgetRedis, keyPrefix: env.REDIS_KEY_PREFIX },
        tierTtlMs: env.BUDGET_TIER_TTL_MS,
        fallbackTier: 'REGISTERED',
      }
    : undefined;
  return {
    config: {
      ...overrides,
      host: env.HOST,
      apolloTelemetry: env.APOLLO_TELEMETRY,
      auth: authConfigOf(env),
      identitySecret: env.IDENTITY_SECRET,
      production: env.NODE_ENV === 'production',
      limits: {
        maxDepth: env.LIMIT_MAX_DEPTH,
        maxAliases: env.LIMIT_MAX_ALIASES,
        maxDirectives: env.LIMIT_MAX_DIRECTIVES,
        maxTokens: env.LIMIT_MAX_TOKENS,
        maxCost: env.LIMIT_MAX_COST,
      },
      subgraphResilience: {
        timeoutMs: env.SUBGRAPH_TIMEOUT_MS,
        errorThresholdPercentage: env.SUBGRAPH_BREAKER_ERROR_THRESHOLD_PERCENT,
        volumeThreshold: env.SUBGRAPH_BREAKER_VOLUME_THRESHOLD,
        resetTimeoutMs: env.SUBGRAPH_BREAKER_RESET_MS,
      },
      requestTimeoutMs: env.GATEWAY_REQUEST_TIMEOUT_MS,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      persistedQueries,
      budgets,
      logger: createLogger(env.LOG_LEVEL, 'gateway'),
      drainTimeoutMs: env.DRAIN_TIMEOUT_MS,
      ...(redis ? { redis: [() => redisStatus(redis)] } : {}),
      metricsOperationNames: loadOperationNames(env.SAFELIST_MANIFEST ?? DEFAULT_MANIFEST),
    },
    close: async () => {
      if (redis) await redis.quit().catch(() => redis.disconnect());
      budgetRedis?.disconnect();
    },
  };
}
