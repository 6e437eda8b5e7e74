import { createHmac, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';

/**
 * The identity the gateway forwards to subgraphs, and the only one subgraphs trust: the verified
 * JWT's claims, signed with a secret shared by gateway and subgraphs (HMAC-SHA256) and stamped
 * with the signing time. A subgraph reached directly, without the gateway's signature, gets nothing.
 *
 * Header value: `<base64url(JSON payload)>.<base64url(HMAC of the first part)>`.
 */
export const IDENTITY_HEADER = 'x-partner-graph-identity';

export const ROLES = ['partner_rep', 'partner_admin', 'channel_manager'] as const;
export type Role = (typeof ROLES)[number];

export const viewerSchema = z.object({
  sub: z.string().min(1),
  partnerId: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
});
export type Viewer = z.infer<typeof viewerSchema>;

const signedPayloadSchema = viewerSchema.extend({ iat: z.number().int() });

/** How old a signature may be: covers clock skew between hosts, not replay across requests. */
export const IDENTITY_MAX_AGE_MS = 60_000;

function hmac(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function signIdentity(viewer: Viewer, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...viewer, iat: now })).toString('base64url');
  return `${payload}.${hmac(secret, payload).toString('base64url')}`;
}

/**
 * How long a signing server may send the same header for the same viewer: well inside
 * IDENTITY_MAX_AGE_MS, so a reused header still has most of its validity left when a subgraph checks it.
 */
export const IDENTITY_REUSE_MS = 5_000;

/** Viewers whose signed header a signer remembers (the least recently used go first). */
const SIGNED_VIEWERS_MAX = 1000;

export type IdentitySigner = (viewer: Viewer) => string;

/**
 * signIdentity for a server that forwards many requests for the same viewers (the gateway signs
 * one header per subgraph fetch). The header carries no per-request nonce: its time stamp bounds
 * clock skew, not replay. So the header signed for a viewer is reused while it is younger than
 * IDENTITY_REUSE_MS, and a subgraph learns from it exactly what a fresh signature would tell it.
 */
export function createIdentitySigner(secret: string): IdentitySigner {
  const signed = new LRUCache<string, { header: string; signedAt: number }>({ max: SIGNED_VIEWERS_MAX });
  return (viewer) => {
    const now = Date.now();
    const key = JSON.stringify(viewer);
    const remembered = signed.get(key);
    // A clock set back would otherwise keep sending a time stamp from the future.
    if (remembered && now >= remembered.signedAt && now - remembered.signedAt < IDENTITY_REUSE_MS)
      return remembered.header;
    const header = signIdentity(viewer, secret, now);
    signed.set(key, { header, signedAt: now });
    return header;
  };
}

export type IdentityProblem = 'missing' | 'malformed' | 'bad-signature' | 'expired';

export type IdentityResult = { viewer: Viewer } | { problem: IdentityProblem };

export function verifyIdentity(header: string | undefined, secret: string, now = Date.now()): IdentityResult {
  if (!header) return { problem: 'missing' };
  const [payload, signature, extra] = header.split('.');
  if (!payload || !signature || extra !== undefined) return { problem: 'malformed' };
  const expected = hmac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { problem: 'bad-signature' };
  let parsed;
  try {
    parsed = signedPayloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return { problem: 'malformed' };
  }
  if (!parsed.success) return { problem: 'malformed' };
  if (Math.abs(now - parsed.data.iat) > IDENTITY_MAX_AGE_MS) return { problem: 'expired' };
  const { iat: _iat, ...viewer } = parsed.data;
  return { viewer };
}
