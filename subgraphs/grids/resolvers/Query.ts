import { directoryStreetOf, readScopeOf } from '../../../lib/auth/policy.js';
import { DISTRICT_ID } from '../../../lib/subgraph/district-figures.js';
import { auditLogField } from '../../../lib/subgraph/audit.js';
import { HubError, ErrorCode } from '../../../lib/kernel/errors.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { requireKnownStreet } from './Street.js';

export const Query: QueryResolvers = {
  gridsAuditLog: (_parent, args, { db, caller }) => auditLogField(db, caller, args),
  async street(_parent, { id }, { store, loaders }) {
    if (id != null) return loaders.streetById.load(id);
    const street = await store.findFirstStreet();
    if (!street) throw new HubError(ErrorCode.NOT_FOUND, 'no street has been loaded into the grids database yet');
    return street;
  },
  async streets(_parent, args, { store }) {
    const page = readPageArgs(args);
    return toConnection(await store.findStreetsPage(page), page);
  },
  offices: async (_parent, { streetId }, { store, loaders }) => {
    if (streetId != null) await requireKnownStreet(loaders, streetId, 'streetId');
    return store.findOffices(streetId);
  },
  async communities(_parent, args, { store, loaders }) {
    const page = readPageArgs(args);
    if (args.filter?.streetId != null) await requireKnownStreet(loaders, args.filter.streetId, 'filter.streetId');
    return toConnection(await store.findCommunitiesPage(args.filter ?? {}, page), page);
  },
  community: (_parent, { id }, { loaders }) => loaders.communityById.load(id),
  grid: (_parent, { id }, { loaders }) => loaders.gridById.load(id),
  microGrid: (_parent, { id }, { loaders }) => loaders.microGridById.load(id),
  incident: (_parent, { id }, { loaders }) => loaders.incidentById.load(id),
  async incidents(_parent, args, { store, clock, caller, loaders }) {
    const page = readPageArgs(args);
    if (args.filter?.streetId != null) await requireKnownStreet(loaders, args.filter.streetId, 'filter.streetId');
    // Scoped roles see the incidents of their scope only (lib/auth/policy.ts readScopeOf).
    return toConnection(await store.findIncidentsPage(args.filter ?? {}, page, clock(), readScopeOf(caller)), page);
  },
  district: () => ({ id: DISTRICT_ID }),
  // A street admin sees the rules its street's incidents follow; everyone else the district's defaults.
  incidentRoutingRules: (_parent, _args, { store, caller }) => store.findRoutingRules(directoryStreetOf(caller)),
};
