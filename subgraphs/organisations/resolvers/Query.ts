import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import { directoryStreetOf } from '../../../lib/auth/policy.js';

export const Query: QueryResolvers = {
  // Out of the caller's directory or read scope reads as not found: the loaders read only those (loaders.ts).
  organisation: (_parent, { id }, { loaders }) => loaders.organisationById.load(id),
  async organisations(_parent, args, { store, caller }) {
    const page = readPageArgs(args);
    return toConnection(await store.findOrganisationsPage({ ...args.filter, streetId: directoryStreetOf(caller) }, page), page);
  },
  departments: (_parent, _args, { store }) => store.findDepartments(),
  department: (_parent, { id }, { loaders }) => loaders.departmentById.load(id),
  partyMember: (_parent, { id }, { loaders }) => loaders.partyMemberById.load(id),
};
