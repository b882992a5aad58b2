import type { DirectoryStreet, ReadScope } from '../auth/policy.js';

/**
 * What a scoped caller of each kind reads of one table, as an SQL condition on its row: `first` and
 * `second` are the scope's ids (lib/auth/policy.ts readScopeIds: the id, and for a grid its community)
 * as SQL expressions. A kind left out reads nothing of that table.
 */
export type ScopeConditions = Partial<Record<Exclude<ReadScope['kind'], 'all' | 'none'>, (first: string, second: string) => string>>;

/**
 * The read-scope condition of a store's statements (each subgraph's store gives its table's
 * `conditions`), with one parameter, a text[] at `placeholder`, bound to readScopeIds(scope).
 * District-wide callers read every row; a kind without a condition reads none (fails closed).
 */
export function readScopeSql(scope: ReadScope, placeholder: string, conditions: ScopeConditions): string {
  const ids = `${placeholder}::text[]`;
  // The parameter is referenced even when it decides nothing, so PostgreSQL knows its type.
  if (scope.kind === 'all') return `(${ids} IS NOT NULL OR TRUE)`;
  const condition = scope.kind === 'none' ? undefined : conditions[scope.kind];
  return condition === undefined ? `(${ids} IS NULL AND FALSE)` : `(${condition(`(${ids})[1]`, `(${ids})[2]`)})`;
}

/**
 * The directory condition of a store's statements (lib/auth/policy.ts directoryStreetOf), with one
 * parameter, a text at `placeholder`, bound to `directory`: the whole district's (null) reads every
 * row; a street's, the rows `condition` (given the street as an SQL expression) holds for. The form
 * is chosen here by the directory rather than in SQL (`$n IS NULL OR …`): a generic plan
 * (lib/kernel/database.ts genericPlans) cannot drop an arm it does not know is dead, and would test
 * both on every row, or scan where the street's condition could use an index.
 */
export function directorySql(directory: DirectoryStreet, placeholder: string, condition: (street: string) => string): string {
  const street = `${placeholder}::text`;
  // As in readScopeSql: the parameter is referenced so PostgreSQL knows its type; `OR TRUE` folds away.
  return directory === null ? `(${street} IS NULL OR TRUE)` : `(${condition(street)})`;
}
