/**
 * The business day (UTC) every system dates by: the legacy stand-ins (pricing, new quotes, deal
 * registrations, payouts) and the subgraphs (what has expired, which incentive program applies).
 * One clock for all of them, or a quote priced on one day would be estimated on another.
 *
 * The clock is the system's by default. The composition root may pin it once at start-up
 * (LEGACY_AS_OF, for a seeded world that means the same any day); everything reads it through
 * businessDay(), so the pinned day reaches resolvers without threading it through every context.
 */
export interface BusinessClock {
  /** Today as an ISO date (YYYY-MM-DD). */
  today(): string;
}

export const systemClock: BusinessClock = { today: () => new Date().toISOString().slice(0, 10) };

export function pinnedClock(day: string): BusinessClock {
  return { today: () => day };
}

let current: BusinessClock = systemClock;

/** Called by the composition root (scripts/stack.ts) before anything is started. */
export function useBusinessClock(clock: BusinessClock): void {
  current = clock;
}

export function businessDay(): string {
  return current.today();
}
