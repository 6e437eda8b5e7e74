import type { Router } from 'express';
import express from 'express';
import type { RedisStatus } from '../runtime';
import type { SubgraphBreakerState } from './subgraph-data-source';

/**
 * `GET /healthz`: the process is up. `GET /readyz`: the gateway can serve — the supergraph is
 * loaded, every subgraph answers its own /healthz in time, and no subgraph breaker is open. The
 * body lists each subgraph with its gateway breaker and the legacy breakers the subgraph reports,
 * so an operator sees which legacy system is the problem.
 *
 * With REDIS_URL the body also says whether Redis is `up` or `down`. A Redis that is down makes
 * the gateway `degraded`, still 200: caches fall back to each process's own memory, so taking every
 * replica out of the load balancer because the shared cache is gone would turn slower into down.
 *
 * `legacyAllowance` is, per legacy system, what is left of its API allowance (the lowest any
 * subgraph last heard) and what is being shed.
 */
export interface ReadinessSources {
  supergraphLoaded(): boolean;
  subgraphs(): Array<{ name: string; url: string; breaker: SubgraphBreakerState }>;
  probeTimeoutMs: number;
  redis?: Array<() => RedisStatus>;
}

interface SubgraphReadiness {
  name: string;
  reachable: boolean;
  breaker: SubgraphBreakerState;
  legacy?: unknown;
  /** What the subgraph says of the Redis its adapters cache in, when they do. */
  redis?: RedisStatus;
  allowance?: AllowanceReport[];
}

interface AllowanceReport {
  system: string;
  max: number | null;
  remaining: number | null;
  shedding: string[];
}

/** Per system, the report with the least left: each subgraph's clients hear the system on their own. */
function lowestAllowance(subgraphs: SubgraphReadiness[]): Record<string, AllowanceReport> {
  const lowest: Record<string, AllowanceReport> = {};
  for (const report of subgraphs.flatMap((subgraph) => subgraph.allowance ?? [])) {
    const known = lowest[report.system];
    if (
      !known ||
      (report.remaining !== null && (known.remaining === null || report.remaining < known.remaining))
    )
      lowest[report.system] = report;
  }
  return lowest;
}

async function probe(
  url: string,
  timeoutMs: number,
): Promise<{ reachable: boolean; legacy?: unknown; redis?: RedisStatus; allowance?: AllowanceReport[] }> {
  const healthUrl = url.replace(/\/graphql\/?$/, '') + '/healthz';
  try {
    const response = await fetch(healthUrl, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return { reachable: false };
    const body = (await response.json()) as {
      legacy?: unknown;
      redis?: unknown;
      allowance?: AllowanceReport[];
    };
    const redis = body.redis === 'up' || body.redis === 'down' ? body.redis : undefined;
    return { reachable: true, legacy: body.legacy, allowance: body.allowance, ...(redis ? { redis } : {}) };
  } catch {
    return { reachable: false };
  }
}

export function healthRouter(sources: ReadinessSources): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  router.get('/readyz', async (_req, res) => {
    const supergraphLoaded = sources.supergraphLoaded();
    const subgraphs: SubgraphReadiness[] = await Promise.all(
      sources.subgraphs().map(async (subgraph) => ({
        name: subgraph.name,
        breaker: subgraph.breaker,
        ...(await probe(subgraph.url, sources.probeTimeoutMs)),
      })),
    );
    const ready = supergraphLoaded && subgraphs.every((s) => s.reachable && s.breaker !== 'open');
    const statuses = [
      ...(sources.redis ?? []).map((status) => status()),
      ...subgraphs.flatMap((subgraph) => (subgraph.redis ? [subgraph.redis] : [])),
    ];
    const redis = statuses.length ? (statuses.every((status) => status === 'up') ? 'up' : 'down') : undefined;
    const status = !ready ? 'not ready' : redis === 'down' ? 'degraded' : 'ready';
    res.status(ready ? 200 : 503).json({
      status,
      supergraphLoaded,
      ...(redis ? { redis } : {}),
      legacyAllowance: lowestAllowance(subgraphs),
      subgraphs: subgraphs.map(({ allowance: _allowance, ...subgraph }) => subgraph),
    });
  });
  return router;
}
