import type { Caller } from '../../../lib/auth/caller.js';
import type { Database } from '../../../lib/kernel/database.js';
import type { PeerClient } from '../../../lib/subgraph/peer-client.js';
import { askOwner } from '../../../lib/subgraph/references.js';
import { authorizeServedStreetsRole, authorizeServedStreetsWrite, refuseUnknownStreets, servedStreetsAsked } from '../../../lib/subgraph/served-streets.js';
import { KNOWN_STREET } from '../peers.js';
import { createCoBuildingStore, WHOLE_DISTRICT, type UnitRow } from '../store.js';
import { coBuildingMutations } from './policy.js';

/**
 * Mutation.setUnitServedStreets: the whole list of streets a unit serves. The streets other than its
 * home street are checked with grids, which owns streets (DEPENDENCY_UNAVAILABLE, nothing changed,
 * when it cannot answer); streets are never deleted, so the answer holds for the write that follows.
 */
export async function setUnitServedStreets(
  db: Database,
  caller: Caller,
  peers: PeerClient | undefined,
  input: { unitId: string; streetIds: readonly string[] },
): Promise<UnitRow> {
  authorizeServedStreetsRole(coBuildingMutations, caller, 'setUnitServedStreets');
  const store = createCoBuildingStore(db);
  const [unit] = await store.findUnitsByIds([input.unitId], WHOLE_DISTRICT);
  const home = authorizeServedStreetsWrite(coBuildingMutations, caller, 'setUnitServedStreets', {
    field: 'input.unitId',
    what: 'co-building unit',
    id: input.unitId,
    homeStreetId: unit?.street_id ?? null,
  });
  const ids = servedStreetsAsked(input.streetIds, home, 'input.streetIds');
  const answers = await Promise.all(ids.filter((id) => id !== home).map((id) => askOwner(peers, KNOWN_STREET, { id })));
  refuseUnknownStreets(ids, home, new Set(answers.flatMap((answer) => (answer.street ? [answer.street.id] : []))), 'input.streetIds');
  return store.updateUnitServedStreets(input.unitId, ids);
}
