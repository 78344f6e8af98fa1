import DataLoader from 'dataloader';

/**
 * Gathers the keys asked for during one turn of the event loop and looks them up together
 * (DataLoader, without its cache: every subscription reads the state of now).
 *
 * Why: after a restart 8,000 phone pages subscribe within seconds; one database query and one
 * Redis round trip each cost more time and garbage than the rest of the storm (issue 10). The
 * subscriptions read from the sockets in one turn now share one query.
 */
export function batched<K, V>(
  load: (keys: K[]) => Promise<Map<K, V>>,
  /** At most this many keys in one look-up; more are split (the query's `IN` list stays small). */
  maxKeys = 500,
): (key: K) => Promise<V | undefined> {
  const loader = new DataLoader<K, V | undefined>(
    async (keys) => {
      const found = await load([...keys]);
      return keys.map((k) => found.get(k));
    },
    { cache: false, maxBatchSize: maxKeys, batchScheduleFn: (run) => setImmediate(run) },
  );
  return (key) => loader.load(key);
}
