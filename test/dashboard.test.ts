import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunningStack } from '../scripts/stack';
import { graphqlAs, startTestStack, tokenFor } from './stack';

/**
 * N+1 is a defect: the partner dashboard (me + quotes with lines, incentive estimates and invoices,
 * across four subgraphs) costs the same legacy calls for a page of 2 quotes as for every quote of the
 * partner. Counted on each stand-in's /__stats.
 */
const DASHBOARD = readFileSync(
  path.resolve(__dirname, '..', 'schema', 'operations', 'PartnerDashboard.graphql'),
  'utf8',
);
const SYSTEMS = ['cpq', 'billing', 'incentives', 'prm'] as const;

describe('partner dashboard legacy calls', () => {
  let stack: RunningStack;
  let partnerId: string;
  let quoteCount: number;

  beforeAll(async () => {
    stack = await startTestStack();
    const perPartner = new Map<string, number>();
    for (const quote of stack.legacy!.dataset.quotes) {
      perPartner.set(quote.SBQQ__Partner__c, (perPartner.get(quote.SBQQ__Partner__c) ?? 0) + 1);
    }
    [partnerId, quoteCount] = [...perPartner].sort((a, b) => b[1] - a[1])[0]!;
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function callsFor(first: number): Promise<Record<string, number>> {
    const token = await tokenFor(partnerId);
    // Warm the reference caches (products, programs) and the CPQ token, so both runs see the same.
    await graphqlAs(token, stack.urls.gateway, DASHBOARD, { first });
    for (const system of SYSTEMS) await fetch(`${stack.urls.legacy[system]}/__stats`, { method: 'DELETE' });
    const response = await graphqlAs<{ me: { quotes: { edges: unknown[] } } }>(
      token,
      stack.urls.gateway,
      DASHBOARD,
      { first },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.me.quotes.edges).toHaveLength(Math.min(first, quoteCount));
    const counts: Record<string, number> = {};
    for (const system of SYSTEMS) {
      const stats = (await (await fetch(`${stack.urls.legacy[system]}/__stats`)).json()) as { total: number };
      counts[system] = stats.total;
    }
    return counts;
  }

  // One call per endpoint per query-plan step, whatever the page size: quotes, lines, opportunities
  // (CPQ); invoices and, once an invoice is found, the partner's accounts for the ownership check
  // (billing); the partner's accruals (incentives: the pending queue was listed by the warm-up
  // request, and that listing serves every request for INCENTIVES_PENDING_TTL_MS); the partner,
  // twice (PRM: partners subgraph, and tier and quota for the estimates).
  const BOUND = { cpq: 3, billing: 2, incentives: 1, prm: 2 };

  it('costs a fixed number of legacy calls per system, for 2 quotes as for all of them', async () => {
    expect(quoteCount).toBeGreaterThan(10);
    for (const first of [2, quoteCount]) {
      const counts = await callsFor(first);
      for (const system of SYSTEMS) expect(counts[system]).toBeLessThanOrEqual(BOUND[system]);
      expect(counts.cpq).toBe(BOUND.cpq);
    }
  });
});
