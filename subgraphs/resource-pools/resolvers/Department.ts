import type { DepartmentResolvers } from '../__generated__/resolvers-types.js';

/** Departments belong to the organisations subgraph; this one adds the resources they provide (of the caller's directory: loaders.ts). */
export const Department: DepartmentResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  resources: (department, _args, { loaders }) => loaders.resourcesByDepartmentId.load(department.id),
};
