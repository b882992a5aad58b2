import { readPageArgs, toConnection } from '../../../lib/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  async coBuildingUnits(_parent, args, { store }) {
    const page = readPageArgs(args);
    return toConnection(await store.findUnitsPage(args.filter ?? {}, page), page);
  },
  coBuildingUnit: (_parent, { id }, { loaders }) => loaders.unitById.load(id),
  pairing: (_parent, { id }, { loaders }) => loaders.pairingById.load(id),
  serviceReport: (_parent, { id }, { loaders }) => loaders.serviceReportById.load(id),
};
