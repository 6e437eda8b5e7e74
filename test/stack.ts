import { SignJWT } from 'jose';
import { DEV_JWT_SECRET, loadEnv } from '../config';
import type { Role } from '../runtime';
import { startStack, type RunningStack } from '../scripts/stack';
import { SEEDED_TODAY } from './business-day';

/**
 * The whole stack on ephemeral ports, for end-to-end tests; its seeded world and business day are
 * pinned to SEEDED_TODAY (LEGACY_AS_OF), so a test means the same whatever day it runs.
 */
export function startTestStack(overrides: Record<string, string> = {}): Promise<RunningStack> {
  return startStack(
    loadEnv({
      LEGACY_AS_OF: SEEDED_TODAY,
      GATEWAY_PORT: '0',
      PARTNERS_PORT: '0',
      QUOTING_PORT: '0',
      BILLING_SUBGRAPH_PORT: '0',
      INCENTIVES_SUBGRAPH_PORT: '0',
      CPQ_PORT: '0',
      PRM_PORT: '0',
      BILLING_PORT: '0',
      INCENTIVES_PORT: '0',
      INCENTIVES_STANDIN_LATENCY_MS: '0-0',
      APOLLO_TELEMETRY: 'false',
      LOG_LEVEL: 'silent',
      // Tests fire requests faster than a partner's budget allows and count PRM calls (the budget's
      // tier lookup is one); the fair-use tests turn budgets on.
      BUDGETS: 'false',
      ...overrides,
    }),
  );
}

export interface GraphQLResponse<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** A JWT as the identity provider would issue it; by default for P-00001's partner_rep. */
export function tokenFor(
  partnerId = 'P-00001',
  roles: Role[] = ['partner_rep'],
  options: { secret?: string; expiresAt?: number; claims?: Record<string, unknown> } = {},
): Promise<string> {
  return new SignJWT({ partnerId, roles, ...options.claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`user@${partnerId}`)
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? DEV_JWT_SECRET));
}

/** POSTs any GraphQL request body (query, extensions ...) with an optional bearer token. */
export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  token: string | undefined,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData> & { status: number; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return {
    ...((await response.json()) as GraphQLResponse<TData>),
    status: response.status,
    headers: response.headers,
  };
}

export function graphqlAs<TData = Record<string, unknown>>(
  token: string | undefined,
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData> & { status: number; headers: Headers }> {
  return postGraphQL<TData>(url, token, { query, variables }, headers);
}

/** A query as P-00001's partner_rep. */
export async function graphql<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<TData>> {
  return graphqlAs<TData>(await tokenFor(), url, query, variables);
}

export async function legacyCalls(baseUrl: string): Promise<Record<string, number>> {
  const response = await fetch(`${baseUrl}/__stats`);
  return ((await response.json()) as { calls: Record<string, number> }).calls;
}

export async function resetLegacy(baseUrl: string): Promise<void> {
  await fetch(`${baseUrl}/__stats`, { method: 'DELETE' });
  await fetch(`${baseUrl}/__faults`, { method: 'DELETE' });
}

export async function injectFault(baseUrl: string, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${baseUrl}/__faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (response.status !== 201) throw new Error(`fault rejected: ${await response.text()}`);
}
