import type { PairingResolvers } from '../__generated__/resolvers-types.js';
import { requireLoaded } from '../../../lib/subgraph/references.js';
import { pairingStatus, shanghaiDate } from '../domain/pairing-status.js';

export const Pairing: PairingResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.pairingById.load(reference.id),
  unit: async (pairing, _args, { loaders }) => requireLoaded(await loaders.unitById.load(pairing.unit_id), 'CoBuildingUnit', pairing.unit_id),
  community: (pairing) => ({ id: pairing.community_id }),
  agreement: (pairing) => pairing,
  status: (pairing, _args, { clock }) =>
    pairingStatus({ startsOn: pairing.starts_on, endsOn: pairing.ends_on, terminatedOn: pairing.terminated_on }, shanghaiDate(clock())),
};
