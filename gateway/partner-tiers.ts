import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { IDENTITY_HEADER, type IdentitySigner, type Viewer } from '../runtime';

/**
 * A partner's program tier, for its default budgets. The tier is PRM data and the gateway knows no
 * business rules nor any legacy wire format, so it asks the graph's own contract, as the partner's
 * user would: `{ me { tier } }` straight to the partners subgraph, signed with the viewer's identity
 * (so tenancy holds and no new trust path exists). A token claim was the other choice; it was left
 * because identity providers do not know tiers, and a tier change would wait for every token to expire.
 *
 * Answers are cached per partner for ttlMs; a lookup that fails (subgraph or PRM down, too slow)
 * gives `fallbackTier` for failureTtlMs, so a sick PRM costs one bounded wait, not one per request.
 * Concurrent lookups for one partner share one fetch.
 */
export const PARTNER_TIERS = ['REGISTERED', 'SILVER', 'GOLD', 'PLATINUM'] as const;
export type PartnerTier = (typeof PARTNER_TIERS)[number];

export interface PartnerTierOptions {
  /** The partners subgraph's GraphQL URL. */
  url: string;
  signIdentity: IdentitySigner;
  ttlMs: number;
  failureTtlMs: number;
  timeoutMs: number;
  fallbackTier: PartnerTier;
  /** Partners whose tier is remembered; the least recently used go first. */
  maxPartners?: number;
}

export type PartnerTierSource = (viewer: Viewer) => Promise<PartnerTier>;

const answerSchema = z.object({
  data: z.object({ me: z.object({ tier: z.enum(PARTNER_TIERS) }) }),
});

export function partnerTierSource(options: PartnerTierOptions): PartnerTierSource {
  const tiers = new LRUCache<string, PartnerTier>({ max: options.maxPartners ?? 10_000 });
  const pending = new Map<string, Promise<PartnerTier>>();

  async function lookUp(viewer: Viewer): Promise<PartnerTier> {
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: options.signIdentity(viewer),
        },
        body: JSON.stringify({ query: '{ me { tier } }' }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const answer = answerSchema.safeParse(await response.json());
      if (answer.success) {
        tiers.set(viewer.partnerId, answer.data.data.me.tier, { ttl: options.ttlMs });
        return answer.data.data.me.tier;
      }
    } catch {
      // Unreachable, too slow or not JSON: the fallback below.
    }
    tiers.set(viewer.partnerId, options.fallbackTier, { ttl: options.failureTtlMs });
    return options.fallbackTier;
  }

  return (viewer) => {
    const known = tiers.get(viewer.partnerId);
    if (known) return Promise.resolve(known);
    let lookup = pending.get(viewer.partnerId);
    if (!lookup) {
      lookup = lookUp(viewer).finally(() => pending.delete(viewer.partnerId));
      pending.set(viewer.partnerId, lookup);
    }
    return lookup;
  };
}
