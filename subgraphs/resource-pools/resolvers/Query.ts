import { readPageArgs, toConnection } from '../../../lib/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { matchCandidates } from '../matching-service.js';

export const Query: QueryResolvers = {
  async resources(_parent, args, { store }) {
    const page = readPageArgs(args);
    return toConnection(await store.findResourcesPage(args.filter ?? {}, page), page);
  },
  resource: (_parent, { id }, { loaders }) => loaders.resourceById.load(id),
  async demands(_parent, args, { store }) {
    const page = readPageArgs(args);
    return toConnection(await store.findDemandsPage(args.filter ?? {}, page), page);
  },
  demand: (_parent, { id }, { loaders }) => loaders.demandById.load(id),
  matchCandidates: (_parent, { demandId, first }, context) => matchCandidates(context, demandId, first ?? 10),
};
