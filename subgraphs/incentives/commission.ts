import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { ALL_PROGRAMS, type IncentivesRequestLoaders } from '../../adapters/incentives';
import {
  type CommissionPartner,
  estimateDeal,
  type IncentiveTransaction,
  type Partner,
  type PartnerAccruals,
  type ProductFamily,
  quarterOf,
  summarizeQuarter,
} from '../../domain';
import { assertCanReadPartner, assertIdentifier } from '../host';
import type { IncentiveEstimateModel, PartnerIncentivesModel, QuoteModel } from './models';
import type { IncentivesContext } from './context';

/**
 * Where the graph's data meets the commission rules (domain/incentives/): a quote's lines from
 * the quoting subgraph (through `@requires`), the partner's tier and quota from the PRM, and the
 * ledger, the batch queue and the programs from the incentive system.
 */

const FAMILY = z.enum(['NETWORK', 'SECURITY', 'CLOUD', 'SUPPORT']);
const OPEN_STATUSES = new Set(['DRAFT', 'IN_REVIEW', 'APPROVED', 'PRESENTED']);

/** The fields `Quote.incentiveEstimate` names in `@requires`, as the gateway sends them. */
const requiredQuoteFields = z.object({
  id: z.string().min(1),
  status: z.enum(['DRAFT', 'IN_REVIEW', 'APPROVED', 'PRESENTED', 'ACCEPTED', 'REJECTED']),
  closeDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  netTotal: z.object({ currency: z.string().min(1) }),
  partner: z.object({ id: z.string().min(1) }),
  lines: z.array(
    z.object({
      netTotal: z.object({ amount: z.string().regex(/^-?\d+(\.\d+)?$/), currency: z.string().min(1) }),
      product: z.object({ sku: z.string().min(1), family: FAMILY }),
    }),
  ),
});

function commissionPartner(partner: Partner): CommissionPartner {
  return { tier: partner.tier, currency: partner.currency, annualQuota: partner.annualQuota };
}

/**
 * The partner's deals waiting for the batch, from a listing made after the ledger's last batch run
 * (see `pendingQueue`), without any deal the ledger already holds.
 */
export async function partnerPending(
  incentives: IncentivesRequestLoaders,
  ledger: PartnerAccruals,
): Promise<IncentiveTransaction[]> {
  const queue = await incentives.pendingQueue(ledger.lastBatchRunAt);
  const posted = new Set(ledger.accruals.map((accrual) => accrual.quoteId));
  return (queue.byPartner.get(ledger.partnerId) ?? []).filter(
    (transaction) => !posted.has(transaction.quoteId),
  );
}

function unknownPartner(partnerId: string): GraphQLError {
  return new GraphQLError(`The PRM has no partner ${partnerId}`, { extensions: { code: 'NOT_FOUND' } });
}

/**
 * When the deal closes, as far as can be told today: an accepted quote closed on its opportunity's
 * close date; an open one is expected to close on it, but not before today.
 */
export function assumedCloseDate(status: string, closeDate: string | null, today: string): string {
  if (!closeDate) return today;
  return OPEN_STATUSES.has(status) && closeDate < today ? today : closeDate;
}

export async function estimateQuote(
  quote: QuoteModel,
  context: IncentivesContext,
): Promise<IncentiveEstimateModel | null> {
  const parsed = requiredQuoteFields.safeParse(quote);
  // The gateway sends these with every representation for this field; without them there is nothing to compute.
  if (!parsed.success) throw new Error(`quote ${quote.id} came without the fields @requires names`);
  const { status, partner: owner, lines, netTotal } = parsed.data;
  assertCanReadPartner(context.viewer, owner.id);
  if (status === 'REJECTED') return null;
  const { incentives, prm } = context;
  // The queue is asked for at once (usually the shared listing), and again with the ledger's batch run.
  const [programs, partner, ledger] = await Promise.all([
    incentives.programs.load(ALL_PROGRAMS),
    prm.partnerById.load(owner.id),
    incentives.accrualsByPartnerId.load(owner.id),
    incentives.pendingQueue(),
  ]);
  if (!partner) throw unknownPartner(owner.id);
  const pending = await partnerPending(incentives, ledger);
  const closeDate = assumedCloseDate(status, parsed.data.closeDate, context.today);
  // Whether the batch posts a pending deal ahead of this one (and so counts it toward the quota)
  // depends on its lines' families: only the quarter's deals closing before can count.
  const families = await pendingFamilies(
    context,
    pending.filter((t) => quarterOf(t.closeDate) === quarterOf(closeDate) && t.closeDate <= closeDate),
  );
  const estimate = estimateDeal({
    deal: {
      partnerId: owner.id,
      quoteId: parsed.data.id,
      closeDate,
      currency: netTotal.currency,
      lines: lines.map((line) => ({
        sku: line.product.sku,
        family: line.product.family,
        netTotal: line.netTotal.amount,
      })),
    },
    partner: commissionPartner(partner),
    programs: programs.value,
    ledger: ledger.accruals,
    pending,
    familyOf: (sku) => families.get(sku),
  });
  return { estimate, freshness: programs.freshness };
}

/** Pending transactions carry SKUs only; their families come from the CPQ catalog (cached). */
async function pendingFamilies(
  context: IncentivesContext,
  pending: readonly IncentiveTransaction[],
): Promise<Map<string, ProductFamily>> {
  const skus = [...new Set(pending.flatMap((t) => t.lines.map((line) => line.sku)))];
  const families = new Map<string, ProductFamily>();
  const products = await context.cpq.productBySku.loadMany(skus);
  products.forEach((product, index) => {
    if (product instanceof Error) throw product;
    if (product?.family) families.set(skus[index]!, product.family);
  });
  return families;
}

/** `Partner.incentives`: the quarter checked now, the numbers computed once when a field asks. */
export function partnerQuarter(
  partnerId: string,
  quarter: string | null | undefined,
  context: IncentivesContext,
): PartnerIncentivesModel {
  assertCanReadPartner(context.viewer, partnerId);
  const chosen = quarter ?? quarterOf(context.today);
  assertIdentifier('quarter', chosen, 'quarter');
  const { incentives, prm } = context;
  const accruals = async () =>
    (await incentives.accrualsByPartnerId.load(partnerId)).accruals.filter((a) => a.quarter === chosen);
  let summary: ReturnType<PartnerIncentivesModel['summary']> | undefined;
  return {
    partnerId,
    quarter: chosen,
    accruals,
    summary: () => {
      summary ??= (async () => {
        // The queue is asked for at once (usually the shared listing), and again with the ledger's batch run.
        const [programs, partner, ledger] = await Promise.all([
          incentives.programs.load(ALL_PROGRAMS),
          prm.partnerById.load(partnerId),
          incentives.accrualsByPartnerId.load(partnerId),
          incentives.pendingQueue(),
        ]);
        if (!partner) throw unknownPartner(partnerId);
        const pending = await partnerPending(incentives, ledger);
        const families = await pendingFamilies(
          context,
          pending.filter((t) => quarterOf(t.closeDate) === chosen),
        );
        return summarizeQuarter({
          partnerId,
          quarter: chosen,
          partner: commissionPartner(partner),
          programs: programs.value,
          ledger: ledger.accruals,
          pending,
          familyOf: (sku) => families.get(sku),
        });
      })();
      return summary;
    },
  };
}
