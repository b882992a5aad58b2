import type { DepartmentResolvers } from '../__generated__/resolvers-types.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';

/** Department is owned by organisations; this subgraph only adds the incidents a department leads. */
export const Department: DepartmentResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  async incidents(department, args, { loaders }) {
    const request = readPageArgs(args);
    return toConnection(await loaders.incidentPagesByDepartmentId.load(department.id, args.status, request), request);
  },
};
