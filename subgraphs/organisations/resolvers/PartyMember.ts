import type { PartyMemberResolvers } from '../__generated__/resolvers-types.js';
import { shownMember } from '../domain/members.js';
import { requireLoaded } from '../../../lib/subgraph/references.js';
import { memberPersonalDataFor } from '../read-scope.js';

// Members reach these resolvers only when the caller may read them (read-scope.ts, loaders.ts); their
// personal data leaves the subgraph in clear only for pii:read (PIPL).
export const PartyMember: PartyMemberResolvers = {
  // Out of the caller's read scope reads as not found (loaders.ts).
  __resolveReference: (reference, { loaders }) => loaders.partyMemberById.load(reference.id),
  name: (member, _args, { caller }) => shownMember(member, memberPersonalDataFor(caller)).name,
  phone: (member, _args, { caller }) => shownMember(member, memberPersonalDataFor(caller)).phone,
  joinedOn: (member, _args, { caller }) => shownMember(member, memberPersonalDataFor(caller)).joinedOn,
  organisation: async (member, _args, { loaders }) =>
    requireLoaded(await loaders.organisationById.load(member.organisation_id), 'Organisation', member.organisation_id),
  isGridLeader: (member) => member.is_grid_leader,
  residenceCommunity: (member) => (member.residence_community_id === null ? null : { id: member.residence_community_id }),
  inServiceUnit: (member) => (member.in_service_unit_id === null ? null : { id: member.in_service_unit_id }),
};
