import { SignJWT } from 'jose';
import type { Role } from './identity';

/** What a development token says: the claims the gateway's verifier requires (gateway/auth.ts). */
export interface DevTokenClaims {
  sub: string;
  partnerId: string;
  roles: readonly Role[];
  /** A jose time span such as `8h`: the gateway refuses tokens without `exp` or living too long. */
  expiresIn: string;
  issuer?: string;
  audience?: string;
}

/**
 * A client JWT signed with the HS256 development secret, as an identity provider would issue it:
 * one implementation for `npm run token`, the explorer's dev tokens, the quote-session example and
 * the bench, so they cannot drift from what the gateway verifies.
 */
export function signDevToken(claims: DevTokenClaims, secret: string): Promise<string> {
  let jwt = new SignJWT({ partnerId: claims.partnerId, roles: [...claims.roles] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn);
  if (claims.issuer) jwt = jwt.setIssuer(claims.issuer);
  if (claims.audience) jwt = jwt.setAudience(claims.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
