import type { PartyMemberResolvers } from '../__generated__/resolvers-types.js';
import { personalDataFor } from '../../../lib/masking.js';
import { requireLoaded } from '../../../lib/references.js';

export const PartyMember: PartyMemberResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.partyMemberById.load(reference.id),
  // Personal data leaves the subgraph masked unless the caller holds pii:read (PIPL).
  name: (member, _args, { caller }) => personalDataFor(caller).name(member.name),
  phone: (member, _args, { caller }) => personalDataFor(caller).phone(member.phone),
  joinedOn: (member) => member.joined_on,
  organisation: async (member, _args, { loaders }) =>
    requireLoaded(await loaders.organisationById.load(member.organisation_id), 'Organisation', member.organisation_id),
  isGridLeader: (member) => member.is_grid_leader,
  residenceCommunity: (member) => (member.residence_community_id === null ? null : { id: member.residence_community_id }),
  inServiceUnit: (member) => (member.in_service_unit_id === null ? null : { id: member.in_service_unit_id }),
};
