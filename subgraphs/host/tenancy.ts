import { GraphQLError } from 'graphql';
import type { Viewer } from '../../runtime';

/**
 * Tenancy, enforced in every subgraph whatever the query asks: a partner's users see their own
 * partner's data; channel managers see every partner's.
 */
export function canReadEveryPartner(viewer: Viewer): boolean {
  return viewer.roles.includes('channel_manager');
}

export function canReadPartner(viewer: Viewer, partnerId: string): boolean {
  return canReadEveryPartner(viewer) || viewer.partnerId === partnerId;
}

/** What a viewer gets at the path of data that belongs to a partner it may not read. */
export function forbiddenPartnerData(): GraphQLError {
  return new GraphQLError('Forbidden: this data belongs to another partner', {
    extensions: { code: 'FORBIDDEN' },
  });
}

export function assertCanReadPartner(viewer: Viewer, partnerId: string): void {
  if (!canReadPartner(viewer, partnerId)) throw forbiddenPartnerData();
}

/**
 * Writes: a partner's own users with the partner_rep or partner_admin role change their own
 * partner's data, and nobody else's. Channel managers read every partner but change none: they
 * review quotes and registrations in the legacy systems, where approvals live.
 */
const WRITER_ROLES: ReadonlySet<string> = new Set(['partner_rep', 'partner_admin']);

export function canWrite(viewer: Viewer): boolean {
  return viewer.roles.some((role) => WRITER_ROLES.has(role));
}

export function canWriteForPartner(viewer: Viewer, partnerId: string): boolean {
  return canWrite(viewer) && viewer.partnerId === partnerId;
}

export function assertCanWrite(viewer: Viewer): void {
  if (!canWrite(viewer)) {
    throw new GraphQLError('Forbidden: changes need the partner_rep or partner_admin role', {
      extensions: { code: 'FORBIDDEN' },
    });
  }
}
