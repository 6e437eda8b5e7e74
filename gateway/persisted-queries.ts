import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KeyValueCache as ApolloKeyValueCache } from '@apollo/utils.keyvaluecache';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { BAD_REQUEST, type KeyValueCache, PERSISTED_QUERY_NOT_IN_SAFELIST } from '../runtime';

/**
 * Persisted queries, two ways:
 * - APQ (automatic persisted queries): Apollo Server's own protocol; the hash -> query store is
 *   Apollo's in-memory LRU, or the process's key-value store (Redis, so replicas share it) through
 *   apqStore below.
 * - Safelist: only operations in a committed manifest (Apollo's persisted query manifest format)
 *   run. A client sends the id (`extensions.persistedQuery.sha256Hash`) or the exact query text;
 *   anything else is refused with PERSISTED_QUERY_NOT_IN_SAFELIST before it is parsed.
 */
/**
 * How long a registered query is kept. Any client may register any query, so an entry that never
 * expired would let clients grow the shared store without bound; one that expires costs the client
 * one round trip to send the full query again, as the protocol has it.
 */
export const APQ_TTL_SECONDS = 24 * 60 * 60;

/**
 * Apollo's APQ cache over the graph's key-value store (runtime/key-value-cache.ts, keys under the
 * deployment's REDIS_KEY_PREFIX; Apollo adds `apq:` itself). Apollo speaks seconds, the store
 * milliseconds.
 */
export function apqStore(store: KeyValueCache): ApolloKeyValueCache<string> {
  return {
    get: (key) => store.get(key),
    set: (key, value, options) => store.set(key, value, (options?.ttl ?? APQ_TTL_SECONDS) * 1000),
    delete: (key) => store.delete(key),
  };
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
