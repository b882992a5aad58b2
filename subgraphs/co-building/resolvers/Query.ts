import { canReadServiceReport } from '../read-scope.js';
import { auditLogField } from '../../../lib/subgraph/audit.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  coBuildingAuditLog: (_parent, args, { db, caller }) => auditLogField(db, caller, args),
  async coBuildingUnits(_parent, args, { store }) {
    const page = readPageArgs(args);
    return toConnection(await store.findUnitsPage(args.filter ?? {}, page), page);
  },
  coBuildingUnit: (_parent, { id }, { loaders }) => loaders.unitById.load(id),
  pairing: (_parent, { id }, { loaders }) => loaders.pairingById.load(id),
  serviceReport: async (_parent, { id }, { loaders, caller }) => {
    const report = await loaders.serviceReportById.load(id);
    return report && canReadServiceReport(caller, report) ? report : null;
  },
};
