import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { IDENTITY_MAX_AGE_MS } from './identity';

/**
 * What a partner has used of its budget this window, as the gateway counted it when it charged
 * the request (gateway/budgets.ts). The gateway forwards it to subgraphs beside the identity, in
 * a header signed with the same shared secret and bound to the partner, so `me { usage }` shows
 * the gateway's own count and a client cannot forge another partner's (or a rosier) figure.
 *
 * Header value: `<base64url(JSON payload)>.<base64url(HMAC of the first part)>`.
 */
export const USAGE_HEADER = 'x-partner-graph-usage';

export const partnerUsageSchema = z.object({
  partnerId: z.string().min(1),
  /** Requests in the current sustained window (one minute). */
  requests: z.number().int().min(0),
  /** Query cost charged in the current cost window (one minute). */
  cost: z.number().int().min(0),
  /** Query cost left in that window. */
  remaining: z.number().int().min(0),
  /** Epoch ms at which the cost window starts again. */
  resetsAt: z.number().int(),
});
export type PartnerUsage = z.infer<typeof partnerUsageSchema>;

const signedUsageSchema = partnerUsageSchema.extend({ iat: z.number().int() });

function hmac(secret: string, data: string): Buffer {
  // A different context string than the identity's, so one header can never pass for the other.
  return createHmac('sha256', secret).update(`usage.${data}`).digest();
}

export function signUsage(usage: PartnerUsage, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...usage, iat: now })).toString('base64url');
  return `${payload}.${hmac(secret, payload).toString('base64url')}`;
}

/** The usage a header carries, if it is well signed, fresh and about `partnerId`; else undefined. */
export function verifyUsage(
  header: string | undefined,
  secret: string,
  partnerId: string,
  now = Date.now(),
): PartnerUsage | undefined {
  if (!header) return undefined;
  const [payload, signature, extra] = header.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = hmac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let parsed;
  try {
    parsed = signedUsageSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return undefined;
  }
  if (!parsed.success || parsed.data.partnerId !== partnerId) return undefined;
  if (Math.abs(now - parsed.data.iat) > IDENTITY_MAX_AGE_MS) return undefined;
  const { iat: _iat, ...usage } = parsed.data;
  return usage;
}
