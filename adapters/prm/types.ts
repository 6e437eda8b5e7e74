import { z } from 'zod';

/** The PRM's partner account as its REST API sends it (Impartner-style field names). */
export const prmAccountSchema = z.object({
  id: z.string().regex(/^P-\d{5,}$/),
  name: z.string().min(1),
  partnerLevel: z.object({ name: z.enum(['Registered', 'Silver', 'Gold', 'Platinum']) }),
  region: z.string().min(1),
  accountStatus: z.enum(['Active', 'Suspended', 'Terminated']),
  billingCountry: z.string().length(2),
  currencyCode: z.string().regex(/^[A-Z]{3}$/),
  annualQuota: z.string().regex(/^\d+(\.\d+)?$/),
});
export type PrmAccount = z.infer<typeof prmAccountSchema>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const productFamily = z.enum(['Network', 'Security', 'Cloud', 'Support']);

export const prmContactSchema = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  firstName: z.string(),
  lastName: z.string().min(1),
  email: z.string().min(3),
  title: z.string(),
  role: z.enum(['Primary', 'Sales', 'Technical', 'Finance']),
  isPrimary: z.boolean(),
  status: z.enum(['Active', 'Inactive']),
});
export type PrmContact = z.infer<typeof prmContactSchema>;

export const prmCertificationSchema = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  contactId: z.string().min(1),
  productFamily,
  level: z.enum(['Associate', 'Professional', 'Expert']),
  status: z.enum(['Active', 'Expired']),
  certifiedOn: isoDay,
  expiresOn: isoDay,
});
export type PrmCertification = z.infer<typeof prmCertificationSchema>;

export const prmDealRegistrationSchema = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  customerName: z.string().min(1),
  customerAccountId: z.string().min(1).nullable(),
  productFamily,
  estimatedAmount: z.string().regex(/^\d+(\.\d+)?$/),
  currencyCode: z.string().regex(/^[A-Z]{3}$/),
  status: z.enum(['Submitted', 'Approved', 'Rejected', 'Expired']),
  submittedOn: isoDay,
  expiresOn: isoDay,
  protectedDiscountPercent: z.string().regex(/^\d{1,3}(\.\d+)?$/),
});
export type PrmDealRegistration = z.infer<typeof prmDealRegistrationSchema>;

/** Impartner's envelope; records stay unknown here and are validated one by one by the mappers. */
export const prmListEnvelopeSchema = z.object({
  success: z.literal(true),
  data: z.object({ count: z.number().int().min(0), results: z.array(z.unknown()) }),
});
export const prmItemEnvelopeSchema = z.object({ success: z.literal(true), data: z.unknown() });
