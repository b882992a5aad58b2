import type { PartyMemberResolvers } from '../__generated__/resolvers-types.js';
import { maskName, maskPhone } from '../../../lib/masking.js';
import { requireLoaded } from '../../../lib/references.js';

export const PartyMember: PartyMemberResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.partyMemberById.load(reference.id),
  // Personal data leaves the subgraph masked (PIPL); no role may see it in full yet.
  name: (member) => maskName(member.name),
  phone: (member) => maskPhone(member.phone),
  joinedOn: (member) => member.joined_on,
  organisation: async (member, _args, { loaders }) =>
    requireLoaded(await loaders.organisationById.load(member.organisation_id), 'Organisation', member.organisation_id),
  isGridLeader: (member) => member.is_grid_leader,
  residenceCommunity: (member) => (member.residence_community_id === null ? null : { id: member.residence_community_id }),
  inServiceUnit: (member) => (member.in_service_unit_id === null ? null : { id: member.in_service_unit_id }),
};
