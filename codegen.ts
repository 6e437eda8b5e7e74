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
  scalars: { Decimal: 'string', Currency: 'string', Date: 'string' },
};

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    'subgraphs/partners/generated/resolvers-types.ts': {
      schema: 'schema/partners.graphql',
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        ...shared,
        contextType: '../context#PartnersContext',
        mappers: {
          Partner: '../models#PartnerModel',
          Contact: '../../../domain#Contact',
          Certification: '../../../domain#Certification',
          DealRegistration: '../../../domain#DealRegistration',
          DealRegistrationConnection: '../../../domain#DealRegistrationConnectionPage',
          Money: '../../../domain#Money',
        },
      },
    },
    'subgraphs/quoting/generated/resolvers-types.ts': {
      schema: 'schema/quoting.graphql',
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        ...shared,
        contextType: '../context#QuotingContext',
        mappers: {
          Partner: '../../../domain#PartnerRef',
          Quote: '../../../domain#Quote',
          QuoteLine: '../../../domain#QuoteLine',
          Product: '../../../domain#ProductRef',
          Money: '../../../domain#Money',
          QuoteConnection: '../../../domain#QuoteConnectionPage',
          Customer: '../../../domain#Customer',
          DealRegistration: '../../../domain#DealRegistrationRef',
          Catalog: '../catalog#CatalogModel',
        },
      },
    },
    'subgraphs/billing/generated/resolvers-types.ts': {
      schema: 'schema/billing.graphql',
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        ...shared,
        contextType: '../context#BillingContext',
        mappers: {
          Partner: '../../../domain#PartnerRef',
          Quote: '../../../domain#QuoteRef',
          Invoice: '../../../domain#Invoice',
          InvoiceItem: '../../../domain#InvoiceItem',
          Subscription: '../../../domain#Subscription',
          RatePlanCharge: '../../../domain#RatePlanCharge',
          Payout: '../../../domain#Payout',
          RevenueShareSplit: '../../../domain#RevenueShareSplit',
          Money: '../../../domain#Money',
          InvoiceConnection: '../../../domain#InvoiceConnectionPage',
          PayoutConnection: '../../../domain#PayoutConnectionPage',
        },
      },
    },
    'subgraphs/incentives/generated/resolvers-types.ts': {
      schema: 'schema/incentives.graphql',
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        ...shared,
        contextType: '../context#IncentivesContext',
        mappers: {
          Quote: '../models#QuoteModel',
          Partner: '../../../domain#PartnerRef',
          Product: '../models#ProductKey',
          Money: '../../../domain#Money',
          IncentiveEstimate: '../models#IncentiveEstimateModel',
          IncentiveComponent: '../../../domain#IncentiveComponent',
          IncentiveProgram: '../models#IncentiveProgramModel',
          Spiff: '../../../domain#Spiff',
          Accrual: '../../../domain#Accrual',
          AccrualConnection: '../models#AccrualConnectionPage',
          PartnerIncentives: '../models#PartnerIncentivesModel',
        },
      },
    },
  },
};

export default config;
