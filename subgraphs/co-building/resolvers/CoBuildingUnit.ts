import { canReadUnitRecordsOf, isUnitInScope } from '../read-scope.js';
import type { CoBuildingUnitResolvers } from '../__generated__/resolvers-types.js';
import { personalDataWithin } from '../../../lib/subgraph/masking.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';

export const CoBuildingUnit: CoBuildingUnitResolvers = {
  // Out of the caller's directory reads as not found (loaders.ts).
  __resolveReference: (reference, { loaders }) => loaders.unitById.load(reference.id),
  location: (unit) => ({ lat: unit.lat, lng: unit.lng }),
  // Personal data leaves the subgraph masked unless the caller holds pii:read for this unit (PIPL).
  contact: async (unit, _args, { caller, loaders }) => {
    const personal = await personalDataWithin(caller, () => isUnitInScope(caller, unit, loaders));
    return { name: personal.name(unit.contact_name), phone: personal.phone(unit.contact_phone) };
  },
  pairings: (unit, _args, { loaders }) => loaders.pairingsByUnitId.load(unit.id),
  async serviceReports(unit, args, { loaders, caller }) {
    const request = readPageArgs(args);
    // Another unit's reports are not listed (read-scope.ts): an empty page, not an error.
    if (!canReadUnitRecordsOf(caller, unit)) return toConnection({ rows: [], totalCount: 0 }, request);
    return toConnection(await loaders.serviceReportPageByUnitId.load({ key: unit.id, request }), request);
  },
  serviceHours: (unit, _args, { loaders }) => loaders.verifiedHoursByUnitId.load(unit.id),
  creditScore: (unit) => ({ unit_id: unit.id, street_id: unit.street_id }),
  street: (unit) => ({ id: unit.street_id }),
  servedStreets: (unit) => [...unit.served_street_ids].sort().map((id) => ({ id })),
};
