import type { Partner } from '../../domain';
import type { UpstreamError } from '../../runtime';

/** What the partners resolvers hand each other; codegen maps the schema's types to these. */

/**
 * The viewer's own partner while the PRM fails: its id, known from the verified identity, and the
 * PRM's failure, which every field from the PRM answers at its own path (see partner-outage.ts).
 */
export interface PartnerOutage {
  id: string;
  prmFailure: UpstreamError;
}

export type PartnerModel = Partner | PartnerOutage;
