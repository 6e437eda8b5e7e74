import type { ShedReason } from '../../runtime';

/**
 * A fair share of a legacy system's API allowance. Salesforce orgs have a request limit per 24
 * hours that every integration shares; the CPQ reports what is left on every answer
 * (`Sforce-Limit-Info: api-usage=N/M`), the PRM says "not now" with 429 and Retry-After. When the
 * allowance runs low, the graph must not let one busy partner, or a report, spend what the others
 * need to finish a quote. So, before each call:
 *
 * - By priority: below `shedBelow.bulk` of the limit left, bulk reads and reports are shed; below
 *   `shedBelow.standard`, standard reads too; below `shedBelow.interactive`, everything (quote
 *   work last). After a 429, bulk calls are shed until its Retry-After has passed or the system
 *   answers a call again (a PRM that sheds load by concurrency takes calls again soon).
 * - By partner: once shedding has begun (below `shedBelow.bulk`), each partner may make at most
 *   `partnerShare` of the calls that were left when it began, whatever their priority.
 *
 * A shed call fails at once with UPSTREAM_RATE_LIMITED and `upstream.shed` saying why; it never
 * reaches the system and never counts against a breaker. What is left is as this process last
 * heard from the system (every replica hears the same org-wide figure); a reading older than
 * `readingTtlMs` is forgotten, so that a rolled-over window is found by the next call.
 */
export const CALL_PRIORITIES = ['interactive', 'standard', 'bulk'] as const;
export type CallPriority = (typeof CALL_PRIORITIES)[number];

export interface AllowancePolicy {
  /** Fraction (0..1) of the limit left below which calls of each priority are shed. */
  shedBelow: Record<CallPriority, number>;
  /** Once shedding, the most (0..1] of the calls then left that one partner may make. */
  partnerShare: number;
  readingTtlMs: number;
}

export const DEFAULT_ALLOWANCE_POLICY: AllowancePolicy = {
  shedBelow: { bulk: 0.2, standard: 0.1, interactive: 0.02 },
  partnerShare: 0.25,
  readingTtlMs: 60_000,
};

export type { ShedReason };

export interface Shedding {
  reason: ShedReason;
  message: string;
  retryAfterMs?: number;
}

export interface AllowanceSnapshot {
  system: string;
  /** Null until the system has reported its allowance (or after the reading expired). */
  max: number | null;
  remaining: number | null;
  /** The priorities being shed right now. */
  shedding: CallPriority[];
}

/** Reads what a system says about its allowance from an answer's headers. */
export interface AllowanceReading {
  max: number;
  remaining: number;
}

export type ReadAllowance = (headers: Record<string, unknown>) => AllowanceReading | undefined;

/** Salesforce's `Sforce-Limit-Info: api-usage=18/15000`. */
export const readSforceLimitInfo: ReadAllowance = (headers) => {
  const value = headers['sforce-limit-info'];
  const match = typeof value === 'string' ? /api-usage=(\d+)\/(\d+)/.exec(value) : null;
  if (!match) return undefined;
  const used = Number(match[1]);
  const max = Number(match[2]);
  return max > 0 ? { max, remaining: Math.max(0, max - used) } : undefined;
};

export interface Allowance {
  /** Takes in what an answer's headers say of the allowance; returns that reading, if they had one. */
  observe(headers: Record<string, unknown>): AllowanceReading | undefined;
  /** The system answered 429: it wants no more than needed for retryAfterMs. */
  throttled(retryAfterMs: number | undefined): void;
  /** The system answered a call: whatever its 429 asked for is over. */
  answered(): void;
  /** Undefined when the call may go; else why it is shed. Counts the call against the partner's share. */
  admit(priority: CallPriority, partnerId: string | undefined): Shedding | undefined;
  snapshot(): AllowanceSnapshot;
}

function validFraction(name: string, value: number, { zero }: { zero: boolean }): number {
  if (!(Number.isFinite(value) && value <= 1 && (zero ? value >= 0 : value > 0))) {
    throw new TypeError(`${name} must be a fraction in ${zero ? '[0' : '(0'}, 1], got ${String(value)}`);
  }
  return value;
}

/** After a 429 without Retry-After, how long the system is taken to want less. */
const DEFAULT_THROTTLE_MS = 1000;

export function createAllowance(
  system: string,
  read: ReadAllowance | undefined,
  policy: AllowancePolicy = DEFAULT_ALLOWANCE_POLICY,
): Allowance {
  for (const priority of CALL_PRIORITIES) {
    validFraction(`shedBelow.${priority}`, policy.shedBelow[priority], { zero: true });
  }
  validFraction('partnerShare', policy.partnerShare, { zero: false });
  let reading: { max: number; remaining: number; at: number } | undefined;
  let throttledUntil = 0;
  /** Since shedding began: what was left then, and each partner's calls since. */
  let lowWindow: { startedWith: number; calls: Map<string, number> } | undefined;

  const current = () => {
    if (reading && Date.now() - reading.at > policy.readingTtlMs) reading = undefined;
    return reading;
  };
  const isShed = (priority: CallPriority) => {
    const known = current();
    return known !== undefined && known.remaining < known.max * policy.shedBelow[priority];
  };

  return {
    observe(headers) {
      const seen = read?.(headers);
      if (!seen) return undefined;
      reading = { ...seen, at: Date.now() };
      if (seen.remaining >= seen.max * policy.shedBelow.bulk) lowWindow = undefined;
      else lowWindow ??= { startedWith: seen.remaining, calls: new Map() };
      return seen;
    },
    throttled(retryAfterMs) {
      throttledUntil = Math.max(throttledUntil, Date.now() + (retryAfterMs ?? DEFAULT_THROTTLE_MS));
    },
    answered() {
      throttledUntil = 0;
    },
    admit(priority, partnerId) {
      const now = Date.now();
      if (priority === 'bulk' && now < throttledUntil) {
        return {
          reason: 'throttled',
          message: `${system} asked for fewer requests (429): bulk calls are shed for now`,
          retryAfterMs: throttledUntil - now,
        };
      }
      if (isShed(priority)) {
        return {
          reason: 'allowance-low',
          message: `${system} API allowance is nearly spent (${reading!.remaining} of ${reading!.max} left): ${priority} calls are shed`,
        };
      }
      if (!lowWindow || partnerId === undefined || !current()) return undefined;
      const share = Math.floor(lowWindow.startedWith * policy.partnerShare);
      const used = lowWindow.calls.get(partnerId) ?? 0;
      if (used >= share) {
        return {
          reason: 'partner-share',
          message: `${system} API allowance is low and this partner has used its share (${share} calls) of what was left`,
        };
      }
      lowWindow.calls.set(partnerId, used + 1);
      return undefined;
    },
    snapshot() {
      const known = current();
      const now = Date.now();
      return {
        system,
        max: known?.max ?? null,
        remaining: known?.remaining ?? null,
        shedding: CALL_PRIORITIES.filter(
          (priority) => isShed(priority) || (priority === 'bulk' && now < throttledUntil),
        ),
      };
    },
  };
}
