/**
 * Identifiers, dates and the seeded world's calendar, shared by the generators of every system.
 */

export const DATA_EPOCH = Date.UTC(2026, 0, 1);
export const DAY_MS = 86_400_000;
/**
 * The seeded world's "today": quotes are created on days 0..320 of 2026 and close within 20 days,
 * so nothing is dated after it. Dates that depend on "now" (paid or not, pending or posted) are
 * decided against this day, never against the wall clock, so a seed means the same data any day.
 */
export const AS_OF_DAY = 340;

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dayDate(day: number): string {
  return isoDate(DATA_EPOCH + day * DAY_MS);
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
