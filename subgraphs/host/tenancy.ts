import { GraphQLError } from 'graphql';
import type { Viewer } from '../../runtime';

/**
 * Tenancy, enforced in every subgraph whatever the query asks: a partner's users see their own
 * partner's data; channel managers see every partner's.
 */
export function canReadPartner(viewer: Viewer, partnerId: string): boolean {
  return viewer.roles.includes('channel_manager') || viewer.partnerId === partnerId;
}

export function assertCanReadPartner(viewer: Viewer, partnerId: string): void {
  if (!canReadPartner(viewer, partnerId)) {
    throw new GraphQLError('Forbidden: this data belongs to another partner', {
      extensions: { code: 'FORBIDDEN' },
    });
  }
}
