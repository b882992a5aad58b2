import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import { readableMember } from '../read-scope.js';

export const Query: QueryResolvers = {
  organisation: (_parent, { id }, { loaders }) => loaders.organisationById.load(id),
  async organisations(_parent, args, { store }) {
    const page = readPageArgs(args);
    return toConnection(await store.findOrganisationsPage(args.filter ?? {}, page), page);
  },
  departments: (_parent, _args, { store }) => store.findDepartments(),
  department: (_parent, { id }, { loaders }) => loaders.departmentById.load(id),
  partyMember: async (_parent, { id }, { loaders, caller }) => readableMember(caller, await loaders.partyMemberById.load(id), loaders),
};
