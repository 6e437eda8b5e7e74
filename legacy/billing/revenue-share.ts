import Decimal from 'decimal.js';

/**
 * Revenue share on a paid invoice: the provider collects from the customer and pays the partner
 * (and the distributor, when the partner buys through one) their share.
 *
 * partner = round(gross x partner share / 100), distributor = round(gross x 5 / 100) when there is
 * one, provider = gross - partner - distributor, so the splits always add up to the gross exactly.
 * Rounding is 2 places, half away from zero, as everywhere in the billing system.
 */

export type RevenueShareTier = 'Registered' | 'Silver' | 'Gold' | 'Platinum';
export type RevenueShareParty = 'provider' | 'partner' | 'distributor';

export interface RevenueShareSplit {
  party: RevenueShareParty;
  partyId: string;
  sharePercent: string;
  amount: string;
}

export const PROVIDER_PARTY_ID = 'PROVIDER';
export const PARTNER_SHARE_PERCENT: Record<RevenueShareTier, string> = {
  Registered: '10.00',
  Silver: '15.00',
  Gold: '20.00',
  Platinum: '25.00',
};
export const DISTRIBUTOR_SHARE_PERCENT = '5.00';

function shareOf(gross: Decimal, percent: string): Decimal {
  return gross.times(percent).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function revenueShareSplits(
  grossAmount: string,
  partner: { id: string; tier: RevenueShareTier },
  distributorId: string | null,
): RevenueShareSplit[] {
  const gross = new Decimal(grossAmount);
  const partnerPercent = PARTNER_SHARE_PERCENT[partner.tier];
  const partnerAmount = shareOf(gross, partnerPercent);
  const distributorAmount = distributorId ? shareOf(gross, DISTRIBUTOR_SHARE_PERCENT) : new Decimal(0);
  const providerAmount = gross.minus(partnerAmount).minus(distributorAmount);
  const providerPercent = new Decimal(100)
    .minus(partnerPercent)
    .minus(distributorId ? DISTRIBUTOR_SHARE_PERCENT : 0)
    .toFixed(2);
  return [
    {
      party: 'provider',
      partyId: PROVIDER_PARTY_ID,
      sharePercent: providerPercent,
      amount: providerAmount.toFixed(2),
    },
    { party: 'partner', partyId: partner.id, sharePercent: partnerPercent, amount: partnerAmount.toFixed(2) },
    ...(distributorId
      ? [
          {
            party: 'distributor' as const,
            partyId: distributorId,
            sharePercent: DISTRIBUTOR_SHARE_PERCENT,
            amount: distributorAmount.toFixed(2),
          },
        ]
      : []),
  ];
}
