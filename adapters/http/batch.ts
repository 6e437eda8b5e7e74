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
