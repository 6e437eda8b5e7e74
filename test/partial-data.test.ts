import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RETRY_OPTIONS } from '../adapters/http';
import type { RunningStack } from '../scripts/stack';
import {
  graphqlAs,
  injectFault,
  legacyCalls,
  resetLegacy,
  startTestStack,
  tokenFor,
  type GraphQLResponse,
} from './stack';
import { startSubgraphProxy, type SubgraphProxy } from './subgraph-proxy';

/**
 * Partial data as promised: with any one legacy system down, or any one subgraph dead, the partner
 * dashboard answers exactly what it answers when all is well, except a null at each path the failed
 * system serves, and one coded error at each of those paths. Whatever the healthy systems serve
 * (the partner's name and tier from the PRM, the quotes from the CPQ, the partner's id and quotes
 * while the PRM is down ...) stays.
 */
const operation = (name: string) =>
  readFileSync(path.resolve(__dirname, '..', 'schema', 'operations', `${name}.graphql`), 'utf8');
const DASHBOARD = operation('PartnerDashboard');
const CATALOG = operation('Catalog');
const PARTNER_ID = 'P-00001';

interface Dashboard {
  me: {
    id: string;
    name: string | null;
    tier: string | null;
    quotes: {
      edges: Array<{ node: { status: string; incentiveEstimate: unknown; invoices: unknown[] | null } }>;
    } | null;
  } | null;
}
type Path = Array<string | number>;

/** Every quote's path in the dashboard, with the quote. */
const quotePaths = (healthy: Dashboard) =>
  healthy.me!.quotes!.edges.map(({ node }, index) => ({
    node,
    path: ['me', 'quotes', 'edges', index, 'node'],
  }));

/**
 * What each subgraph serves in the dashboard: the paths that come back null when it fails, and only
 * those. A dead partners subgraph takes `me` with it: the root field is its own.
 */
const FAILED_PATHS = {
  partners: () => [['me']],
  quoting: () => [['me', 'quotes']],
  billing: (healthy) => quotePaths(healthy).map(({ path }) => [...path, 'invoices']),
  incentives: (healthy) => quotePaths(healthy).map(({ path }) => [...path, 'incentiveEstimate']),
} satisfies Record<string, (healthy: Dashboard) => Path[]>;
type SubgraphName = keyof typeof FAILED_PATHS;

/** A rejected quote earns nothing: its estimate is null without asking the incentive system or the PRM. */
const estimatePaths = (healthy: Dashboard) =>
  quotePaths(healthy)
    .filter(({ node }) => node.status !== 'REJECTED')
    .map(({ path }) => [...path, 'incentiveEstimate']);

/** Each legacy system, and the paths of the dashboard that fail with it. */
const LEGACY_FAILED_PATHS: Array<[string, (healthy: Dashboard) => Path[]]> = [
  // The viewer's partner still comes, with its id; the estimates need its tier and quota.
  ['prm', (healthy) => [['me', 'name'], ['me', 'tier'], ...estimatePaths(healthy)]],
  ['cpq', FAILED_PATHS.quoting],
  ['billing', FAILED_PATHS.billing],
  ['incentives', estimatePaths],
];

