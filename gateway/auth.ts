import { GraphQLError } from 'graphql';
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';
import { viewerSchema, type Viewer } from '../runtime';

/**
 * Verifies the bearer JWT of every request (jose): HS256 with a shared secret in development, or
 * a JWKS URL (RS256/ES256) in production. The claims `sub`, `partnerId` and `roles` become the
 * viewer. A token must expire (`exp`) within `maxTokenLifetimeSeconds` of its issue (`iat`; of
 * now when it has none or claims a future one), so a leaked token is good for a bounded time.
 * Anything short of a valid token is UNAUTHENTICATED with HTTP 401; the reason is a short fixed
 * phrase, never the token or the library's message.
 */
interface TokenRules {
  issuer?: string;
  audience?: string;
  maxTokenLifetimeSeconds: number;
}

export type AuthConfig =
  | ({ mode: 'hs256'; secret: string } & TokenRules)
  | ({ mode: 'jwks'; jwksUrl: string } & TokenRules)
  | { mode: 'disabled'; viewer: Viewer };

export type VerifyRequest = (authorization: string | undefined) => Promise<Viewer>;

/** Distinct tokens whose verification is remembered (the least recently used go first). */
const VERIFIED_TOKENS_MAX = 5000;

/**
 * How long a verification is remembered at most, whatever the token's `exp`: a key taken out of
 * the JWKS stops being honoured within this time.
 */
const VERIFIED_TOKEN_MAX_AGE_MS = 60_000;

interface VerifiedToken {
  viewer: Viewer;
  /** Epoch ms after which the token must be verified again: its `exp`, or sooner. */
  goodUntil: number;
}

/**
 * Apollo Server reads `extensions.http` (status, and headers as a Map). The extensions are built
 * as a plain object because graphql-yoga's types (pulled in by the benchmark's Hive contender)
 * augment the same `http` key with headers as a record, and the two augmentations clash.
 */
function unauthenticated(reason: string): GraphQLError {
  const extensions: Record<string, unknown> = {
    code: 'UNAUTHENTICATED',
    http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) },
  };
  return new GraphQLError(`Unauthenticated: ${reason}`, { extensions });
}

function getValidMaxLifetime(seconds: unknown): number {
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1) {
    throw new TypeError(
      `maxTokenLifetimeSeconds must be a whole number of seconds >= 1, got ${String(seconds)}`,
    );
  }
  return seconds;
}

export function createRequestVerifier(config: AuthConfig): VerifyRequest {
  if (config.mode === 'disabled') return async () => config.viewer;
  const maxLifetime = getValidMaxLifetime(config.maxTokenLifetimeSeconds);
  const options = {
    algorithms: config.mode === 'hs256' ? ['HS256'] : ['RS256', 'ES256', 'PS256', 'EdDSA'],
    issuer: config.issuer,
    audience: config.audience,
  };
  const verify: (token: string) => Promise<{ payload: JWTPayload }> =
    config.mode === 'hs256'
      ? (
          (secret: Uint8Array) => (token: string) =>
            jwtVerify(token, secret, options)
        )(new TextEncoder().encode(config.secret))
      : (
          (jwks: JWTVerifyGetKey) => (token: string) =>
            jwtVerify(token, jwks, options)
        )(createRemoteJWKSet(new URL(config.jwksUrl)));

  async function verifyToken(token: string): Promise<VerifiedToken> {
    let payload;
    try {
      ({ payload } = await verify(token));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('token expired');
      if (error instanceof joseErrors.JWSSignatureVerificationFailed)
        throw unauthenticated('bad token signature');
      throw unauthenticated('invalid token');
    }
    if (payload.exp === undefined) throw unauthenticated('token has no expiry (exp)');
    const nowSeconds = Math.floor(Date.now() / 1000);
    const issuedAt = Math.min(payload.iat ?? nowSeconds, nowSeconds);
    if (payload.exp - issuedAt > maxLifetime) {
      throw unauthenticated(`token lifetime exceeds ${maxLifetime} s`);
    }
    const viewer = viewerSchema.safeParse(payload);
    if (!viewer.success) throw unauthenticated('token lacks sub, partnerId or roles');
    // One viewer object now serves every request with this token: nothing may change it.
    Object.freeze(viewer.data.roles);
    Object.freeze(viewer.data);
    const maxAge = Date.now() + VERIFIED_TOKEN_MAX_AGE_MS;
    return { viewer: viewer.data, goodUntil: Math.min(payload.exp * 1000, maxAge) };
  }

  /*
   * A client sends the same token with every request until it expires, and checking its signature
   * again each time is the costliest part of a request's authentication. Only tokens that verified
   * are remembered, keyed by the whole token, and each use compares the clock with the token's
   * `exp` (jose's own rule: valid while now < exp), so a remembered token is accepted exactly when
   * jose would accept it, minus the JWKS changes of the last VERIFIED_TOKEN_MAX_AGE_MS.
   */
  const verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKENS_MAX });

  return async (authorization) => {
    const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '')?.[1];
    if (!authorization) throw unauthenticated('missing bearer token');
    if (!token) throw unauthenticated('malformed Authorization header');
    const remembered = verified.get(token);
    if (remembered) {
      if (Date.now() < remembered.goodUntil) return remembered.viewer;
      verified.delete(token);
    }
    const fresh = await verifyToken(token);
    verified.set(token, fresh);
    return fresh.viewer;
  };
}
