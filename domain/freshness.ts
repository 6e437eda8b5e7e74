/** How old a piece of reference data is, as the graph's `freshness` fields tell clients. */
export interface Freshness {
  /** When the value was fetched from the legacy system. */
  asOf: string;
  /** True when the value was served because the system could not be asked. */
  stale: boolean;
  ageMs: number;
}
