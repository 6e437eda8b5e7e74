/**
 * Identifiers, dates and the seeded world's calendar, shared by the generators of every system.
 */

export const DAY_MS = 86_400_000;
/**
 * The seeded world's "today", as a day of its calendar: quotes are created on days 0..320 and close
 * within 20 days, so nothing is dated after it. Dates that depend on "now" (paid or not, pending or
 * posted) are decided against this day, never against the wall clock, so a seed and an as-of date
 * mean the same data any day.
 */
export const AS_OF_DAY = 340;
/** The as-of date of a dataset generated without one (the legacy stand-ins' own tests). */
export const DEFAULT_AS_OF = '2026-12-07';

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today (UTC) by the machine's clock: a stand-in's business day unless its options pin one. */
export function utcToday(): string {
  return isoDate(Date.now());
}

/**
 * The seeded world's calendar, anchored so that its day AS_OF_DAY is the as-of date: the same
 * seed gives the same world on any as-of date, moved in time as a whole.
 */
export interface SeedCalendar {
  /** The seeded world's "today" (ISO date). */
  asOf: string;
  /** Epoch ms of day 0. */
  epoch: number;
  /** The ISO date of a day of the calendar (negative: before day 0). */
  dayDate(day: number): string;
}

export function seedCalendar(asOf: string = DEFAULT_AS_OF): SeedCalendar {
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(asOfMs) || isoDate(asOfMs) !== asOf) {
    throw new RangeError(`asOf must be an ISO date (YYYY-MM-DD), got ${asOf}`);
  }
  const epoch = asOfMs - AS_OF_DAY * DAY_MS;
  return { asOf, epoch, dayDate: (day) => isoDate(epoch + day * DAY_MS) };
}

export function addDays(date: string, days: number): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

export function addMonths(date: string, months: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCMonth(at.getUTCMonth() + months);
  return isoDate(at.getTime());
}

/** An 18-character Salesforce-style id: a 3-character key prefix, then the sequence in base 36. */
export function salesforceId(keyPrefix: string, sequence: number): string {
  return `${keyPrefix}${sequence.toString(36).toUpperCase().padStart(12, '0')}AAA`;
}

export interface SfAttributes {
  type: string;
  url: string;
}

export function sfAttributes(type: string, id: string): SfAttributes {
  return { type, url: `/services/data/v60.0/sobjects/${type}/${id}` };
}

/** A 32-hex-digit Zuora-style id: an 8-digit object prefix, then the sequence. */
export function zuoraId(objectPrefix: string, sequence: number): string {
  return `${objectPrefix}${sequence.toString(16).padStart(24, '0')}`;
}

/** `PREFIX-000042`: the human-readable numbers the PRM, billing and incentive systems show. */
export function sequenceNumber(prefix: string, sequence: number, width: number): string {
  return `${prefix}${String(sequence).padStart(width, '0')}`;
}
