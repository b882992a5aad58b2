import type { CoBuildingUnitResolvers } from '../__generated__/resolvers-types.js';

/** Units belong to the co-building subgraph; this one adds the resources they provide. */
export const CoBuildingUnit: CoBuildingUnitResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  resources: (unit, _args, { loaders }) => loaders.resourcesByUnitId.load(unit.id),
};
