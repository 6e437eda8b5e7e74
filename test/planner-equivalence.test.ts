import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { DEV_IDENTITY_SECRET } from '../config';
import { IDENTITY_HEADER, signIdentity, type Viewer } from '../runtime';
import type { RunningStack } from '../scripts/stack';
import { graphqlAs, startTestStack, tokenFor } from './stack';

/**
 * Our plugins (auth, limits, breakers, persisted queries, metrics) must never change a correct
 * answer of Apollo's query planner: the same operations through our gateway and through a stock
 * @apollo/gateway over the same subgraphs give the same data and error paths.
 */
const root = path.resolve(__dirname, '..');
const viewer: Viewer = { sub: 'user@P-00001', partnerId: 'P-00001', roles: ['partner_rep'] };

const OPERATIONS: Array<[string, string]> = [
  ['me', '{ me { id name tier region status country currency } }'],
  [
    'aliases and fragments',
    '{ a: me { ...P } b: partner(id: "P-00001") { ...P } } fragment P on Partner { id name }',
  ],
  [
    'quotes joined across subgraphs',
    '{ me { quotes(first: 7, status: [ACCEPTED, DRAFT, IN_REVIEW]) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number netTotal { amount currency } lines { product { sku name } quantity discount } } } } } }',
  ],
  [
    'quote back to its partner',
    '{ quote(id: "a0Q000000000001AAA") { number partner { id name quotes(first: 2) { totalCount } } } }',
  ],
  ['a forbidden partner next to an allowed one', '{ me { id } partner(id: "P-00002") { id name } }'],
  ['a bad argument', '{ me { quotes(first: 0) { totalCount } } }'],
  [
    'typename and skip/include',
    '{ __typename me { __typename id name @skip(if: true) tier @include(if: true) } }',
  ],
];

describe('query-planner equivalence with a stock gateway', () => {
  let stack: RunningStack;
  let stock: ApolloServer;

  beforeAll(async () => {
    stack = await startTestStack();
    const gateway = new ApolloGateway({
      supergraphSdl: readFileSync(path.join(root, 'schema', 'supergraph.graphql'), 'utf8'),
      buildService: ({ name }) =>
        new (class extends RemoteGraphQLDataSource {
          override willSendRequest({ request }: GraphQLDataSourceProcessOptions) {
            request.http?.headers.set(IDENTITY_HEADER, signIdentity(viewer, DEV_IDENTITY_SECRET));
          }
        })({ url: `${stack.subgraphServers[name]}/graphql` }),
    });
    stock = new ApolloServer({ gateway });
    await stock.start();
  });
  afterAll(async () => {
    await stock?.stop();
    await stack?.close();
  });

  it.each(OPERATIONS)('%s', async (_name, query) => {
    const ours = await graphqlAs(await tokenFor('P-00001'), stack.urls.gateway, query);
    const result = await stock.executeOperation({ query });
    const theirs = result.body.kind === 'single' ? result.body.singleResult : undefined;
    expect(ours.data).toEqual(theirs?.data ?? undefined);
    expect((ours.errors ?? []).map((e) => ({ path: e.path, code: e.extensions?.code }))).toEqual(
      (theirs?.errors ?? []).map((e) => ({ path: e.path, code: e.extensions?.code })),
    );
  });
});
