import type { CoBuildingUnitResolvers } from '../__generated__/resolvers-types.js';
import { canReadOrder, isResourceListed } from '../read-scope.js';

/** Units belong to the co-building subgraph; this one adds the resources they provide and the orders those received. */
export const CoBuildingUnit: CoBuildingUnitResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  resources: async (unit, _args, { loaders, caller }) =>
    (await loaders.resourcesByUnitId.load(unit.id)).filter((resource) => isResourceListed(caller, resource)),
  async orders(unit, { status }, { loaders, caller }) {
    // The unit's members see all its orders; a community or grid worker those raised in its scope (read-scope.ts).
    const orders = (await loaders.ordersByUnitId.load(unit.id)).filter((order) =>
      canReadOrder(caller, order, { provider_kind: 'CO_BUILDING_UNIT', provider_id: order.provider_id }),
    );
    return status ? orders.filter((order) => order.status === status) : orders;
  },
};
