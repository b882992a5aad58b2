import { directoryStreetOf } from '../../../lib/auth/policy.js';
import { canReadServiceReport, isListed, isUnitListed } from '../read-scope.js';
import { auditLogField } from '../../../lib/subgraph/audit.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  coBuildingAuditLog: (_parent, args, { db, caller }) => auditLogField(db, caller, args),
  async coBuildingUnits(_parent, args, { store, caller }) {
    const page = readPageArgs(args);
    return toConnection(await store.findUnitsPage({ ...args.filter, streetId: directoryStreetOf(caller) }, page), page);
  },
  // Out of the caller's directory (a street admin's street) reads as not found.
  coBuildingUnit: async (_parent, { id }, { loaders, caller }) => {
    const unit = await loaders.unitById.load(id);
    return unit && isUnitListed(caller, unit) ? unit : null;
  },
  pairing: async (_parent, { id }, { loaders, caller }) => {
    const pairing = await loaders.pairingById.load(id);
    return pairing && isListed(caller, pairing) ? pairing : null;
  },
  serviceReport: async (_parent, { id }, { loaders, caller }) => {
    const report = await loaders.serviceReportById.load(id);
    return report && canReadServiceReport(caller, report) ? report : null;
  },
};
