/**
 * Splits a batch's keys into calls of at most `size`, for endpoints that cap how many ids one call
 * may name (a SOQL IN list, a URL's length). Not DataLoader's maxBatchSize: a batch that misses the
 * cache, or a pricing call, chunks what is left of it, after the loader has batched.
 */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/**
 * For DataLoader batch functions over endpoints that take one key: one load per key, all at once
 * (the client's bulkhead bounds them), and a failing key fails only its own entry.
 */
export async function settlePerKey<K, V>(
  keys: readonly K[],
  load: (key: K) => Promise<V>,
): Promise<Array<V | Error>> {
  return (await Promise.allSettled(keys.map(load))).map((result) =>
    result.status === 'fulfilled' ? result.value : (result.reason as Error),
  );
}

/**
 * Maps a batch answer's records into `found`, by their key: a malformed record becomes the Error of
 * its own key only; a record without a key cannot be matched to any, so the whole answer is suspect
 * and mapping it throws (mappers reject it as UPSTREAM_BAD_RESPONSE).
 */
export function mapByKey<T>(
  records: readonly unknown[],
  keyOf: (record: unknown) => unknown,
  map: (record: unknown) => T,
  found: Map<string, T | Error>,
): void {
  for (const record of records) {
    const key = keyOf(record);
    if (typeof key !== 'string') map(record);
    try {
      found.set(String(key), map(record));
    } catch (error) {
      found.set(String(key), error as Error);
    }
  }
}
