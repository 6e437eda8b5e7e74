import { serverAudits } from 'graphql-http';
import type { RunningStack } from '../scripts/stack';
import { startTestStack, tokenFor } from './stack';

/**
 * GraphQL-over-HTTP conformance (the graphql-http package's server audits) of the gateway with
 * every plugin on. Clients authenticate, so the audit's fetch carries a token; GET requests also
 * carry Apollo's CSRF preflight header, as browsers' GraphQL clients do.
 */
describe('GraphQL over HTTP conformance', () => {
  let stack: RunningStack;
  let token: string;

  beforeAll(async () => {
    stack = await startTestStack();
    token = await tokenFor('P-00001');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const authenticatedFetch = (input: string | URL | Request, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    headers.set('apollo-require-preflight', 'true');
    return fetch(input, { ...init, headers });
  };

  const audits = serverAudits({ url: () => stack.urls.gateway, fetchFn: authenticatedFetch });
  for (const audit of audits.filter((candidate) => candidate.name.startsWith('MUST'))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status !== 'ok') {
        throw new Error(`${result.reason}${'response' in result ? ` (HTTP ${result.response.status})` : ''}`);
      }
    });
  }
});
