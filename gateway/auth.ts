import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { viewerSchema, type Viewer } from '../runtime';

/**
 * Verifies the bearer JWT of every request (jose): HS256 with a shared secret in development, or
 * a JWKS URL (RS256/ES256) in production. The claims `sub`, `partnerId` and `roles` become the
 * viewer. Anything short of a valid token is UNAUTHENTICATED with HTTP 401; the reason is a short
 * fixed phrase, never the token or the library's message.
 */
export type AuthConfig =
  | { mode: 'hs256'; secret: string; issuer?: string; audience?: string }
  | { mode: 'jwks'; jwksUrl: string; issuer?: string; audience?: string }
  | { mode: 'disabled'; viewer: Viewer };

export type VerifyRequest = (authorization: string | undefined) => Promise<Viewer>;

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

export function createRequestVerifier(config: AuthConfig): VerifyRequest {
  if (config.mode === 'disabled') return async () => config.viewer;
  const options = {
    algorithms: config.mode === 'hs256' ? ['HS256'] : ['RS256', 'ES256', 'PS256', 'EdDSA'],
    issuer: config.issuer,
    audience: config.audience,
  };
  const verify: (token: string) => Promise<{ payload: unknown }> =
    config.mode === 'hs256'
      ? (
          (secret: Uint8Array) => (token: string) =>
            jwtVerify(token, secret, options)
        )(new TextEncoder().encode(config.secret))
      : (
          (jwks: JWTVerifyGetKey) => (token: string) =>
            jwtVerify(token, jwks, options)
        )(createRemoteJWKSet(new URL(config.jwksUrl)));

  return async (authorization) => {
    const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '')?.[1];
    if (!authorization) throw unauthenticated('missing bearer token');
    if (!token) throw unauthenticated('malformed Authorization header');
    let payload;
    try {
      ({ payload } = await verify(token));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('token expired');
      if (error instanceof joseErrors.JWSSignatureVerificationFailed)
        throw unauthenticated('bad token signature');
      throw unauthenticated('invalid token');
    }
    const viewer = viewerSchema.safeParse(payload);
    if (!viewer.success) throw unauthenticated('token lacks sub, partnerId or roles');
    return viewer.data;
  };
}
