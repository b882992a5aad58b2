import type { CoBuildingUnitResolvers } from '../__generated__/resolvers-types.js';
import { maskName, maskPhone } from '../../../lib/masking.js';
import { readPageArgs, toConnection } from '../../../lib/pagination.js';

export const CoBuildingUnit: CoBuildingUnitResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.unitById.load(reference.id),
  location: (unit) => ({ lat: unit.lat, lng: unit.lng }),
  // Personal data leaves the subgraph masked only (PIPL); the raw values stay in the database.
  contact: (unit) => ({ name: maskName(unit.contact_name), phone: maskPhone(unit.contact_phone) }),
  pairings: (unit, _args, { loaders }) => loaders.pairingsByUnitId.load(unit.id),
  async serviceReports(unit, args, { loaders }) {
    const request = readPageArgs(args);
    return toConnection(await loaders.serviceReportPageByUnitId.load({ key: unit.id, request }), request);
  },
  serviceHours: (unit, _args, { loaders }) => loaders.verifiedHoursByUnitId.load(unit.id),
  creditScore: (unit) => ({ unit_id: unit.id }),
};
