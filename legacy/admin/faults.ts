import { z } from 'zod';

/**
 * Fault injection, the contract of `POST /__faults`. A fault applies to one route (as registered,
 * e.g. "GET /api/objects/v1/Account/:id") or, without `route`, to every route of the system.
 * Several faults may be active; each matching fault applies in the order posted.
 */
export const faultSchema = z
  .object({
    route: z.string().min(1).optional(),
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    jitterMs: z.number().int().min(0).max(60_000).default(0),
    /** Share of calls that fail with `errorStatus`, 0..1. */
    errorRate: z.number().min(0).max(1).default(0),
    errorStatus: z.number().int().min(400).max(599).default(503),
    /** The connection is reset without a response, as a crashed or unreachable system does. */
    down: z.boolean().default(false),
    /**
     * `truncate` cuts the body in half; `wrong-types` turns every string field into a number (in
     * XML, every text value into its length).
     */
    malformed: z.enum(['truncate', 'wrong-types']).optional(),
    /** Every call gets 429 with this Retry-After (seconds). */
    rateLimitRetryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    /**
     * An event rather than a standing fault: every access token issued so far expires at once, so
     * the next call gets 401 and the client must fetch a new token. System-wide whatever `route`
     * says; refused by systems without tokens. Not kept in the fault list.
     */
    expireTokens: z.literal(true).optional(),
  })
  .strict();

export type Fault = z.infer<typeof faultSchema>;
export const faultListSchema = z.union([faultSchema, z.array(faultSchema).max(50)]);

/** Whether a fault changes how calls are answered (an `expireTokens` event alone does not). */
export function isStandingFault(fault: Fault): boolean {
  return (
    !fault.expireTokens ||
    fault.latencyMs > 0 ||
    fault.jitterMs > 0 ||
    fault.errorRate > 0 ||
    fault.down ||
    fault.malformed !== undefined ||
    fault.rateLimitRetryAfterSeconds !== undefined
  );
}

export function faultMatches(fault: Fault, routeKey: string): boolean {
  return fault.route === undefined || fault.route === routeKey;
}

/** Wrong types, deterministically: strings become numbers, so a validating client must reject them. */
export function corruptTypes(value: unknown): unknown {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.map(corruptTypes);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, corruptTypes(field)]));
  }
  return value;
}

/**
 * Wrong types in an XML body, where every value is text: each element's text becomes its length,
 * the XML counterpart of `corruptTypes` (dates, codes and names turn into numbers). Whitespace
 * between elements and attributes are left alone, so the document still parses.
 */
export function corruptXmlTypes(xml: string): string {
  return xml.replace(/>([^<]*[^<\s][^<]*)</g, (_match, text: string) => `>${text.length}<`);
}
