import type { AllocationResolvers } from '../__generated__/resolvers-types.js';

/** A plan keeps only what matching needed of each resource; the full row and the explanation come when asked for. */
export const Allocation: AllocationResolvers = {
  resource: async (allocation, _args, { loaders }) => (await loaders.resourceById.load(allocation.resource.id))!,
  explanation: (allocation) => allocation.explain(),
};