/** The healthy answer with null at each failed path. */
function withNullAt(healthy: Dashboard, paths: Path[]): Dashboard {
  const expected = structuredClone(healthy) as unknown as Record<string | number, unknown>;
  for (const failed of paths) {
    let parent = expected;
    for (const key of failed.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[failed.at(-1)!] = null;
  }
  return expected as unknown as Dashboard;
}

function expectPartialData(
  response: GraphQLResponse<Dashboard>,
  healthy: Dashboard,
  paths: Path[],
  extensions: Record<string, unknown>,
) {
  expect(response.data).toEqual(withNullAt(healthy, paths));
  expect(response.errors?.map((error) => error.path)).toEqual(expect.arrayContaining(paths));
  expect(response.errors).toHaveLength(paths.length);
  for (const error of response.errors!) expect(error.extensions).toMatchObject(extensions);
}

async function dashboard(stack: RunningStack): Promise<GraphQLResponse<Dashboard>> {
  return graphqlAs<Dashboard>(await tokenFor(PARTNER_ID), stack.urls.gateway, DASHBOARD, { first: 10 });
}

/** The dashboard with nothing down: every field present, estimates and invoices among them. */
function expectHealthy(response: GraphQLResponse<Dashboard>): Dashboard {
  expect(response.errors).toBeUndefined();
  const healthy = response.data!;
  expect(healthy.me).toMatchObject({ id: PARTNER_ID, name: expect.any(String), tier: expect.any(String) });
  const quotes = quotePaths(healthy).map(({ node }) => node);
  expect(quotes.length).toBeGreaterThan(1);
  expect(quotes.some((quote) => quote.incentiveEstimate !== null)).toBe(true);
  expect(quotes.some((quote) => (quote.invoices ?? []).length > 0)).toBe(true);
  return healthy;
}

describe('a legacy system down', () => {
  let stack: RunningStack;
  let healthy: Dashboard;

  beforeAll(async () => {
    // Breakers stay closed: each case must see the outage itself, not the previous case's open breaker.
    stack = await startTestStack({ BREAKER_VOLUME_THRESHOLD: '1000' });
    // Also warms the reference caches (products, programs) the way a running stack has them.
    healthy = expectHealthy(await dashboard(stack));
  });
  afterAll(async () => {
    await stack?.close();
  });
  afterEach(async () => {
    for (const url of Object.values(stack.urls.legacy)) await resetLegacy(url);
  });

  it.each(LEGACY_FAILED_PATHS)(
    '%s down: everything else served, UPSTREAM_UNAVAILABLE at its fields',
    async (system, failedPaths) => {
      await injectFault(stack.urls.legacy[system]!, { down: true });
      expectPartialData(await dashboard(stack), healthy, failedPaths(healthy), {
        code: 'UPSTREAM_UNAVAILABLE',
        upstream: { system },
      });
    },
  );

  it("prm down: the partner's id, quotes, customers, invoices and payouts served, the error at each PRM field, one partner read per subgraph", async () => {
    const WHOLE_PARTNER = /* GraphQL */ `
      {
        me {
          id
          name
          tier
          region
          status
          country
          currency
          annualQuota {
            amount
          }
          quarterlyQuota {
            amount
          }
          certifications {
            id
          }
          contacts {
            id
          }
          dealRegistrations {
            totalCount
          }
          quotes {
            totalCount
          }
          customers {
            id
          }
          invoices {
            totalCount
          }
          payouts {
            totalCount
          }
          incentives {
            quarter
            earned {
              amount
            }
          }
        }
      }
    `;
    const FROM_PRM = [
      'name',
      'tier',
      'region',
      'status',
      'country',
      'currency',
      'annualQuota',
      'quarterlyQuota',
    ];
    const LISTS_FROM_PRM = ['certifications', 'contacts', 'dealRegistrations'];
    type Me = { me: Record<string, unknown> | null };
    const token = await tokenFor(PARTNER_ID);
    const healthy = await graphqlAs<Me>(token, stack.urls.gateway, WHOLE_PARTNER);
    expect(healthy.errors).toBeUndefined();
    for (const field of [...FROM_PRM, ...LISTS_FROM_PRM]) expect(healthy.data?.me?.[field]).not.toBeNull();

    await resetLegacy(stack.urls.legacy.prm!);
    await injectFault(stack.urls.legacy.prm!, { down: true });
    const down = await graphqlAs<Me>(token, stack.urls.gateway, WHOLE_PARTNER);

    const { quotes, customers, invoices, payouts } = healthy.data!.me!;
    expect(down.data).toEqual({
      me: {
        id: PARTNER_ID,
        ...Object.fromEntries([...FROM_PRM, ...LISTS_FROM_PRM].map((field) => [field, null])),
        quotes,
        customers,
        invoices,
        payouts,
        // Its quarter's numbers are computed with the partner's quota, from the PRM.
        incentives: null,
      },
    });
    const failedPaths = [
      ...[...FROM_PRM, ...LISTS_FROM_PRM].map((field) => ['me', field]),
      ['me', 'incentives', 'earned'],
    ];
    expect(down.errors?.map((error) => error.path)).toEqual(expect.arrayContaining(failedPaths));
    expect(down.errors).toHaveLength(failedPaths.length);
    for (const error of down.errors!) {
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { system: 'prm' } });
    }
    // One partner read by the partners subgraph, whose failure answers every PRM field (none asks for
    // its list), and one by the incentives subgraph; each with its retries.
    expect(await legacyCalls(stack.urls.legacy.prm!)).toEqual({
      'GET /api/objects/v1/Account': 2 * (DEFAULT_RETRY_OPTIONS.maxRetries + 1),
    });
  });

  it('cpq down, nothing cached: the catalog still lists the certified families (PRM), with the error at its price book', async () => {
    type Catalog = {
      me: { customers: unknown; catalog: { certifiedFamilies: string[]; priceBook: unknown } };
    };
    const token = await tokenFor(PARTNER_ID);
    await injectFault(stack.urls.legacy.cpq!, { down: true });
    const down = await graphqlAs<Catalog>(token, stack.urls.gateway, CATALOG);
    await resetLegacy(stack.urls.legacy.cpq!);
    const healthy = await graphqlAs<Catalog>(token, stack.urls.gateway, CATALOG);

    expect(healthy.errors).toBeUndefined();
    expect(healthy.data?.me.catalog.certifiedFamilies.length).toBeGreaterThan(0);
    expect(down.data).toEqual({
      me: {
        customers: null,
        catalog: { certifiedFamilies: healthy.data?.me.catalog.certifiedFamilies, priceBook: null },
      },
    });
    expect(down.errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining([
        ['me', 'customers'],
        ['me', 'catalog', 'priceBook'],
      ]),
    );
    for (const error of down.errors!) {
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { system: 'cpq' } });
    }
  });
});

describe('a subgraph dead', () => {
  const ROUTE_VARIABLES: Record<SubgraphName, string> = {
    partners: 'PARTNERS_URL',
    quoting: 'QUOTING_URL',
    billing: 'BILLING_SUBGRAPH_URL',
    incentives: 'INCENTIVES_SUBGRAPH_URL',
  };
  let stack: RunningStack | undefined;
  let proxy: SubgraphProxy | undefined;

  afterEach(async () => {
    await stack?.close();
    await proxy?.close();
  });

  it.each(Object.keys(FAILED_PATHS) as SubgraphName[])(
    '%s stopped: everything else served, UPSTREAM_UNAVAILABLE at its fields',
    async (subgraph) => {
      // The gateway reaches the subgraph through a server the test stops, as a crashed process stops.
      proxy = await startSubgraphProxy();
      stack = await startTestStack({ [ROUTE_VARIABLES[subgraph]]: `${proxy.url}/graphql` });
      proxy.target = stack.subgraphServers[subgraph]!;
      const healthy = expectHealthy(await dashboard(stack));

      await proxy.close();
      expectPartialData(await dashboard(stack), healthy, FAILED_PATHS[subgraph](healthy), {
        code: 'UPSTREAM_UNAVAILABLE',
        upstream: { subgraph },
        serviceName: subgraph,
      });
    },
  );
});
