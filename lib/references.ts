import { ErrorCode, HubError } from './errors.js';

/**
 * For non-null links inside one database (a grid's community): a missing row means broken data,
 * not a client mistake, so it surfaces as an internal error naming the dangling reference.
 */
export function requireLoaded<Row>(row: Row | null | undefined, typename: string, id: string): Row {
  if (row == null) throw new HubError(ErrorCode.INTERNAL_SERVER_ERROR, `dangling reference to ${typename} ${id}`);
  return row;
}

/** An entity owned by another subgraph, known here only by its key; the gateway fetches the rest. */
export interface EntityReference {
  id: string;
}
