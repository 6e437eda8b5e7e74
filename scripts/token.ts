import { parseArgs } from 'node:util';
import { ConfigError, loadEnv } from '../config';
import { ROLES, signDevToken, type Role } from '../runtime';

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
  const token = await signDevToken(
    {
      sub: values.sub ?? `dev-user@${values.partner}`,
      partnerId: values.partner!,
      roles: roles as Role[],
      expiresIn: values.expires!,
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
    },
    env.AUTH_JWT_SECRET,
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `token: ${(error as Error).message}`);
  process.exit(1);
});
