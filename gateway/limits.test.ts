import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { buildSchema, parse } from 'graphql';
import { DEFAULT_LIMITS, memoizedOperationCost, operationCost, type CostedOperation } from './limits';

/** What a query costs against the cost limit (the rules are in limits.ts, above costEstimator). */
describe('operationCost', () => {
  const schema = buildSchema(`
    type Query { me: Partner }
    type Partner {
      id: ID!
      tier: Tier!
      address: Address!
      contacts: [Contact!]!
      quotes(first: Int = 10): QuoteConnection!
    }
    enum Tier { GOLD SILVER }
    type Address { city: String! }
    type Contact { name: String! address: Address }
    type QuoteConnection { totalCount: Int! pageInfo: PageInfo! edges: [QuoteEdge!]! }
    type PageInfo { hasNextPage: Boolean! endCursor: String }
    type QuoteEdge { cursor: String! node: Quote! }
    type Quote { id: ID! lines: [QuoteLine!]! }
    type QuoteLine { sku: String! quantity: Int! }
  `);
  const cost = (query: string, variables?: Record<string, unknown>) =>
    operationCost({ schema, document: parse(query), variables });

  it('counts objects: scalars and enums are free, an object costs 1 plus its selection', () => {
    expect(cost('{ me { id tier } }')).toBe(1);
    expect(cost('{ me { id address { city } } }')).toBe(2);
  });

  it('counts a list without `first` as 10 items', () => {
    expect(cost('{ me { contacts { name } } }')).toBe(1 + (1 + 10 * 1));
    expect(cost('{ me { contacts { address { city } } } }')).toBe(1 + (1 + 10 * 2));
  });

  it("counts a connection's edges `first` times, its totalCount and pageInfo once", () => {
    const page = (first: number) => cost(`{ me { quotes(first: ${first}) { edges { node { id } } } } }`);
    expect(page(5)).toBe(1 + (1 + 5 * 2));
    expect(page(50)).toBe(1 + (1 + 50 * 2));
    expect(
      cost(
        '{ me { quotes(first: 5) { totalCount pageInfo { hasNextPage } edges { cursor node { id } } } } }',
      ),
    ).toBe(page(5));
  });

  it('takes `first` from the variables, and the argument default when the query gives none', () => {
    const query = 'query ($first: Int) { me { quotes(first: $first) { edges { node { id } } } } }';
    expect(cost(query, { first: 50 })).toBe(1 + (1 + 50 * 2));
    expect(cost('{ me { quotes { edges { node { id } } } } }')).toBe(1 + (1 + 10 * 2));
  });

  it('multiplies lists inside a page', () => {
    expect(cost('{ me { quotes(first: 5) { edges { node { lines { sku } } } } } }')).toBe(
      1 + (1 + 5 * (1 + 1 + (1 + 10 * 1))),
    );
  });

  it('counts introspection as free', () => {
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });
});

describe('the partner dashboard', () => {
  it('at first: 50, the portal page, is within the default cost limit', async () => {
    const root = path.resolve(__dirname, '..');
    const gateway = new ApolloGateway({
      supergraphSdl: readFileSync(path.join(root, 'schema', 'supergraph.graphql'), 'utf8'),
    });
    const { schema } = await gateway.load();
    try {
      const document = parse(
        readFileSync(path.join(root, 'schema', 'operations', 'PartnerDashboard.graphql'), 'utf8'),
      );
      expect(operationCost({ schema, document, variables: { first: 50 } })).toBeLessThanOrEqual(
        DEFAULT_LIMITS.maxCost,
      );
    } finally {
      await gateway.stop();
    }
  });
});

describe('memoizedOperationCost', () => {
  const schema = buildSchema(
    'type Query { items(first: Int, filter: String): [Item!]! } type Item { id: ID! }',
  );
  const document = parse(
    'query Items($first: Int, $filter: String) { items(first: $first, filter: $filter) { id } }',
  );

  function counting() {
    const compute = jest.fn((operation: CostedOperation) => operationCost(operation));
    return { compute, costOf: memoizedOperationCost(compute) };
  }

  it('walks a document once per operation name and variables', () => {
    const { compute, costOf } = counting();

    const first = costOf({ schema, document, operationName: 'Items', variables: { first: 5 } });
    const again = costOf({ schema, document, operationName: 'Items', variables: { first: 5 } });
    const other = costOf({ schema, document, operationName: 'Items', variables: { first: 50 } });

    expect([first, again, other]).toEqual([6, 6, 51]);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('remembers a bounded number of costs in all, and never keeps large variables', () => {
    const compute = jest.fn((operation: CostedOperation) => operationCost(operation));
    const costOf = memoizedOperationCost(compute, 3);
    const other = parse('query Other($first: Int) { items(first: $first) { id } }');
    for (const first of [1, 2]) costOf({ schema, document, variables: { first } });
    costOf({ schema, document: other, variables: { first: 1 } });
    costOf({ schema, document, variables: { first: 1 } });
    expect(compute).toHaveBeenCalledTimes(3);
    // A fourth cost pushes out the least recently used (first: 2 of the first document).
    costOf({ schema, document: other, variables: { first: 2 } });
    costOf({ schema, document, variables: { first: 2 } });
    expect(compute).toHaveBeenCalledTimes(5);

    const large = { first: 1, filter: 'x'.repeat(2000) };
    compute.mockClear();
    costOf({ schema, document, variables: large });
    costOf({ schema, document, variables: large });
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('passes on the error of variables that cannot be costed, and remembers nothing for them', () => {
    const { compute, costOf } = counting();
    const bad = { schema, document, variables: { first: 'many' } };

    expect(() => costOf(bad)).toThrow();
    expect(() => costOf(bad)).toThrow();
    expect(compute).toHaveBeenCalledTimes(2);
  });
});
