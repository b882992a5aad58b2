import { badUserInput } from '../kernel/errors.js';
import type { Queryable, SqlValue } from '../kernel/database.js';

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../kernel/api-contract.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Validated paging arguments: fetch `limit` rows whose sort key is greater than `afterKey`. */
export interface PageRequest {
  limit: number;
  afterKey: string | null;
}

export interface Connection<Node> {
  totalCount: number;
  nodes: Node[];
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const CURSOR_PREFIX = 'k:';

export function encodeCursor(key: string): string {
  return Buffer.from(CURSOR_PREFIX + key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX) || encodeCursor(decoded.slice(CURSOR_PREFIX.length)) !== cursor) {
    throw badUserInput(field, 'is not a cursor returned by this API (use pageInfo.endCursor)');
  }
  return decoded.slice(CURSOR_PREFIX.length);
}

export function readPageArgs(args: PageArgs): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return { limit: first, afterKey: args.after == null ? null : decodeCursor(args.after) };
}

/** Builds a Relay connection from rows fetched with one extra row as a look-ahead. */
export function toConnection<Node extends { id: string }>(page: { rows: Node[]; totalCount: number }, request: PageRequest): Connection<Node> {
  const nodes = page.rows.slice(0, request.limit);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    totalCount: page.totalCount,
    nodes,
    edges,
    pageInfo: {
      hasNextPage: page.rows.length > request.limit,
      hasPreviousPage: request.afterKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Accumulates AND-ed SQL conditions with numbered parameters. */
export class Conditions {
  readonly params: SqlValue[] = [];
  private readonly parts: string[] = [];

  /** `fragment` receives the placeholder (`$3`) of `value`. Skipped when value is null/undefined. */
  add(value: SqlValue | undefined, fragment: (placeholder: string) => string): this {
    if (value === undefined || value === null) return this;
    this.params.push(value);
    this.parts.push(fragment(`$${this.params.length}`));
    return this;
  }

  get sql(): string {
    return this.parts.length === 0 ? 'TRUE' : this.parts.join(' AND ');
  }
}

/**
 * One keyset page of `relation` ordered by `id`, with the total count of the filtered set computed
 * by a window function in the same statement; a second statement is needed only when the page is
 * empty. `relation` and the column list are code constants, never user input.
 */
export async function selectPage<Row extends { id: string }>(
  db: Queryable,
  relation: string,
  columns: string,
  where: Conditions,
  request: PageRequest,
): Promise<{ rows: Row[]; totalCount: number }> {
  const params = [...where.params, request.afterKey, request.limit + 1];
  const afterParam = `$${params.length - 1}`;
  const limitParam = `$${params.length}`;
  const rows = await db.query<Row & { total_count: number }>(
    `SELECT * FROM (SELECT ${columns}, count(*) OVER () AS total_count FROM ${relation} WHERE ${where.sql}) filtered
     WHERE ${afterParam}::text IS NULL OR id COLLATE "C" > ${afterParam}::text COLLATE "C"
     ORDER BY id COLLATE "C" LIMIT ${limitParam}`,
    params,
  );
  if (rows.length > 0) {
    const totalCount = rows[0]!.total_count;
    return { rows: rows.map(({ total_count: _omitted, ...row }) => row as unknown as Row), totalCount };
  }
  const [count] = await db.query<{ total: number }>(`SELECT count(*) AS total FROM ${relation} WHERE ${where.sql}`, where.params);
  return { rows: [], totalCount: count?.total ?? 0 };
}

/**
 * Keyset pages of a nested connection (an organisation's members, a unit's reports, a grid's
 * incidents of one status) for many parents at once: one statement for all parents that asked for the
 * same page, instead of one per parent. `keyColumn` is a code constant; `where` narrows the rows
 * (a status, the caller's read scope). Parents without rows get an empty page; their total is counted
 * in a second statement only when a cursor hid every row.
 */
export async function selectPagesByKey<Row extends { id: string }>(
  db: Queryable,
  relation: string,
  columns: string,
  keyColumn: string,
  keys: readonly string[],
  request: PageRequest,
  where: Conditions = new Conditions(),
): Promise<Map<string, { rows: Row[]; totalCount: number }>> {
  const params = [...where.params, keys, request.afterKey, request.limit + 1];
  const [keysParam, afterParam, limitParam] = [params.length - 2, params.length - 1, params.length].map((index) => `$${index}`);
  const rows = await db.query<Row & { page_key: string; total_count: number; page_row: number }>(
    `SELECT * FROM (
       SELECT *, row_number() OVER (PARTITION BY page_key ORDER BY id COLLATE "C") AS page_row FROM (
         SELECT ${columns}, ${keyColumn} AS page_key, count(*) OVER (PARTITION BY ${keyColumn}) AS total_count
           FROM ${relation} WHERE ${keyColumn} = ANY(${keysParam}) AND ${where.sql}) counted
        WHERE ${afterParam}::text IS NULL OR id COLLATE "C" > ${afterParam}::text COLLATE "C") numbered
      WHERE page_row <= ${limitParam} ORDER BY page_key, id COLLATE "C"`,
    params,
  );
  const pages = new Map<string, { rows: Row[]; totalCount: number }>(keys.map((key) => [key, { rows: [], totalCount: 0 }]));
  for (const { page_key, total_count, page_row: _row, ...row } of rows) {
    const page = pages.get(page_key)!;
    page.totalCount = total_count;
    page.rows.push(row as unknown as Row);
  }
  const hidden = request.afterKey === null ? [] : keys.filter((key) => pages.get(key)!.rows.length === 0);
  if (hidden.length > 0) {
    const counts = await db.query<{ page_key: string; total: number }>(
      `SELECT ${keyColumn} AS page_key, count(*) AS total FROM ${relation}
        WHERE ${keyColumn} = ANY($${where.params.length + 1}) AND ${where.sql} GROUP BY ${keyColumn}`,
      [...where.params, hidden],
    );
    for (const { page_key, total } of counts) pages.get(page_key)!.totalCount = total;
  }
  return pages;
}
