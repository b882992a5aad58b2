import DataLoader from 'dataloader';
import type { PageRequest } from './pagination.js';

/**
 * Per-request DataLoader helpers. Each turns one batched store call (`WHERE … = ANY($1)`) into
 * results in key order, which is DataLoader's contract and what keeps resolvers free of N+1.
 */

/** One row per id; null for ids that do not exist. */
export function loaderById<Row extends { id: string }>(fetch: (ids: readonly string[]) => Promise<Row[]>): DataLoader<string, Row | null> {
  return loaderOfOne(fetch, (row) => row.id);
}

/** At most one row per key of a unique column (the branch leading a grid); null for keys with none. */
export function loaderOfOne<Row>(fetch: (keys: readonly string[]) => Promise<Row[]>, keyOf: (row: Row) => string): DataLoader<string, Row | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** All rows sharing a key (e.g. grids by community id); an empty list for keys with none. */
export function loaderOfGroups<Row>(fetch: (keys: readonly string[]) => Promise<Row[]>, keyOf: (row: Row) => string): DataLoader<string, Row[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** A number per key (counts, sums); 0 for keys the store returned nothing for. */
export function loaderOfNumbers(fetch: (keys: readonly string[]) => Promise<{ key: string; value: number }[]>): DataLoader<string, number> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key) ?? 0);
  });
}

/**
 * One page of a nested connection per parent key. Parents asking for the same page (same `first`
 * and `after`) share one batched store call; different pages are fetched separately.
 */
export function loaderOfPages<Page>(
  fetch: (keys: readonly string[], request: PageRequest) => Promise<Map<string, Page>>,
  empty: Page,
): DataLoader<{ key: string; request: PageRequest }, Page, string> {
  return new DataLoader(
    async (asks) => {
      const byRequest = new Map<string, { request: PageRequest; keys: string[] }>();
      for (const { key, request } of asks) {
        const requestKey = JSON.stringify(request);
        const group = byRequest.get(requestKey) ?? { request, keys: [] };
        group.keys.push(key);
        byRequest.set(requestKey, group);
      }
      const pages = new Map<string, Page>();
      for (const [requestKey, group] of byRequest) {
        for (const [key, page] of await fetch(group.keys, group.request)) pages.set(`${requestKey}|${key}`, page);
      }
      return asks.map(({ key, request }) => pages.get(`${JSON.stringify(request)}|${key}`) ?? empty);
    },
    { cacheKeyFn: ({ key, request }) => `${JSON.stringify(request)}|${key}` },
  );
}

/**
 * Two fields of one parent that a request often asks for together — a list per key and a number
 * per key drawn from the same rows (a community's grids and its micro-grid count, its demands and
 * its open-demand count) — answered by one batched call: `fetch` learns whether any parent of the
 * batch asked for the lists (`want.groups`) and for the numbers (`want.numbers`), so it sends one
 * statement for both when both were asked and only the cheaper one otherwise. Keys without rows
 * get an empty list and 0.
 */
export function loadersOfGroupsAndNumbers<Row>(
  fetch: (keys: readonly string[], want: { groups: boolean; numbers: boolean }) => Promise<{ groups: Row[]; numbers: Map<string, number> }>,
  keyOf: (row: Row) => string,
): { groups: { load(key: string): Promise<Row[]> }; numbers: { load(key: string): Promise<number> } } {
  const loader = new DataLoader<{ key: string; number: boolean }, { rows: Row[]; number: number }, string>(
    async (asks) => {
      const keys = [...new Set(asks.map((ask) => ask.key))];
      const { groups, numbers } = await fetch(keys, { groups: asks.some((ask) => !ask.number), numbers: asks.some((ask) => ask.number) });
      const rowsByKey = new Map<string, Row[]>(keys.map((key) => [key, []]));
      for (const row of groups) rowsByKey.get(keyOf(row))?.push(row);
      return asks.map(({ key }) => ({ rows: rowsByKey.get(key) ?? [], number: numbers.get(key) ?? 0 }));
    },
    { cacheKeyFn: ({ key, number }) => `${number ? 'number' : 'groups'}|${key}` },
  );
  return {
    groups: { load: async (key) => (await loader.load({ key, number: false })).rows },
    numbers: { load: async (key) => (await loader.load({ key, number: true })).number },
  };
}
