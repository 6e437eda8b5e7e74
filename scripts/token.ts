import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { ConfigError, loadEnv } from '../config';
import { ROLES, type Role } from '../runtime';

/**
 * `npm run token -- --partner P-00001 --role partner_admin [--expires 8h] [--sub alice]`:
 * prints a development JWT signed with AUTH_JWT_SECRET (HS256), for curl and the explorer.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      partner: { type: 'string', default: 'P-00001' },
      role: { type: 'string', multiple: true, default: ['partner_rep'] },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const roles = values.role as string[];
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0)
    throw new Error(`unknown role(s) ${unknown.join(', ')}; expected one of ${ROLES.join(', ')}`);
  if (!/^P-\d{5,}$/.test(values.partner!))
    throw new Error(`--partner must look like P-00001, got ${values.partner}`);
  const env = loadEnv();
  let jwt = new SignJWT({ partnerId: values.partner, roles: roles as Role[] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(values.sub ?? `dev-user@${values.partner}`)
    .setIssuedAt()
    .setExpirationTime(values.expires!);
  if (env.AUTH_ISSUER) jwt = jwt.setIssuer(env.AUTH_ISSUER);
  if (env.AUTH_AUDIENCE) jwt = jwt.setAudience(env.AUTH_AUDIENCE);
  console.log(await jwt.sign(new TextEncoder().encode(env.AUTH_JWT_SECRET)));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `token: ${(error as Error).message}`);
  process.exit(1);
});
