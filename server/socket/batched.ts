/**
 * Gathers the keys asked for during one turn of the event loop and looks them up together.
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
  let pending = new Map<K, { resolve: (v: V | undefined) => void; reject: (err: unknown) => void }[]>();

  function flush() {
    const batch = pending;
    pending = new Map();
    const keys = [...batch.keys()];
    for (let i = 0; i < keys.length; i += maxKeys) {
      const part = keys.slice(i, i + maxKeys);
      load(part).then(
        (found) => {
          for (const k of part) for (const w of batch.get(k)!) w.resolve(found.get(k));
        },
        (err: unknown) => {
          for (const k of part) for (const w of batch.get(k)!) w.reject(err);
        },
      );
    }
  }

  return (key) =>
    new Promise((resolve, reject) => {
      if (pending.size === 0) setImmediate(flush);
      const waiting = pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else pending.set(key, [{ resolve, reject }]);
    });
}
