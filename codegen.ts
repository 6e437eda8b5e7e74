import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: resolver types for each subgraph from its SDL in schema/. Resolvers return
 * domain objects (the mappers below), and the generated types check every field against them.
 */
const shared = {
  federation: true,
  useIndexSignature: true,
  enumsAsTypes: true,
  mapperTypeSuffix: 'Model',
  avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
  scalars: { Decimal: 'string', Currency: 'string' },
};

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    'subgraphs/partners/generated/resolvers-types.ts': {
      schema: 'schema/partners.graphql',
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        ...shared,
        contextType: '../server#PartnersContext',
        mappers: { Partner: '../../../domain#Partner' },
      },
    },
    'subgraphs/quoting/generated/resolvers-types.ts': {
      schema: 'schema/quoting.graphql',
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        ...shared,
        contextType: '../server#QuotingContext',
        mappers: {
          Partner: '../../../domain#PartnerRef',
          Quote: '../../../domain#Quote',
          QuoteLine: '../../../domain#QuoteLine',
          Product: '../../../domain#ProductRef',
          Money: '../../../domain#Money',
          QuoteConnection: '../../../domain#QuoteConnectionPage',
        },
      },
    },
  },
};

export default config;
