import type { Caller } from '../../../lib/auth/caller.js';
import type { Database } from '../../../lib/kernel/database.js';
import { authorizeServedStreetsRole, authorizeServedStreetsWrite, refuseUnknownStreets, servedStreetsAsked } from '../../../lib/subgraph/served-streets.js';
import { createResourcePoolsStore, type ResourceRow } from '../store.js';
import { resourcePoolsMutations } from './policy.js';

/**
 * Mutation.setResourceServedStreets: the whole list of streets a resource serves, in one
 * transaction on the locked row. A street is known here when this subgraph knows a community of it
 * (community_offices): a street without communities has no demand to match.
 */
export async function setResourceServedStreets(
  db: Database,
  caller: Caller,
  input: { resourceId: string; streetIds: readonly string[] },
): Promise<ResourceRow> {
  authorizeServedStreetsRole(resourcePoolsMutations, caller, 'setResourceServedStreets');
  return db.transaction(async (tx) => {
    const store = createResourcePoolsStore(tx);
    const resource = await store.lockResource(input.resourceId);
    const home = authorizeServedStreetsWrite(resourcePoolsMutations, caller, 'setResourceServedStreets', {
      field: 'input.resourceId',
      what: 'resource',
      id: input.resourceId,
      homeStreetId: resource?.street_id ?? null,
    });
    const ids = servedStreetsAsked(input.streetIds, home, 'input.streetIds');
    refuseUnknownStreets(ids, home, new Set(await store.findKnownStreetIds(ids)), 'input.streetIds');
    return store.updateResourceServedStreets(input.resourceId, ids);
  });
}
