import { businessDay, certificationStatusOn, dealRegistrationStatusOn, quarterlyQuotaOf } from '../../domain';
import { BadResponseError } from '../../runtime';
import { assertCanReadPartner, assertIdentifier, connectionOf, pageRequest } from '../host';
import { registerDeal, registrationById, registrationsPage } from './deal-registrations';
import { partnerById, prmRecordOf } from './partner-outage';
import type { Resolvers } from './generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: {
    me: (_root, _args, context) => partnerById(context, context.viewer.partnerId),
    partner: (_root, { id }, context) => {
      assertIdentifier('partnerId', id, 'id');
      assertCanReadPartner(context.viewer, id);
      return partnerById(context, id);
    },
  },
  Mutation: {
    registerDeal: (_root, { input, idempotencyKey }, context) => registerDeal(context, input, idempotencyKey),
  },
  Partner: {
    __resolveReference: (reference, context) => {
      assertCanReadPartner(context.viewer, reference.id);
      return partnerById(context, reference.id);
    },
    name: (partner) => prmRecordOf(partner).name,
    tier: (partner) => prmRecordOf(partner).tier,
    region: (partner) => prmRecordOf(partner).region,
    status: (partner) => prmRecordOf(partner).status,
    country: (partner) => prmRecordOf(partner).country,
    currency: (partner) => prmRecordOf(partner).currency,
    annualQuota: (partner) => prmRecordOf(partner).annualQuota,
    quarterlyQuota: (partner) => quarterlyQuotaOf(prmRecordOf(partner)),
    certifications: (partner, _args, { prm }) => prm.certificationsByPartnerId.load(prmRecordOf(partner).id),
    contacts: (partner, _args, { prm }) => prm.contactsByPartnerId.load(prmRecordOf(partner).id),
    dealRegistrations: async (partner, args, { prm }) => {
      const page = pageRequest(args.first, args.after);
      return registrationsPage(
        await prm.dealRegistrationsByPartnerId.load(prmRecordOf(partner).id),
        args.status,
        page,
      );
    },
    usage: (partner, _args, { viewer, usage }) =>
      usage && partner.id === viewer.partnerId
        ? {
            requests: usage.requests,
            cost: usage.cost,
            remaining: usage.remaining,
            resetsAt: new Date(usage.resetsAt).toISOString(),
          }
        : null,
  },
  Certification: {
    status: (certification) => certificationStatusOn(certification, businessDay()),
    holder: async (certification, _args, { prm }) =>
      (await prm.contactsByPartnerId.load(certification.partnerId)).find(
        (contact) => contact.id === certification.contactId,
      ) ?? null,
  },
  DealRegistration: {
    __resolveReference: async (reference, context) => {
      const registration = await registrationById(context, reference.id);
      if (registration) assertCanReadPartner(context.viewer, registration.partnerId);
      return registration;
    },
    partner: async (registration, _args, context) => {
      const partner = await partnerById(context, registration.partnerId);
      if (!partner) {
        // The PRM answered a registration of an account it does not have: its data is broken.
        throw new BadResponseError('prm has no partner for a deal registration', {
          system: 'prm',
          operation: 'getAccounts',
        });
      }
      return partner;
    },
    status: (registration) => dealRegistrationStatusOn(registration, businessDay()),
    protectedDiscount: (registration) => registration.protectedDiscountPercent,
  },
  DealRegistrationConnection: {
    edges: (page) => connectionOf(page).edges,
    pageInfo: (page) => connectionOf(page).pageInfo,
    totalCount: (page) => page.totalCount,
  },
};
