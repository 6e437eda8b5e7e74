import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { BAD_REQUEST, PERSISTED_QUERY_NOT_IN_SAFELIST } from '../runtime';

/**
 * Persisted queries, two ways:
 * - APQ (automatic persisted queries): Apollo Server's own protocol; the hash -> query store is
 *   Apollo's in-memory LRU, or Redis (so replicas share it) through RedisKeyValueCache below.
 * - Safelist: only operations in a committed manifest (Apollo's persisted query manifest format)
 *   run. A client sends the id (`extensions.persistedQuery.sha256Hash`) or the exact query text;
 *   anything else is refused with PERSISTED_QUERY_NOT_IN_SAFELIST before it is parsed.
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  /** Apollo prefixes APQ keys with `apq:` itself: `prefix` is the deployment's, e.g. `partner-graph:`. */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  // While Redis is down an APQ lookup is a miss at once (the client then sends the full query, as
  // the protocol has it) instead of waiting for a connection that is not there.
  private get connected(): boolean {
    return this.redis.status === 'ready';
  }

  async get(key: string): Promise<string | undefined> {
    if (!this.connected) return undefined;
    return (await this.redis.get(this.prefix + key).catch(() => null)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (!this.connected) return;
    if (options?.ttl)
      await this.redis.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(options.ttl)));
    else await this.redis.set(this.prefix + key, value);
  }

  async delete(key: string): Promise<boolean> {
    if (!this.connected) return false;
    return (await this.redis.del(this.prefix + key)) > 0;
  }
}

const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[a-f0-9]{64}$/),
      name: z.string(),
      type: z.string(),
      body: z.string(),
    }),
  ),
});

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readManifest(manifestPath: string): z.infer<typeof manifestSchema> {
  return manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
}

/** The manifest's operation names: the bounded set the metrics label requests by. */
export function loadOperationNames(manifestPath: string): Set<string> {
  return new Set(readManifest(manifestPath).operations.map((operation) => operation.name));
}

export function loadSafelist(manifestPath: string): Map<string, string> {
  const manifest = readManifest(manifestPath);
  const byId = new Map<string, string>();
  for (const operation of manifest.operations) {
    if (sha256(operation.body) !== operation.id) {
      throw new Error(
        `safelist manifest: operation ${operation.name} has an id that is not the sha256 of its body`,
      );
    }
    byId.set(operation.id, operation.body);
  }
  return byId;
}

function refuse(res: Parameters<RequestHandler>[1], message: string): void {
  res.status(400).json({ errors: [{ message, extensions: { code: PERSISTED_QUERY_NOT_IN_SAFELIST } }] });
}

type Extensions = { persistedQuery?: { sha256Hash?: unknown } };

/** The request's fields (a POST body, or a GET's search parameters) and its `extensions`, parsed. */
function graphqlRequestOf(
  req: Parameters<RequestHandler>[0],
): { source: Record<string, unknown>; extensions: Extensions | undefined } | undefined {
  if (req.method !== 'POST' && req.method !== 'GET') return undefined;
  const source = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown> | undefined;
  if (!source || typeof source !== 'object' || Array.isArray(source)) return undefined;
  let extensions = source.extensions as Extensions | string | undefined;
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions) as Extensions;
    } catch {
      extensions = undefined;
    }
  }
  return { source, extensions: typeof extensions === 'object' ? (extensions ?? undefined) : undefined };
}

const SHA256_HEX = /^[a-f0-9]{64}$/i;

/**
 * In front of Apollo Server's APQ: it takes `extensions.persistedQuery.sha256Hash` as a cache key
 * as it comes, so a hash that is no string was turned into one by recursion (a 5000-deep array
 * overflowed the stack: a 500). Anything but a SHA-256 in hex is the client's mistake.
 */
export function persistedQueryHashCheck(): RequestHandler {
  return (req, res, next) => {
    const persistedQuery = graphqlRequestOf(req)?.extensions?.persistedQuery;
    if (!persistedQuery || typeof persistedQuery !== 'object') return next();
    const hash = persistedQuery.sha256Hash;
    if (typeof hash === 'string' && SHA256_HEX.test(hash)) return next();
    res.status(400).json({
      errors: [
        {
          message: 'extensions.persistedQuery.sha256Hash must be the SHA-256 of the query, in hex',
          extensions: { code: BAD_REQUEST },
        },
      ],
    });
  };
}

/** Express middleware in front of Apollo Server: rewrites id-only requests, refuses the rest. */
export function safelistMiddleware(safelist: Map<string, string>): RequestHandler {
  return (req, res, next) => {
    const request = graphqlRequestOf(req);
    if (!request) return next();
    const { source, extensions } = request;
    const id = extensions?.persistedQuery?.sha256Hash;
    const query = source.query;
    if (typeof query === 'string') {
      if (!safelist.has(sha256(query))) return refuse(res, 'This operation is not in the safelist');
      return next();
    }
    if (typeof id === 'string' && safelist.has(id)) {
      const body = safelist.get(id)!;
      if (req.method !== 'POST') return refuse(res, 'Send safelisted operations by POST');
      // Apollo Server's own APQ is off in this mode; the id has been resolved here.
      const { persistedQuery: _resolved, ...otherExtensions } = extensions as Record<string, unknown>;
      Object.assign(req.body as Record<string, unknown>, { query: body, extensions: otherExtensions });
      return next();
    }
    return refuse(res, 'Only safelisted operations are accepted; send a known persistedQuery id');
  };
}
