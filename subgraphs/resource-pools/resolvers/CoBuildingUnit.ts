import type { CoBuildingUnitResolvers } from '../__generated__/resolvers-types.js';

/**
 * Units belong to the co-building subgraph; this one adds the resources they provide and the orders
 * those received — those of the caller's directory and read scope only (loaders.ts): the unit's
 * members see all its orders, a community or grid worker those raised in its scope.
 */
export const CoBuildingUnit: CoBuildingUnitResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  resources: (unit, _args, { loaders }) => loaders.resourcesByUnitId.load(unit.id),
  async orders(unit, { status }, { loaders }) {
    const orders = await loaders.ordersByUnitId.load(unit.id);
    return status ? orders.filter((order) => order.status === status) : orders;
  },
};
