import DataLoader from 'dataloader';

/**
 * Per-request DataLoader helpers. Each turns one batched store call (`WHERE … = ANY($1)`) into
 * results in key order, which is DataLoader's contract and what keeps resolvers free of N+1.
 */

/** One row per id; null for ids that do not exist. */
export function loaderById<Row extends { id: string }>(
  fetch: (ids: readonly string[]) => Promise<Row[]>,
): DataLoader<string, Row | null> {
  return new DataLoader(async (ids) => {
    const byId = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** All rows sharing a key (e.g. grids by community id); an empty list for keys with none. */
export function loaderOfGroups<Row>(
  fetch: (keys: readonly string[]) => Promise<Row[]>,
  keyOf: (row: Row) => string,
): DataLoader<string, Row[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** A number per key (counts, sums); 0 for keys the store returned nothing for. */
export function loaderOfNumbers(
  fetch: (keys: readonly string[]) => Promise<{ key: string; value: number }[]>,
): DataLoader<string, number> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key) ?? 0);
  });
}
