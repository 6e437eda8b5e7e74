import { AS_OF_DAY, dayDate } from '../legacy/seed/common';

/**
 * The seeded world is dated around its "today" (2026-12-07): certifications and deal registrations
 * expire relative to it, and the stand-ins and subgraphs date by the clock. Tests that depend on
 * what has expired pin the clock's date to that day (only `Date`; timers run as usual and the clock
 * keeps moving), so they mean the same whatever day they run.
 */
export const SEEDED_TODAY = dayDate(AS_OF_DAY);

export function pinBusinessDay(): void {
  jest.useFakeTimers({
    now: new Date(`${SEEDED_TODAY}T12:00:00.000Z`),
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}
