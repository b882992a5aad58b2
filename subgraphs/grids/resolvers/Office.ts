import type { OfficeResolvers } from '../__generated__/resolvers-types.js';

export const Office: OfficeResolvers = {
  communities: (office, _args, { loaders }) => loaders.communitiesByOfficeId.load(office.id),
};
