/**
 * `Idempotency-Key` for create calls, as Zuora and Stripe do it: the first call with a key runs and
 * its answer (success or business error alike) is kept; a retry with the same key and the same body
 * gets that answer again without creating anything; the same key with another body is refused.
 * Keys are scoped to the route, so one key may be used for a subscription and a payout.
 */

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export type IdempotentOutcome =
  { kind: 'fresh'; answer: StoredAnswer } | { kind: 'replayed'; answer: StoredAnswer } | { kind: 'conflict' };

/** JSON with object keys sorted at every depth, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class IdempotencyStore {
  private readonly answers = new Map<string, { fingerprint: string; answer: StoredAnswer }>();

  /** `maxKeys`: the oldest keys are forgotten beyond it, as a real store's expiry would. */
  constructor(private readonly maxKeys = 10_000) {}

  run(route: string, key: string, body: unknown, create: () => StoredAnswer): IdempotentOutcome {
    const slot = `${route} ${key}`;
    const fingerprint = canonicalJson(body);
    const stored = this.answers.get(slot);
    if (stored) {
      return stored.fingerprint === fingerprint
        ? { kind: 'replayed', answer: stored.answer }
        : { kind: 'conflict' };
    }
    const answer = create();
    this.answers.set(slot, { fingerprint, answer });
    if (this.answers.size > this.maxKeys) this.answers.delete(this.answers.keys().next().value as string);
    return { kind: 'fresh', answer };
  }
}
