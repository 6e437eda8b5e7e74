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
});
export type PrmAccount = z.infer<typeof prmAccountSchema>;

/** Impartner's envelope; records stay unknown here and are validated one by one by the mappers. */
export const prmListEnvelopeSchema = z.object({
  success: z.literal(true),
  data: z.object({ count: z.number().int().min(0), results: z.array(z.unknown()) }),
});
export const prmItemEnvelopeSchema = z.object({ success: z.literal(true), data: z.unknown() });
