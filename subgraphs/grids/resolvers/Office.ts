import type { OfficeResolvers } from '../__generated__/resolvers-types.js';
import { requireLoaded } from '../../../lib/subgraph/references.js';

export const Office: OfficeResolvers = {
  street: async (office, _args, { loaders }) => requireLoaded(await loaders.streetById.load(office.street_id), 'Street', office.street_id),
  communities: (office, _args, { loaders }) => loaders.communitiesByOfficeId.load(office.id),
};
