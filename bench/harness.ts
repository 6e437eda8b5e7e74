import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEnv } from '../config';
import { PARTNER_TIERS } from '../gateway';
import { signDevToken, type Viewer } from '../runtime';
import { graphqlUrlIn, readyDetails, startProcess, type BenchProcess } from './processes';
import type { LoadRequest } from './load';
import { judge, requestBody, SCENARIOS, type ContenderId, type Scenario } from './scenarios';
import type { DatasetPicks, StackDetails } from './servers/stack';

/**
 * The system under test, started the same way for every run: the legacy stand-ins in one process,
 * the subgraphs in another (both through scripts/stack.ts's startStack), and each contender in its
 * own process in front of the same subgraphs, over the same supergraph (the checked-in one, with
 * its routing URLs pointed at this run's subgraph ports).
 */
export interface BackendOptions {
  scale: 'small' | 'large';
  seed: number;
  /** Extra node flags for the subgraphs process, e.g. --cpu-prof. */
  subgraphNodeFlags?: string[];
}

export interface Backend {
  legacy: BenchProcess;
  subgraphs: BenchProcess;
  legacyUrls: Record<string, string>;
  subgraphUrls: Record<string, string>;
  picks: DatasetPicks;
  viewer: Viewer;
  supergraphPath: string;
  /** Environment every child starts from: secrets shared by gateways and subgraphs, quiet logs. */
  baseEnv: Record<string, string>;
  /** Stops both processes: SIGTERM, then SIGKILL after graceMs (default 2 s; they hold nothing to save). */
  close(graceMs?: number): Promise<void>;
}

export interface Contender {
  id: ContenderId;
  process: BenchProcess;
  /** Where and how to ask this contender for the scenario's operations, one request per step. */
  request(scenario: Scenario): { url: string; headers: Record<string, string>; requests: LoadRequest[] };
}

export const CONTENDER_TITLES: Record<ContenderId, string> = {
  ours: 'partner-graph gateway (all features on)',
  'apollo-stock': 'stock @apollo/gateway + @apollo/server',
  hive: 'Hive Gateway (@graphql-hive/gateway runtime)',
  'status-quo-sequential': 'status quo: portal calls legacy APIs one after another',
  'status-quo-parallel': 'status quo: portal calls legacy APIs with full parallelism',
};

const PORT_VARIABLES = ['GATEWAY_PORT', 'PARTNERS_PORT', 'QUOTING_PORT', 'CPQ_PORT', 'PRM_PORT'];

/** Every *_PORT the configuration knows, set to 0 (an ephemeral port), including ones added later. */
function ephemeralPorts(): Record<string, string> {
  const names = new Set(PORT_VARIABLES);
  for (const name of Object.keys(loadEnv({}))) if (name.endsWith('_PORT')) names.add(name);
  return Object.fromEntries([...names].map((name) => [name, '0']));
}

