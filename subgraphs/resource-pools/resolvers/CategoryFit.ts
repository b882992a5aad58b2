import type { CategoryFitResolvers } from '../__generated__/resolvers-types.js';

export const CategoryFit: CategoryFitResolvers = {
  demandCategory: (fit) => fit.demand_category,
  demandSubKind: (fit) => fit.demand_sub_kind,
  resourceCategory: (fit) => fit.resource_category,
  resourceSubKind: (fit) => fit.resource_sub_kind,
};
