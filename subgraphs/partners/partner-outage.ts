import type { Partner } from '../../domain';
import { isUpstreamError, type UpstreamErrorCode } from '../../runtime';
import type { PartnerModel } from './models';
import type { PartnersContext } from './context';

/**
 * The PRM failing says nothing about whether a partner exists, only that it cannot tell now. A
 * malformed answer (UPSTREAM_BAD_RESPONSE) is not among these: the partner is null rather than
 * served beside a record the PRM got wrong.
 */
const OUTAGE_CODES: ReadonlySet<UpstreamErrorCode> = new Set([
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_RATE_LIMITED',
]);

/**
 * A partner from the PRM, or null when the PRM has none. While the PRM fails, the viewer's own
 * partner still exists (its id is in the verified identity), so it comes as a PartnerOutage and the
 * other subgraphs still serve their fields of it; any other partner fails as a whole.
 */
export async function partnerById(context: PartnersContext, id: string): Promise<PartnerModel | null> {
  try {
    return await context.prm.partnerById.load(id);
  } catch (error) {
    if (id === context.viewer.partnerId && isUpstreamError(error) && OUTAGE_CODES.has(error.code)) {
      return { id, prmFailure: error };
    }
    throw error;
  }
}

/**
 * The PRM's record of a partner, for a field that comes from the PRM. During an outage each such
 * field throws the failure DataLoader already holds, so no field calls the PRM again.
 */
export function prmRecordOf(partner: PartnerModel): Partner {
  if ('prmFailure' in partner) throw partner.prmFailure;
  return partner;
}
