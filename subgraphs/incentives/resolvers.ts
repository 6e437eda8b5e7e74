import { ALL_PROGRAMS } from '../../adapters/incentives';
import type { Freshness } from '../../domain';
import { assertCanReadPartner, connectionOf, pageOf, pageRequest } from '../host';
import { estimateQuote, partnerQuarter } from './commission';
import type { Resolvers } from './generated/resolvers-types';

function freshnessOf(freshness: Freshness) {
  return { asOf: freshness.asOf, stale: freshness.stale, ageSeconds: Math.floor(freshness.ageMs / 1000) };
}

export const resolvers: Resolvers = {
  Query: {
    incentivePrograms: async (_root, _args, { incentives }) => {
      const { value, freshness } = await incentives.programs.load(ALL_PROGRAMS);
      return value.map((program) => ({ program, freshness }));
    },
  },
  Quote: {
    // The representation carries the fields @requires names; commission.ts reads them from it.
    __resolveReference: (reference) => reference,
    incentiveEstimate: (quote, _args, context) => estimateQuote(quote, context),
    incentiveAccrual: async (quote, _args, { viewer, incentives }) => {
      const accrual = await incentives.accrualsByQuoteId.load(quote.id);
      if (accrual) assertCanReadPartner(viewer, accrual.partnerId);
      return accrual;
    },
  },
  Partner: {
    __resolveReference: (reference, { viewer }) => {
      assertCanReadPartner(viewer, reference.id);
      return { id: reference.id };
    },
    incentives: (partner, { quarter }, context) => partnerQuarter(partner.id, quarter, context),
  },
  PartnerIncentives: {
    quarter: (quarter) => quarter.quarter,
    earned: async (quarter) => (await quarter.summary()).earned,
    pending: async (quarter) => (await quarter.summary()).pending,
    projected: async (quarter) => (await quarter.summary()).projected,
    booked: async (quarter) => (await quarter.summary()).booked,
    quarterlyQuota: async (quarter) => (await quarter.summary()).quarterlyQuota,
    quotaAttainment: async (quarter) => (await quarter.summary()).quotaAttainmentPercent,
    lastBatchRunAt: async (quarter, _args, { incentives }) =>
      (await incentives.accrualsByPartnerId.load(quarter.partnerId)).lastBatchRunAt,
    accruals: async (quarter, { first, after }) => {
      const page = pageRequest(first, after);
      return pageOf(await quarter.accruals(), page);
    },
  },
  AccrualConnection: {
    edges: (page) => connectionOf(page).edges,
    pageInfo: (page) => connectionOf(page).pageInfo,
    totalCount: (page) => page.totalCount,
  },
  Accrual: {
    quote: (accrual) => ({ id: accrual.quoteId }),
  },
  IncentiveEstimate: {
    total: ({ estimate }) => estimate.total,
    breakdown: ({ estimate }) => estimate.components,
    program: ({ estimate, freshness }) => estimate.program && { program: estimate.program, freshness },
    closeDate: ({ estimate }) => estimate.closeDate,
    quarter: ({ estimate }) => estimate.quarter,
    dealAmount: ({ estimate }) => estimate.dealAmount,
    bookedBeforeInQuarter: ({ estimate }) => estimate.bookedBeforeInQuarter,
    quarterlyQuota: ({ estimate }) => estimate.quarterlyQuota,
    ineligibleReason: ({ estimate }) => estimate.ineligibleReason,
    freshness: ({ freshness }) => freshnessOf(freshness),
  },
  IncentiveProgram: {
    __resolveReference: async (reference, { incentives }) => {
      const { value, freshness } = await incentives.programs.load(ALL_PROGRAMS);
      const program = value.find((candidate) => candidate.id === reference.id);
      return program ? { program, freshness } : null;
    },
    id: ({ program }) => program.id,
    name: ({ program }) => program.name,
    status: ({ program }) => program.status,
    startDate: ({ program }) => program.startDate,
    endDate: ({ program }) => program.endDate,
    baseRates: ({ program }) => program.baseRates,
    spiffs: ({ program }) => program.spiffs,
    accelerator: ({ program }) => program.accelerator,
    dealCaps: ({ program }) => program.dealCaps,
    freshness: ({ freshness }) => freshnessOf(freshness),
  },
  Spiff: {
    product: (spiff) => ({ sku: spiff.sku }),
  },
};
