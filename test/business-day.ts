import { DEFAULT_AS_OF } from '../legacy/seed/common';

/**
 * The test stacks' seeded world is dated around its "today" (LEGACY_AS_OF=2026-12-07, see
 * startTestStack): certifications and deal registrations expire relative to it, and every system
 * dates by the business clock pinned to it. Tests that also compare against `Date` themselves pin
 * `Date` to that day (timers run as usual and the clock keeps moving), so they mean the same
 * whatever day they run.
 */
export const SEEDED_TODAY = DEFAULT_AS_OF;

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
