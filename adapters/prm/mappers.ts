import type { Partner, PartnerStatus, PartnerTier } from '../../domain';
import { UpstreamError } from '../http';
import { prmAccountSchema, type PrmAccount } from './types';

const TIERS: Record<PrmAccount['partnerLevel']['name'], PartnerTier> = {
  Registered: 'REGISTERED',
  Silver: 'SILVER',
  Gold: 'GOLD',
  Platinum: 'PLATINUM',
};

const STATUSES: Record<PrmAccount['accountStatus'], PartnerStatus> = {
  Active: 'ACTIVE',
  Suspended: 'SUSPENDED',
  Terminated: 'TERMINATED',
};

/** Maps one PRM account to a Partner, or rejects it as UPSTREAM_BAD_RESPONSE if it is malformed. */
export function toPartner(record: unknown): Partner {
  const parsed = prmAccountSchema.safeParse(record);
  if (!parsed.success) {
    throw new UpstreamError('UPSTREAM_BAD_RESPONSE', 'prm returned a malformed partner record', {
      system: 'prm',
      operation: 'mapAccount',
      breaker: 'closed',
    });
  }
  const account = parsed.data;
  return {
    id: account.id,
    name: account.name,
    tier: TIERS[account.partnerLevel.name],
    region: account.region,
    status: STATUSES[account.accountStatus],
    country: account.billingCountry,
    currency: account.currencyCode,
  };
}
