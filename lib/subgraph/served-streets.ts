/**
 * The streets a resource or co-building unit serves (docs/streets.md): the checks every subgraph
 * that keeps served streets applies to a write of them, whichever database holds the row.
 */
import type { Caller } from '../auth/caller.js';
import type { MutationGuard } from '../auth/policy.js';
import { badUserInput } from '../kernel/errors.js';

/** A city has 100–300 streets (docs/performance.md): a row serving every one of them still fits. */
export const MAX_SERVED_STREETS = 300;

/**
 * The first check of a served-streets write, before the row is read: whether the caller's role sets
 * served streets at all (from the subgraph's policy table). UNAUTHENTICATED or FORBIDDEN otherwise.
 */
export function authorizeServedStreetsRole<Mutation extends string>(guard: MutationGuard<Mutation>, caller: Caller, mutation: Mutation): void {
  // The caller's own street stands for "somewhere": an admin bound to none is in scope anywhere.
  if (!guard.isAllowed(caller, mutation, { streetIds: [caller.streetId] })) guard.authorize(caller, mutation, { streetIds: [] });
}

/**
 * The check on the row read: BAD_USER_INPUT on `field` for a row that does not exist, FORBIDDEN
 * unless the caller may act in the row's home street (the home street decides where its rows serve).
 */
export function authorizeServedStreetsWrite<Mutation extends string>(
  guard: MutationGuard<Mutation>,
  caller: Caller,
  mutation: Mutation,
  row: { field: string; what: string; id: string; homeStreetId: string | null },
): string {
  if (row.homeStreetId === null) throw badUserInput(row.field, `no ${row.what} ${row.id}`);
  guard.authorize(caller, mutation, { streetIds: [row.homeStreetId] });
  return row.homeStreetId;
}

/**
 * The served streets asked for, in the stored form (each once, ordered by id), checked for shape:
 * non-empty ids, at most MAX_SERVED_STREETS, the home street among them (a row always serves where
 * it belongs). Whether the other streets exist is refuseUnknownStreets' question.
 */
export function servedStreetsAsked(streetIds: readonly string[], homeStreetId: string, field: string): string[] {
  const ids = [...new Set(streetIds.map((id) => id.trim()))].sort();
  if (ids.length === 0 || ids.some((id) => id.length === 0)) throw badUserInput(field, 'name at least one street, by non-empty ids');
  if (ids.length > MAX_SERVED_STREETS) throw badUserInput(field, `at most ${MAX_SERVED_STREETS} streets`);
  if (!ids.includes(homeStreetId)) throw badUserInput(field, `must include the home street ${homeStreetId}`);
  return ids;
}

/** BAD_USER_INPUT naming every street asked for, other than the home street, that is not in `known`. */
export function refuseUnknownStreets(ids: readonly string[], homeStreetId: string, known: ReadonlySet<string>, field: string): void {
  const unknown = ids.filter((id) => id !== homeStreetId && !known.has(id));
  if (unknown.length > 0) throw badUserInput(field, `unknown streets: ${unknown.join(', ')}`, { unknown });
}
