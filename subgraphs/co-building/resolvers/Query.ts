import { directoryStreetOf } from '../../../lib/auth/policy.js';
import { auditLogField } from '../../../lib/subgraph/audit.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  coBuildingAuditLog: (_parent, args, { db, caller }) => auditLogField(db, caller, args),
  async coBuildingUnits(_parent, args, { store, caller }) {
    const page = readPageArgs(args);
    return toConnection(await store.findUnitsPage({ ...args.filter, streetId: directoryStreetOf(caller) }, page), page);
  },
  // Out of the caller's directory or read scope reads as not found: the loaders read only those (loaders.ts).
  coBuildingUnit: (_parent, { id }, { loaders }) => loaders.unitById.load(id),
  pairing: (_parent, { id }, { loaders }) => loaders.pairingById.load(id),
  serviceReport: (_parent, { id }, { loaders }) => loaders.serviceReportById.load(id),
};
