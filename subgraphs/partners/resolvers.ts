import type { Resolvers } from './generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: {
    partner: (_root, { id }, { prm }) => prm.partnerById.load(id),
  },
  Partner: {
    __resolveReference: (reference, { prm }) => prm.partnerById.load(reference.id),
  },
};
