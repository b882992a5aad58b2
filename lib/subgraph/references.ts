import { ErrorCode, HubError } from '../kernel/errors.js';
import { PeerCallFailed, type PeerClient, type PeerOperation } from './peer-client.js';

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

/**
 * Asks the subgraph that owns the entities a write refers to (through the calling subgraph's peer
 * client, lib/subgraph/peer-client.ts). A write never goes ahead unchecked: when the owner cannot answer the
 * write is refused with DEPENDENCY_UNAVAILABLE and changes nothing — `retryable: true` when the
 * owner was down, slow or unreachable (send the same write again later), false when it refused the
 * call itself (a configuration error, e.g. internal secrets that do not match).
 */
export async function askOwner<Data, Variables extends Record<string, unknown>>(
  peers: PeerClient | undefined,
  operation: PeerOperation<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  try {
    if (peers === undefined) throw new PeerCallFailed(operation.target, 'unavailable', 'no peer client');
    return await peers.request(operation, variables);
  } catch (error) {
    if (!(error instanceof PeerCallFailed)) throw error;
    throw new HubError(ErrorCode.DEPENDENCY_UNAVAILABLE, `${error.peer} could not be asked to check this write; nothing was changed`, {
      dependency: error.peer,
      retryable: error.kind === 'unavailable',
    });
  }
}
