import type { OrganisationResolvers } from '../__generated__/resolvers-types.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import { requireLoaded } from '../../../lib/subgraph/references.js';
import { ancestorIdsOf } from '../domain/chain.js';
import { canListMembersOf } from '../read-scope.js';

const reference = (id: string | null) => (id === null ? null : { id });

export const Organisation: OrganisationResolvers = {
  // Out of the caller's directory reads as not found (loaders.ts).
  __resolveReference: (reference, { loaders }) => loaders.organisationById.load(reference.id),
  parent: async (organisation, _args, { loaders }) =>
    organisation.parent_id === null ? null : requireLoaded(await loaders.organisationById.load(organisation.parent_id), 'Organisation', organisation.parent_id),
  children: (organisation, _args, { loaders }) => loaders.organisationsByParentId.load(organisation.id),
  async ancestors(organisation, _args, { loaders }) {
    const ancestorIds = ancestorIdsOf(organisation);
    const ancestors = await loaders.organisationById.loadMany(ancestorIds);
    return ancestors.map((ancestor, i) => {
      if (ancestor instanceof Error) throw ancestor;
      return requireLoaded(ancestor, 'Organisation', ancestorIds[i]!);
    });
  },
  memberCount: (organisation, _args, { loaders }) => loaders.memberCountInSubtreeByOrganisationId.load(organisation.id),
  // Counts are public; who the members are is for the organisation's own chain (read-scope.ts).
  secretary: (organisation, _args, { loaders }) => loaders.secretaryByOrganisationId.load(organisation.id),
  async members(organisation, args, { loaders, caller }) {
    const request = readPageArgs(args);
    if (!(await canListMembersOf(caller, organisation.id, loaders))) return toConnection({ rows: [], totalCount: 0 }, request);
    return toConnection(await loaders.memberPageByOrganisationId.load({ key: organisation.id, request }), request);
  },
  street: (organisation) => ({ id: organisation.street_id }),
  community: (organisation) => reference(organisation.community_id),
  grid: (organisation) => reference(organisation.grid_id),
  microGrid: (organisation) => reference(organisation.micro_grid_id),
  coBuildingUnit: (organisation) => reference(organisation.unit_id),
};
