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
