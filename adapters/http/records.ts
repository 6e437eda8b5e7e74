import type { ZodType } from 'zod';
import { UpstreamError } from '../../runtime';

/**
 * The one way an adapter rejects a legacy record it cannot trust: UPSTREAM_BAD_RESPONSE, naming the
 * system and what kind of record, never echoing the record itself.
 */
export function malformedRecord(system: string, operation: string, what?: string): UpstreamError {
  return new UpstreamError(
    'UPSTREAM_BAD_RESPONSE',
    `${system} returned a malformed ${what ? `${what} ` : ''}record`,
    {
      system,
      operation,
      breaker: 'closed',
    },
  );
}

/** Validates one legacy record against its wire schema, or throws malformedRecord. */
export function parseLegacyRecord<T>(
  schema: ZodType<T>,
  record: unknown,
  where: { system: string; operation: string; what?: string },
): T {
  const parsed = schema.safeParse(record);
  if (!parsed.success) throw malformedRecord(where.system, where.operation, where.what);
  return parsed.data;
}
