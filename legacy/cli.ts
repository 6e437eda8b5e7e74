import { z } from 'zod';
import { listen, type RunningServer } from '../runtime';
import {
  DEFAULT_BILLING_OPTIONS,
  DEFAULT_CPQ_OPTIONS,
  DEFAULT_INCENTIVES_OPTIONS,
  DEFAULT_LEGACY_PORTS,
  DEFAULT_PRM_OPTIONS,
  startLegacyStack,
  type LegacySystemName,
} from '.';
import { createBillingApp } from './billing/server';
import { createCpqApp } from './cpq/server';
import { createIncentivesApp } from './incentives/server';
import { createPrmApp } from './prm/server';
import { utcToday } from './seed/common';
import { generateDataset } from './seed/dataset';

/**
 * `npm run legacy -- <cpq|billing|incentives|prm|all>`: one stand-in alone (or all four) on its
 * default port, over the dataset of LEGACY_SEED and LEGACY_SCALE, so an adapter can be developed
 * or a benchmark run against one system without the rest of the stack.
 */

const SYSTEMS = ['cpq', 'billing', 'incentives', 'prm', 'all'] as const;
export type LegacyCommand = (typeof SYSTEMS)[number];

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const secret = (fallback: string) => z.string().min(1).default(fallback);
const latency = (fallback: number) => z.coerce.number().int().min(0).max(60_000).default(fallback);

const envSchema = z
  .object({
    LEGACY_SEED: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(42),
    LEGACY_SCALE: z.enum(['small', 'large']).default('small'),
    /** As in config/: the seeded world's "today" and the stand-ins' business day; unset, the day it starts. */
    LEGACY_AS_OF: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)')
      .optional(),
    CPQ_PORT: port(DEFAULT_LEGACY_PORTS.cpq),
    BILLING_PORT: port(DEFAULT_LEGACY_PORTS.billing),
    INCENTIVES_PORT: port(DEFAULT_LEGACY_PORTS.incentives),
    PRM_PORT: port(DEFAULT_LEGACY_PORTS.prm),
    CPQ_CLIENT_ID: secret(DEFAULT_CPQ_OPTIONS.clientId),
    CPQ_CLIENT_SECRET: secret(DEFAULT_CPQ_OPTIONS.clientSecret),
    BILLING_CLIENT_ID: secret(DEFAULT_BILLING_OPTIONS.clientId),
    BILLING_CLIENT_SECRET: secret(DEFAULT_BILLING_OPTIONS.clientSecret),
    INCENTIVES_USERNAME: secret(DEFAULT_INCENTIVES_OPTIONS.username),
    INCENTIVES_PASSWORD: secret(DEFAULT_INCENTIVES_OPTIONS.password),
    INCENTIVES_MIN_LATENCY_MS: latency(DEFAULT_INCENTIVES_OPTIONS.latencyMs.min),
    INCENTIVES_MAX_LATENCY_MS: latency(DEFAULT_INCENTIVES_OPTIONS.latencyMs.max),
    PRM_API_KEY: secret(DEFAULT_PRM_OPTIONS.apiKey),
  })
  .refine((env) => env.INCENTIVES_MIN_LATENCY_MS <= env.INCENTIVES_MAX_LATENCY_MS, {
    message: 'must not exceed INCENTIVES_MAX_LATENCY_MS',
    path: ['INCENTIVES_MIN_LATENCY_MS'],
  });

export class LegacyCliError extends Error {}

export interface RunningLegacy {
  urls: Partial<Record<LegacySystemName, string>>;
  close(): Promise<void>;
}

function parseEnv(env: Record<string, string | undefined>): z.infer<typeof envSchema> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new LegacyCliError(`Invalid environment:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

export async function startLegacyCommand(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<RunningLegacy> {
  const command = args[0] as LegacyCommand | undefined;
  if (!command || !SYSTEMS.includes(command) || args.length > 1) {
    throw new LegacyCliError(`Usage: npm run legacy -- <${SYSTEMS.join('|')}>`);
  }
  const config = parseEnv(env);
  const pinned = config.LEGACY_AS_OF;
  const today = pinned ? { today: () => pinned } : {};
  const data = {
    seed: config.LEGACY_SEED,
    scale: config.LEGACY_SCALE,
    asOf: pinned ?? utcToday(),
  };
  const options = {
    cpq: {
      ...DEFAULT_CPQ_OPTIONS,
      clientId: config.CPQ_CLIENT_ID,
      clientSecret: config.CPQ_CLIENT_SECRET,
      ...today,
    },
    billing: {
      ...DEFAULT_BILLING_OPTIONS,
      clientId: config.BILLING_CLIENT_ID,
      clientSecret: config.BILLING_CLIENT_SECRET,
      ...today,
    },
    incentives: {
      username: config.INCENTIVES_USERNAME,
      password: config.INCENTIVES_PASSWORD,
      latencyMs: { min: config.INCENTIVES_MIN_LATENCY_MS, max: config.INCENTIVES_MAX_LATENCY_MS },
    },
    prm: { ...DEFAULT_PRM_OPTIONS, apiKey: config.PRM_API_KEY, ...today },
  };
  const ports = {
    cpq: config.CPQ_PORT,
    billing: config.BILLING_PORT,
    incentives: config.INCENTIVES_PORT,
    prm: config.PRM_PORT,
  };
  if (command === 'all') {
    const stack = await startLegacyStack({ data, ports, ...options });
    return { urls: stack.urls, close: stack.close };
  }
  const dataset = generateDataset(data);
  const app = {
    cpq: () => createCpqApp(dataset, options.cpq).app,
    billing: () => createBillingApp(dataset, options.billing).app,
    incentives: () => createIncentivesApp(dataset, options.incentives).app,
    prm: () => createPrmApp(dataset, options.prm).app,
  }[command]();
  const server: RunningServer = await listen(app, ports[command]);
  return { urls: { [command]: server.url }, close: () => server.close() };
}

async function main(): Promise<void> {
  const running = await startLegacyCommand(process.argv.slice(2), process.env);
  for (const [system, url] of Object.entries(running.urls)) console.log(`legacy ${system.padEnd(10)} ${url}`);
  console.log('Press Ctrl-C to stop.');
  let stopping = false;
  const stop = () => {
    // npm and tsx relay the terminal's signal too, so one Ctrl-C can arrive more than once.
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof LegacyCliError) console.error(error.message);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      console.error('The port is already in use: stop the other process or set the *_PORT variable.');
    else console.error(error);
    process.exit(1);
  });
}