/** The checked-in supergraph with each subgraph's routing URL replaced by this run's. */
export function supergraphRoutedTo(source: string, subgraphUrls: Record<string, string>): string {
  const routed = new Set<string>();
  const sdl = source.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (_match, name: string) => {
    const url = subgraphUrls[name];
    if (!url) throw new Error(`no running subgraph for "${name}" in the supergraph`);
    routed.add(name);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  if (routed.size === 0) throw new Error('the supergraph names no subgraphs');
  return sdl;
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const defaults = loadEnv({});
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    APOLLO_TELEMETRY: 'false',
    APOLLO_TELEMETRY_DISABLED: 'true',
    AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
    IDENTITY_SECRET: randomBytes(32).toString('hex'),
    LEGACY_SCALE: options.scale,
    LEGACY_SEED: String(options.seed),
  };
  const backendEnv = { ...ephemeralPorts(), DRAIN_TIMEOUT_MS: '100' };
  const started: BenchProcess[] = [];
  const workDir = mkdtempSync(path.join(tmpdir(), 'partner-graph-bench-'));
  const close = async (graceMs = 2000) => {
    await Promise.all(started.map((child) => child.stop(graceMs)));
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const legacy = await startProcess({
      name: 'legacy stand-ins',
      script: 'bench/servers/stack.ts',
      env: { ...baseEnv, ...backendEnv, START_LEGACY: 'true' },
      ready: (line) => readyDetails<StackDetails>(line),
    });
    started.push(legacy.process);
    const picks = legacy.ready.picks;
    if (!picks) throw new Error('the legacy process reported no dataset picks');
    const legacyUrls = legacy.ready.urls.legacy;
    const legacyUrlEnv = Object.fromEntries(
      Object.entries(legacyUrls).map(([system, url]) => [`${system.toUpperCase()}_URL`, url]),
    );

    const subgraphs = await startProcess({
      name: 'subgraphs',
      script: 'bench/servers/stack.ts',
      env: { ...baseEnv, ...backendEnv, START_LEGACY: 'false', ...legacyUrlEnv },
      nodeFlags: options.subgraphNodeFlags,
      ready: (line) => readyDetails<StackDetails>(line),
    });
    started.push(subgraphs.process);
    const subgraphUrls = subgraphs.ready.urls.subgraphs;

    const supergraphPath = path.join(workDir, 'supergraph.graphql');
    writeFileSync(
      supergraphPath,
      supergraphRoutedTo(readFileSync(defaults.SUPERGRAPH_PATH, 'utf8'), subgraphUrls),
    );

    return {
      legacy: legacy.process,
      subgraphs: subgraphs.process,
      legacyUrls,
      subgraphUrls,
      picks,
      viewer: { sub: `bench-user@${picks.partnerId}`, partnerId: picks.partnerId, roles: ['partner_rep'] },
      supergraphPath,
      baseEnv: {
        ...baseEnv,
        ...legacyUrlEnv,
        // The status quo's credentials: the stand-ins' development defaults.
        CPQ_CLIENT_ID: defaults.CPQ_CLIENT_ID,
        CPQ_CLIENT_SECRET: defaults.CPQ_CLIENT_SECRET,
        PRM_API_KEY: defaults.PRM_API_KEY,
        BILLING_CLIENT_ID: defaults.BILLING_CLIENT_ID,
        BILLING_CLIENT_SECRET: defaults.BILLING_CLIENT_SECRET,
        INCENTIVES_USERNAME: defaults.INCENTIVES_USERNAME,
        INCENTIVES_PASSWORD: defaults.INCENTIVES_PASSWORD,
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A bearer token as the identity provider would issue it for the bench's viewer (test/stack.ts's tokenFor). */
function tokenFor(viewer: Viewer, secret: string): Promise<string> {
  return signDevToken({ ...viewer, expiresIn: '2h' }, secret);
}

function loadRequests(scenario: Scenario, backend: Backend): LoadRequest[] {
  return scenario.steps(backend.picks).map((step) => ({
    body: (context) => requestBody(step, context),
    judge: (status, body, context) => judge(step, status, body, context),
  }));
}

const SCRIPTS: Record<ContenderId, { script: string; args: (backend: Backend) => string[] }> = {
  // Our gateway through its own production entry point, configured only by the environment.
  ours: { script: 'scripts/gateway.ts', args: (b) => ['--supergraph', b.supergraphPath, '--port', '0'] },
  'apollo-stock': {
    script: 'bench/contenders/apollo-stock.ts',
    args: (b) => ['--supergraph', b.supergraphPath, '--port', '0'],
  },
  hive: {
    script: 'bench/contenders/hive-gateway.ts',
    args: (b) => ['--supergraph', b.supergraphPath, '--port', '0'],
  },
  'status-quo-sequential': { script: 'bench/contenders/status-quo.ts', args: () => ['--port', '0'] },
  'status-quo-parallel': { script: 'bench/contenders/status-quo.ts', args: () => ['--port', '0'] },
};

/** A status-quo line names its base URL (…/dashboard), a gateway line its /graphql URL. */
function endpointIn(line: string): string | undefined {
  return graphqlUrlIn(line) ?? /(http:\/\/127\.0\.0\.1:\d+\/dashboard)/.exec(line)?.[1];
}

/**
 * Our gateway counts budgets as in production (in memory: the bench has no Redis), with limits far
 * above what the bench asks: it measures what counting costs, never a refusal.
 */
export const BENCH_BUDGET_TIERS = JSON.stringify(
  Object.fromEntries(
    PARTNER_TIERS.map((tier) => [tier, { burst: 1e9, perMinute: 1e9, costPerMinute: 1e12 }]),
  ),
);

export async function startContender(
  id: ContenderId,
  backend: Backend,
  nodeFlags: string[] = [],
  /** More environment for the contender, e.g. BUDGETS=false. */
  extraEnv: Record<string, string> = {},
): Promise<Contender> {
  const { script, args } = SCRIPTS[id];
  const env: Record<string, string> = {
    ...backend.baseEnv,
    BENCH_VIEWER: JSON.stringify(backend.viewer),
    ...(id === 'ours' ? { BUDGET_TIERS: BENCH_BUDGET_TIERS } : {}),
    ...extraEnv,
  };
  // Hive's logger refuses LOG_LEVEL=silent (and, despite its message, "false"); it is silenced by option.
  if (id === 'hive') delete env.LOG_LEVEL;
  const started = await startProcess({
    name: id,
    script,
    args: args(backend),
    env,
    nodeFlags,
    ready: endpointIn,
  });
  const endpoint = started.ready;
  const jsonHeaders = { 'content-type': 'application/json' };
  const token = id === 'ours' ? await tokenFor(backend.viewer, backend.baseEnv.AUTH_JWT_SECRET!) : undefined;
  return {
    id,
    process: started.process,
    request: (scenario) => {
      const requests = loadRequests(scenario, backend);
      // The status quo serves the dashboard only, whatever the body asks, with the same JSON shape.
      if (id === 'status-quo-sequential')
        return { url: `${endpoint}/sequential`, headers: jsonHeaders, requests };
      if (id === 'status-quo-parallel')
        return { url: `${endpoint}/parallel`, headers: jsonHeaders, requests };
      return {
        url: endpoint,
        headers: token ? { ...jsonHeaders, authorization: `Bearer ${token}` } : jsonHeaders,
        requests,
      };
    },
  };
}

/**
 * Products the quote session may add: the partner's price book entries in the families it holds a
 * current certification for, read once through a gateway (the catalog is what a user would pick from).
 */
export async function sessionSkusFrom(contender: Contender): Promise<string[]> {
  const catalog = SCENARIOS.find((scenario) => scenario.id === 'catalog')!;
  const { url, headers, requests } = contender.request(catalog);
  const response = await fetch(url, { method: 'POST', headers, body: requests[0]!.body({}) });
  const body = (await response.json()) as {
    data?: {
      me?: {
        catalog?: {
          certifiedFamilies?: string[];
          priceBook?: { entries?: Array<{ product: { sku: string; family: string } }> };
        };
      };
    };
  };
  const catalogData = body.data?.me?.catalog;
  const families = new Set(catalogData?.certifiedFamilies ?? []);
  const skus = (catalogData?.priceBook?.entries ?? [])
    .map((entry) => entry.product)
    .filter((product) => families.has(product.family))
    .map((product) => product.sku);
  return skus.length === 0 ? [] : Array.from({ length: 5 }, (_, i) => skus[i % skus.length]!);
}
