import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import { directoryStreetOf } from '../../../lib/auth/policy.js';
import { isListed, readableMember } from '../read-scope.js';

export const Query: QueryResolvers = {
  // A street admin's directory is its street's (read-scope.ts); out of it reads as not found.
  organisation: async (_parent, { id }, { loaders, caller }) => {
    const organisation = await loaders.organisationById.load(id);
    return organisation && isListed(caller, organisation) ? organisation : null;
  },
  async organisations(_parent, args, { store, caller }) {
    const page = readPageArgs(args);
    return toConnection(await store.findOrganisationsPage({ ...args.filter, streetId: directoryStreetOf(caller) }, page), page);
  },
  departments: (_parent, _args, { store }) => store.findDepartments(),
  department: (_parent, { id }, { loaders }) => loaders.departmentById.load(id),
  partyMember: async (_parent, { id }, { loaders, caller }) => readableMember(caller, await loaders.partyMemberById.load(id), loaders),
};
