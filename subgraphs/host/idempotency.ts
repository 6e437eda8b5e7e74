import { userError, type UserError } from './user-errors';

/**
 * Idempotency keys of write mutations. A client picks one per write it means and sends it again on
 * a retry; the legacy system, not our memory, recognises the repeat, so it holds across gateway and
 * subgraph replicas. Keys are scoped to the partner before they reach a legacy system, so two
 * partners choosing the same key never meet.
 */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

export function idempotencyKeyProblem(key: string | null | undefined): UserError | undefined {
  if (key === undefined || key === null || IDEMPOTENCY_KEY.test(key)) return undefined;
  const given =
    key.length < 1 || key.length > 128 ? `${key.length} characters` : 'a character outside that set';
  return userError(
    'BAD_USER_INPUT',
    `The idempotency key must be 1 to 128 characters of A-Z, a-z, 0-9, ".", "_", ":" or "-"; got ${given}`,
    'idempotencyKey',
  );
}

/** The key as the legacy systems store it, or undefined without one. */
export function scopedIdempotencyKey(partnerId: string, key: string | null | undefined): string | undefined {
  return key === undefined || key === null ? undefined : `${partnerId}:${key}`;
}

/** A key that made a different record already: the client reused it for another write. */
export function reusedKeyUserError(record: string): UserError {
  return userError(
    'CONFLICT',
    `This idempotency key made another ${record} already; use a new key for a new ${record}`,
    'idempotencyKey',
  );
}
