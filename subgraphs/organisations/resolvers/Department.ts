import type { DepartmentResolvers } from '../__generated__/resolvers-types.js';

export const Department: DepartmentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.departmentById.load(reference.id),
};
