/**
 * What resource-pools asks other subgraphs directly (lib/subgraph/peer-client.ts), besides matching's
 * partner data (partner-directory.ts): the reference checks of its writes. Each operation is
 * validated against the called subgraph's schema by test/peer-operations.test.ts.
 */
import { definePeerOperation } from '../../lib/subgraph/peer-client.js';

/** A demand's grid, and the community it belongs to, from grids (the owner of both). */
export const GRID_OF_DEMAND = definePeerOperation<{ grid: { id: string; community: { id: string } } | null }, { id: string }>(
  'grids',
  `query GridOfDemand($id: ID!) {
  grid(id: $id) { id community { id } }
}`,
);

/** Whether a demand's community exists (a demand for a whole community names no grid). */
export const COMMUNITY_OF_DEMAND = definePeerOperation<{ community: { id: string } | null }, { id: string }>(
  'grids',
  `query CommunityOfDemand($id: ID!) {
  community(id: $id) { id }
}`,
);
