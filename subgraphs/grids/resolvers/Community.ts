import type { CommunityResolvers } from '../__generated__/resolvers-types.js';
import { requireLoaded } from '../../../lib/subgraph/references.js';

export const Community: CommunityResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.communityById.load(reference.id),
  office: async (community, _args, { loaders }) => requireLoaded(await loaders.officeById.load(community.office_id), 'Office', community.office_id),
  street: async (community, _args, { loaders }) => requireLoaded(await loaders.streetById.load(community.street_id), 'Street', community.street_id),
  location: (community) => ({ lat: community.lat, lng: community.lng }),
  async grids(community, { kind }, { loaders }) {
    const grids = await loaders.gridsByCommunityId.load(community.id);
    return kind ? grids.filter((grid) => grid.kind === kind) : grids;
  },
  microGridCount: (community, _args, { loaders }) => loaders.microGridCountByCommunityId.load(community.id),
  async incidentStats(community, _args, { loaders }) {
    const stats = await loaders.incidentStatsByCommunityId.load(community.id);
    // A community without incidents has no row: zero counts, no median, no satisfaction yet.
    return stats ?? { key: community.id, open: 0, overdue: 0, closed_last_30_days: 0, median_hours_to_close: null, satisfaction: null };
  },
};
