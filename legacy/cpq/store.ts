import { createHash } from 'node:crypto';
import type { Dataset } from '../seed/dataset';

/**
 * The CPQ's records by sObject type, in insertion order, as the read endpoints serve them. Records
 * are never changed in place (the dataset's objects are shared): a write puts a new object under the
 * same id, which keeps its position.
 */
export type SObjectRecord = { Id: string } & Record<string, unknown>;

export const READABLE_TYPES = [
  'Product2',
  'Pricebook2',
  'PricebookEntry',
  'Account',
  'Opportunity',
  'SBQQ__Quote__c',
  'SBQQ__QuoteLine__c',
] as const;
export type SObjectType = (typeof READABLE_TYPES)[number];

/**
 * The types the API writes. Like Salesforce, the store stamps their `LastModifiedDate` on every
 * write, and a line write rewrites its quote (the reprice saves the quote's amounts), so a quote's
 * stamp moves whenever one of its lines changes, as Salesforce's roll-up summary fields make it do.
 * Stamps are strictly increasing, so two writes in one millisecond still differ.
 */
const VERSIONED_TYPES: ReadonlySet<string> = new Set(['SBQQ__Quote__c', 'SBQQ__QuoteLine__c']);

/** The record's entity tag, as Salesforce sends in `ETag` and honours in `If-Match`. */
export function etagOf(record: SObjectRecord): string {
  const digest = createHash('sha256').update(`${record.Id} ${String(record.LastModifiedDate)}`);
  return `"${digest.digest('base64url').slice(0, 22)}"`;
}

export function publicRecord(record: object): SObjectRecord {
  // Product2 carries its list prices for the generator; the API shows them as price book entries.
  const { prices: _prices, ...rest } = record as SObjectRecord & { prices?: unknown };
  return rest;
}

export class CpqStore {
  private readonly tables = new Map<string, Map<string, SObjectRecord>>();
  private readonly fieldNames = new Map<string, ReadonlySet<string>>();
  private readonly linesByQuote = new Map<string, Set<string>>();
  private readonly sequences = new Map<string, number>();
  /** Equality indexes, built on first use: type -> field -> value -> ids (kept up to date by writes). */
  private readonly indexes = new Map<string, Map<string, Map<string, Set<string>>>>();
  /** Each id's position in its table, for table order without a scan. */
  private readonly positions = new Map<string, number>();
  private nextPosition = 0;
  private lastModifiedMs = 0;

  constructor(dataset: Dataset) {
    const seededAt = new Date().toISOString();
    const versioned = (record: object): SObjectRecord => ({
      ...(record as SObjectRecord),
      LastModifiedDate: seededAt,
      Idempotency_Key__c: null,
    });
    const seeded: Record<SObjectType, object[]> = {
      Product2: dataset.products.map(publicRecord),
      Pricebook2: dataset.priceBooks,
      PricebookEntry: dataset.priceBookEntries,
      Account: dataset.customers,
      Opportunity: dataset.opportunities,
      SBQQ__Quote__c: dataset.quotes.map(versioned),
      SBQQ__QuoteLine__c: dataset.quoteLines.map(versioned),
    };
    for (const type of READABLE_TYPES) {
      const records = seeded[type] as SObjectRecord[];
      this.tables.set(type, new Map(records.map((record) => [record.Id, record])));
      for (const record of records) this.positions.set(record.Id, this.nextPosition++);
      this.fieldNames.set(type, new Set(records[0] ? Object.keys(records[0]) : []));
      this.sequences.set(type, records.length);
    }
    for (const line of dataset.quoteLines) this.indexLine(line.SBQQ__Quote__c, line.Id);
  }

  has(type: string): boolean {
    return this.tables.has(type);
  }

  get(type: string, id: string): SObjectRecord | undefined {
    return this.tables.get(type)?.get(id);
  }

  /** Every record of the type, in order; a fresh array, so callers may sort it. */
  all(type: string): SObjectRecord[] {
    return [...(this.tables.get(type)?.values() ?? [])];
  }

  /**
   * The records of the type whose field equals one of the values, in table order: what a database
   * index gives a real CPQ, instead of a scan of the whole table for every query.
   */
  matching(type: string, field: string, values: readonly string[]): SObjectRecord[] {
    const table = this.tables.get(type);
    if (!table) return [];
    const index = this.indexFor(type, field);
    const ids = [...new Set(values)].flatMap((value) => [...(index.get(value) ?? [])]);
    if (values.length > 1) ids.sort((a, b) => this.positions.get(a)! - this.positions.get(b)!);
    return ids.map((id) => table.get(id)!);
  }

  private indexFor(type: string, field: string): Map<string, Set<string>> {
    let byField = this.indexes.get(type);
    if (!byField) this.indexes.set(type, (byField = new Map()));
    let index = byField.get(field);
    if (!index) {
      index = new Map();
      for (const record of this.tables.get(type)!.values())
        addTo(index, String(record[field] ?? ''), record.Id);
      byField.set(field, index);
    }
    return index;
  }

  private reindex(type: string, before: SObjectRecord | undefined, after: SObjectRecord | undefined): void {
    for (const [field, index] of this.indexes.get(type) ?? []) {
      if (before) index.get(String(before[field] ?? ''))?.delete(before.Id);
      if (after) addTo(index, String(after[field] ?? ''), after.Id);
    }
  }

  /** The fields every record of the type has (what SOQL may select and filter on). */
  fields(type: string): ReadonlySet<string> {
    return this.fieldNames.get(type) ?? new Set();
  }

  lineIdsOf(quoteId: string): string[] {
    return [...(this.linesByQuote.get(quoteId) ?? [])];
  }

  /** The next sequence number for a new record of the type (seeded records count too). */
  nextSequence(type: string): number {
    const next = (this.sequences.get(type) ?? 0) + 1;
    this.sequences.set(type, next);
    return next;
  }

  put(type: SObjectType, given: SObjectRecord): void {
    const record = VERSIONED_TYPES.has(type) ? { ...given, LastModifiedDate: this.nextStamp() } : given;
    const before = this.tables.get(type)!.get(record.Id);
    if (!before) this.positions.set(record.Id, this.nextPosition++);
    this.reindex(type, before, record);
    this.tables.get(type)!.set(record.Id, record);
    if (type === 'SBQQ__QuoteLine__c') this.indexLine(String(record.SBQQ__Quote__c), record.Id);
  }

  remove(type: SObjectType, id: string): void {
    const record = this.tables.get(type)!.get(id);
    this.reindex(type, record, undefined);
    this.tables.get(type)!.delete(id);
    if (type === 'SBQQ__QuoteLine__c' && record)
      this.linesByQuote.get(String(record.SBQQ__Quote__c))?.delete(id);
    if (type === 'SBQQ__Quote__c') this.linesByQuote.delete(id);
  }

  private nextStamp(): string {
    this.lastModifiedMs = Math.max(Date.now(), this.lastModifiedMs + 1);
    return new Date(this.lastModifiedMs).toISOString();
  }

  private indexLine(quoteId: string, lineId: string): void {
    const lines = this.linesByQuote.get(quoteId);
    if (lines) lines.add(lineId);
    else this.linesByQuote.set(quoteId, new Set([lineId]));
  }
}

function addTo(index: Map<string, Set<string>>, value: string, id: string): void {
  const ids = index.get(value);
  if (ids) ids.add(id);
  else index.set(value, new Set([id]));
}
