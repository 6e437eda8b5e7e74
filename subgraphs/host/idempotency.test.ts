import { idempotencyKeyProblem, scopedIdempotencyKey } from './idempotency';

describe('idempotency keys', () => {
  it.each(['a', 'order-2026.12.02_17:05', 'k'.repeat(128)])('accepts %s', (key) => {
    expect(idempotencyKeyProblem(key)).toBeUndefined();
  });

  it.each([
    ['empty', '', '0 characters'],
    ['129 characters', 'k'.repeat(129), '129 characters'],
    ['a slash', 'a/b', 'a character outside that set'],
    ['a space', 'a b', 'a character outside that set'],
    ['a non-ASCII letter', 'clé', 'a character outside that set'],
  ])('refuses a key with %s, on the field idempotencyKey', (_case, key, given) => {
    expect(idempotencyKeyProblem(key)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'idempotencyKey',
      message: expect.stringContaining(`got ${given}`),
    });
  });

  it('is optional, and scoped to the partner when given', () => {
    expect(idempotencyKeyProblem(null)).toBeUndefined();
    expect(scopedIdempotencyKey('P-00001', null)).toBeUndefined();
    expect(scopedIdempotencyKey('P-00001', 'k-1')).toBe('P-00001:k-1');
  });
});
