import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration, read once from the environment at start-up and validated here; everything
 * below receives typed values. An invalid variable stops start-up with a message naming it.
 */
const port = z.coerce.number().int().min(0, 'must be 0..65535').max(65535, 'must be 0..65535');
const positiveMs = z.coerce.number().int().min(1, 'must be a positive number of milliseconds');
const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'off'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'on');
const httpUrl = z
  .string()
  .url('must be an http(s) URL')
  .refine((url) => /^https?:\/\//.test(url), 'must be an http(s) URL');

/** A JSON object in a variable, validated by `schema`; a message says what is wrong with it. */
const json = <T extends z.ZodTypeAny>(schema: T) =>
  z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
const budgetLimits = z
  .object({
    burst: z.number().int().min(1),
    perMinute: z.number().int().min(1),
    costPerMinute: z.number().int().min(1),
  })
  .partial()
  .strict();
const percent = z.coerce.number().min(0, 'must be 0..100').max(100, 'must be 0..100');

/** Development defaults for secrets; refused when NODE_ENV=production. */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';
export const DEV_IDENTITY_SECRET = 'dev-only-identity-secret-change-me-0123456789';

const envSchema = z
  .object({
    NODE_ENV: z.string().default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    GATEWAY_PORT: port.default(4000),
    PARTNERS_PORT: port.default(4001),
    QUOTING_PORT: port.default(4002),
    BILLING_SUBGRAPH_PORT: port.default(4003),
    INCENTIVES_SUBGRAPH_PORT: port.default(4004),
    CPQ_PORT: port.default(4101),
    BILLING_PORT: port.default(4102),
    INCENTIVES_PORT: port.default(4103),
    PRM_PORT: port.default(4104),
    PARTNERS_URL: httpUrl.optional(),
    QUOTING_URL: httpUrl.optional(),
    BILLING_SUBGRAPH_URL: httpUrl.optional(),
    INCENTIVES_SUBGRAPH_URL: httpUrl.optional(),
    START_LEGACY: flag.default(true),
    LEGACY_SEED: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(42),
    LEGACY_SCALE: z.enum(['small', 'large'], { message: 'must be small or large' }).default('small'),
    /**
     * Pins the seeded world's "today" and every system's business day to this date (tests, demos);
     * unset, the world is anchored to the day the stack starts and the clock runs.
     */
    LEGACY_AS_OF: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)')
      .refine((day) => {
        const ms = Date.parse(`${day}T00:00:00Z`);
        return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
      }, 'must be a real calendar date (YYYY-MM-DD)')
      .optional(),
    CPQ_URL: httpUrl.optional(),
    CPQ_CLIENT_ID: z.string().min(1).default('partner-graph'),
    CPQ_CLIENT_SECRET: z.string().min(1).default('cpq-dev-secret'),
    PRM_URL: httpUrl.optional(),
    PRM_API_KEY: z.string().min(1).default('prm-dev-key'),
    BILLING_URL: httpUrl.optional(),
    BILLING_CLIENT_ID: z.string().min(1).default('partner-graph'),
    BILLING_CLIENT_SECRET: z.string().min(1).default('billing-dev-secret'),
    INCENTIVES_URL: httpUrl.optional(),
    INCENTIVES_USERNAME: z.string().min(1).default('partner-graph'),
    INCENTIVES_PASSWORD: z.string().min(1).default('incentives-dev-password'),
    /** How long incentive program rules are served from cache before the system is asked again. */
    INCENTIVES_PROGRAMS_TTL_MS: positiveMs.default(5 * 60_000),
    /** How long one listing of the incentive system's pending queue serves every request; 0: every request lists it. */
    INCENTIVES_PENDING_TTL_MS: z.coerce
      .number()
      .int()
      .min(0, 'must be 0 or a positive number of milliseconds')
      .default(30_000),
    /** The incentives stand-in's own slowness, "min-max" ms per call (the real system: 100-300). */
    INCENTIVES_STANDIN_LATENCY_MS: z
      .string()
      .regex(/^\d+-\d+$/, 'must be "min-max" in milliseconds, e.g. 100-300')
      .transform((value) => {
        const [min, max] = value.split('-').map(Number) as [number, number];
        return { min: Math.min(min, max), max: Math.max(min, max) };
      })
      .default({ min: 100, max: 300 }),
    /** The CPQ stand-in's API request limit per 24 hours (Salesforce's org allowance), reported on every answer. */
    CPQ_STANDIN_API_LIMIT: z.coerce.number().int().min(1).default(5_000_000),
    LEGACY_TIMEOUT_MS: positiveMs.default(3000),
    BREAKER_ERROR_THRESHOLD_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
    BREAKER_VOLUME_THRESHOLD: z.coerce.number().int().min(1).default(5),
    BREAKER_RESET_MS: positiveMs.default(10_000),
    SUPERGRAPH_PATH: z
      .string()
      .min(1)
      .default(path.join(__dirname, '..', 'schema', 'supergraph.graphql')),
    APOLLO_TELEMETRY: flag.default(false),
    AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_JWT_SECRET),
    AUTH_JWKS_URL: httpUrl.optional(),
    AUTH_ISSUER: z.string().min(1).optional(),
    AUTH_AUDIENCE: z.string().min(1).optional(),
    /** Longest a token may live, exp - iat: longer-lived (or never-expiring) tokens are refused. */
    AUTH_MAX_TOKEN_LIFETIME_S: z.coerce
      .number()
      .int()
      .min(1, 'must be a positive number of seconds')
      .default(24 * 60 * 60),
    AUTH_DISABLED: flag.default(false),
    AUTH_DISABLED_PARTNER_ID: z.string().min(1).default('P-00001'),
    IDENTITY_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_IDENTITY_SECRET),
    GATEWAY_REQUEST_TIMEOUT_MS: positiveMs.default(10_000),
    SUBGRAPH_TIMEOUT_MS: positiveMs.default(5000),
    SUBGRAPH_BREAKER_ERROR_THRESHOLD_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
    SUBGRAPH_BREAKER_VOLUME_THRESHOLD: z.coerce.number().int().min(1).default(5),
    SUBGRAPH_BREAKER_RESET_MS: positiveMs.default(10_000),
    LIMIT_MAX_DEPTH: z.coerce.number().int().min(1).default(10),
    LIMIT_MAX_ALIASES: z.coerce.number().int().min(0).default(15),
    LIMIT_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(20),
    LIMIT_MAX_TOKENS: z.coerce.number().int().min(10).default(2000),
    LIMIT_MAX_COST: z.coerce.number().int().min(1).default(5000),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(100 * 1024),
    PERSISTED_QUERIES: z
      .enum(['apq', 'safelist', 'off'], { message: 'must be apq, safelist or off' })
      .default('apq'),
    SAFELIST_MANIFEST: z.string().min(1).optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    /** Prefixed to every Redis key (reference data, APQ), so that several stacks can share one Redis. */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(
        /^[A-Za-z0-9._:-]{1,64}$/,
        'must be 1-64 letters, digits, ".", "_", ":" or "-", e.g. partner-graph:',
      )
      .default('partner-graph:'),
    /** Per-partner and per-user request and cost budgets (gateway/budgets.ts); counted in Redis when REDIS_URL is set. */
    BUDGETS: flag.default(true),
    /** Per tier, limits replacing the defaults, e.g. {"GOLD":{"burst":60,"perMinute":1800,"costPerMinute":300000}}. */
    BUDGET_TIERS: json(
      z.partialRecord(z.enum(['REGISTERED', 'SILVER', 'GOLD', 'PLATINUM']), budgetLimits, {
        message: 'must map REGISTERED, SILVER, GOLD or PLATINUM to {burst, perMinute, costPerMinute}',
      }),
    ).default({}),
    /** Per partner id, limits replacing its tier's, e.g. {"P-00042":{"costPerMinute":1000000}}. */
    BUDGET_PARTNERS: json(z.record(z.string().min(1), budgetLimits)).default({}),
    /** Percent of its partner's budgets one user (JWT sub) may use. */
    BUDGET_USER_SHARE_PERCENT: percent.refine((n) => n > 0, 'must be above 0').default(50),
    /** What a request gets when the budget store (Redis) fails: served uncounted (open) or refused (closed). */
    BUDGET_ON_REDIS_FAILURE: z
      .enum(['open', 'closed'], { message: 'must be open or closed' })
      .default('open'),
    /** Longest a budget check waits on Redis before it counts as a failure. */
    BUDGET_REDIS_TIMEOUT_MS: positiveMs.default(50),
    /** How long a partner's tier (for its default budgets) is remembered. */
    BUDGET_TIER_TTL_MS: positiveMs.default(5 * 60_000),
    /**
     * A legacy system's remaining API allowance, in percent of its limit, below which its calls are
     * shed by priority: bulk reads and reports first, then standard reads, interactive quote work last.
     */
    LEGACY_SHED_BULK_BELOW_PERCENT: percent.default(20),
    LEGACY_SHED_STANDARD_BELOW_PERCENT: percent.default(10),
    LEGACY_SHED_INTERACTIVE_BELOW_PERCENT: percent.default(2),
    /** Once shedding, the most of the remaining allowance one partner may use, in percent. */
    LEGACY_PARTNER_SHARE_PERCENT: percent.refine((n) => n > 0, 'must be above 0').default(25),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DRAIN_TIMEOUT_MS: positiveMs.default(10_000),
    /** The quantities a quote line may have; beyond them addQuoteLine and updateQuoteLine answer BAD_USER_INPUT. */
    QUOTE_LINE_QUANTITY_MIN: z.coerce.number().int().min(1).default(1),
    QUOTE_LINE_QUANTITY_MAX: z.coerce
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .default(1_000_000),
  })
  .superRefine((env, context) => {
    if (env.QUOTE_LINE_QUANTITY_MIN > env.QUOTE_LINE_QUANTITY_MAX) {
      context.addIssue({
        code: 'custom',
        path: ['QUOTE_LINE_QUANTITY_MAX'],
        message: 'must not be below QUOTE_LINE_QUANTITY_MIN',
      });
    }
    if (
      env.LEGACY_SHED_INTERACTIVE_BELOW_PERCENT > env.LEGACY_SHED_STANDARD_BELOW_PERCENT ||
      env.LEGACY_SHED_STANDARD_BELOW_PERCENT > env.LEGACY_SHED_BULK_BELOW_PERCENT
    ) {
      context.addIssue({
        code: 'custom',
        path: ['LEGACY_SHED_STANDARD_BELOW_PERCENT'],
        message: 'thresholds must be bulk >= standard >= interactive (bulk calls are shed first)',
      });
    }
    if (env.PERSISTED_QUERIES === 'safelist' && !env.SAFELIST_MANIFEST) {
      context.addIssue({
        code: 'custom',
        path: ['SAFELIST_MANIFEST'],
        message: 'is required when PERSISTED_QUERIES=safelist',
      });
    }
    if (env.LEGACY_AS_OF && !env.START_LEGACY) {
      context.addIssue({
        code: 'custom',
        path: ['LEGACY_AS_OF'],
        message: 'pins the seeded stand-ins only; it cannot be set when START_LEGACY=false',
      });
    }
    if (env.NODE_ENV !== 'production') return;
    const refuse = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (env.AUTH_DISABLED)
      refuse('AUTH_DISABLED', 'authentication cannot be disabled when NODE_ENV=production');
    if (!env.AUTH_JWKS_URL && env.AUTH_JWT_SECRET === DEV_JWT_SECRET) {
      refuse('AUTH_JWT_SECRET', 'set AUTH_JWKS_URL or a non-default secret when NODE_ENV=production');
    }
    if (env.IDENTITY_SECRET === DEV_IDENTITY_SECRET) {
      refuse('IDENTITY_SECRET', 'set a non-default secret when NODE_ENV=production');
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Parses the environment (or any string map, in tests); throws ConfigError listing every bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  // Secrets are never echoed back in error messages.
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const given = /SECRET|KEY/.test(name) ? undefined : present[name];
        return `${name}: ${issue.message}${given === undefined ? '' : ` (got "${given}")`}`;
      }),
    );
  }
  return parsed.data;
}
