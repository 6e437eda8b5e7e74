import { assertCanReadPartner } from '../host';
import type { Resolvers } from './generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: {
    me: (_root, _args, { viewer, prm }) => prm.partnerById.load(viewer.partnerId),
    partner: (_root, { id }, { viewer, prm }) => {
      assertCanReadPartner(viewer, id);
      return prm.partnerById.load(id);
    },
  },
  Partner: {
    __resolveReference: (reference, { viewer, prm }) => {
      assertCanReadPartner(viewer, reference.id);
      return prm.partnerById.load(reference.id);
    },
  },
};
