import { Registry } from 'prom-client';
import { loadEnv } from '../config';
import { createLegacyAdapters } from '../scripts/legacy-adapters';
import type { RunningStack } from '../scripts/stack';
import { createIdentitySigner, IDENTITY_HEADER } from '../runtime';
import { startBillingSubgraph } from '../subgraphs';
import { graphqlAs, startTestStack, tokenFor } from './stack';

/**
 * The figures architects decide legacy switch-offs with, as Prometheus scrapes them: the process's
 * one registry on /metrics, the legacy clients' series labelled with the subgraph that called.
 */
async function scrape(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The distinct `operation` label values of gateway_requests_total. */
function operationLabels(metrics: string): Set<string> {
  return new Set(
    [...metrics.matchAll(/^gateway_requests_total\{operation="([^"]*)"/gm)].map((match) => match[1]!),
  );
}

describe('metrics served over HTTP', () => {
  let stack: RunningStack;
  let metricsUrl: string;

  beforeAll(async () => {
    stack = await startTestStack();
    metricsUrl = stack.urls.gateway.replace('/graphql', '/metrics');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("serves every legacy system's figures on the gateway's /metrics, by the subgraph that called", async () => {
    const token = await tokenFor('P-00001');
    const response = await graphqlAs(
      token,
      stack.urls.gateway,
      'query MyPartner { me { id tier quotes(first: 1) { totalCount } invoices(first: 1) { totalCount } } }',
    );
    expect(response.errors).toBeUndefined();

    const metrics = await scrape(metricsUrl);
    expect(metrics).toMatch(
      /^legacy_calls_total\{system="prm",operation="getAccounts",outcome="ok",subgraph="partners"\} [1-9]/m,
    );
    expect(metrics).toMatch(/^legacy_calls_total\{system="cpq",[^}]*subgraph="quoting"\} [1-9]/m);
    expect(metrics).toMatch(/^legacy_calls_total\{system="billing",[^}]*subgraph="billing"\} [1-9]/m);
    expect(metrics).toMatch(
      /^legacy_call_duration_seconds_count\{system="prm",[^}]*subgraph="partners"\} [1-9]/m,
    );
    // One breaker per system and operation, whichever subgraph calls: no subgraph label.
    expect(metrics).toMatch(/^legacy_breaker_state\{system="prm",operation="getAccounts"\} 0$/m);
    for (const name of [
      'legacy_retries_total',
      'legacy_cache_total',
      'legacy_bulkhead_rejections_total',
      'gateway_requests_total',
    ]) {
      expect(metrics).toContain(`# TYPE ${name} counter`);
    }
  });

  it('labels requests by the persisted-query manifest names only: random names are "other"', async () => {
    const token = await tokenFor('P-00001');
    await graphqlAs(token, stack.urls.gateway, 'query MyPartner { me { id } }');
    const before = operationLabels(await scrape(metricsUrl));

    for (let i = 0; i < 20; i += 1) {
      const name = `Random${Math.random().toString(36).slice(2)}`;
      const response = await graphqlAs(token, stack.urls.gateway, `query ${name} { me { id } }`);
      expect(response.errors).toBeUndefined();
    }
    await graphqlAs(token, stack.urls.gateway, '{ me { id } }');

    const metrics = await scrape(metricsUrl);
    const after = operationLabels(metrics);
    const added = [...after].filter((label) => !before.has(label));
    for (const label of added) expect(['anonymous', 'other']).toContain(label);
    expect(metrics).toMatch(/^gateway_requests_total\{operation="MyPartner",outcome="ok"\} [1-9]/m);
    const others = /^gateway_requests_total\{operation="other",outcome="ok"\} (\d+)/m.exec(metrics);
    expect(Number(others?.[1])).toBeGreaterThanOrEqual(20);
    expect(metrics).not.toContain('operation="Random');
  });

  it("serves a subgraph's own registry on its /metrics when it runs in a process of its own", async () => {
    const env = loadEnv({ LOG_LEVEL: 'silent' });
    const registry = new Registry();
    const urls = stack.urls.legacy as { cpq: string; prm: string; billing: string; incentives: string };
    const adapters = createLegacyAdapters(env, urls, { registry });
    const billing = await startBillingSubgraph({
      port: 0,
      identitySecret: env.IDENTITY_SECRET,
      billing: adapters.billing,
      metrics: registry,
    });
    try {
      const sign = createIdentitySigner(env.IDENTITY_SECRET);
      const response = await fetch(`${billing.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: sign({ sub: 'user@P-00001', partnerId: 'P-00001', roles: ['partner_rep'] }),
        },
        body: JSON.stringify({
          query:
            '{ _entities(representations: [{ __typename: "Partner", id: "P-00001" }]) { ... on Partner { invoices(first: 1) { totalCount } } } }',
        }),
      });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();

      const metrics = await scrape(`${billing.url}/metrics`);
      expect(metrics).toMatch(/^legacy_calls_total\{system="billing",[^}]*subgraph="billing"\} 1$/m);
      // Its own process's figures only: the stack's other subgraphs are not in this registry.
      expect(metrics).not.toContain('subgraph="quoting"');
    } finally {
      await billing.close();
      await adapters.close();
    }
  });

  it('serves no /metrics on a subgraph that shares the gateway process, whose /metrics has them', async () => {
    const response = await fetch(`${stack.subgraphServers.partners}/metrics`);
    expect(response.status).toBe(404);
  });
});
