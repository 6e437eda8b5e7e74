import { loadEnv } from '../config';
import { startStack, type RunningStack } from '../scripts/stack';

/** The whole stack on ephemeral ports, for end-to-end tests. */
export function startTestStack(overrides: Record<string, string> = {}): Promise<RunningStack> {
  return startStack(
    loadEnv({
      GATEWAY_PORT: '0',
      PARTNERS_PORT: '0',
      QUOTING_PORT: '0',
      CPQ_PORT: '0',
      PRM_PORT: '0',
      APOLLO_TELEMETRY: 'false',
      ...overrides,
    }),
  );
}

export interface GraphQLResponse<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export async function graphql<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<TData>;
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
