import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './context';
import { SubgraphDataSource } from './subgraph-data-source';

/** Where a dead subgraph's errors land: the fields the fetch asked for, which come back null. */
describe('subgraph data source, subgraph down', () => {
  const source = new SubgraphDataSource('quoting', 'http://127.0.0.1:1/graphql', {
    resilience: { timeoutMs: 1000, errorThresholdPercentage: 50, volumeThreshold: 100, resetTimeoutMs: 1000 },
    fetcher: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    signIdentity: () => 'signed',
  });

  const pathsOf = async (query: string, variables?: Record<string, unknown>) => {
    const response = await source.process({
      // @apollo/gateway does not export its request-kind enum: this is its HEALTH_CHECK, a fetch
      // without an incoming request around it.
      kind: 'health check',
      request: { query, variables },
      context: {},
    } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
    return response.errors?.map((error) => error.path);
  };

  it('puts a root fetch error at each root field', async () => {
    expect(await pathsOf('{ quote(id: "a") { id } other: quote(id: "b") { id } }')).toEqual([
      ['quote'],
      ['other'],
    ]);
  });

  it('puts an entity fetch error at each field asked of each entity, through inline and named fragments', async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        __typename
        ... on Partner { quotes(first: 2) { totalCount } ...PartnerCatalog }
        ... on Quote { number: id }
      }
    }
    fragment PartnerCatalog on Partner { catalog { certifiedFamilies } }`;
    expect(
      await pathsOf(query, {
        representations: [
          { __typename: 'Partner', id: 'P-00001' },
          { __typename: 'Quote', id: 'a' },
        ],
      }),
    ).toEqual([
      ['_entities', 0, 'quotes'],
      ['_entities', 0, 'catalog'],
      ['_entities', 1, 'number'],
    ]);
  });
});
