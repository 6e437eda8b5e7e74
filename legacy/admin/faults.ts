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
    /** `truncate` cuts the body in half; `wrong-types` turns every string field into a number. */
    malformed: z.enum(['truncate', 'wrong-types']).optional(),
    /** Every call gets 429 with this Retry-After (seconds). */
    rateLimitRetryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  })
  .strict();

export type Fault = z.infer<typeof faultSchema>;
export const faultListSchema = z.union([faultSchema, z.array(faultSchema).max(50)]);

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
