import type { PartyMemberResolvers } from '../__generated__/resolvers-types.js';
import { maskDateToYear, maskPhoneToTail } from '../../../lib/subgraph/masking.js';
import { requireLoaded } from '../../../lib/subgraph/references.js';
import { memberPersonalDataFor, readableMember } from '../read-scope.js';

// Members reach these resolvers only when the caller may read them (read-scope.ts); their personal
// data leaves the subgraph in clear only for pii:read within the caller's own scope (PIPL).
export const PartyMember: PartyMemberResolvers = {
  __resolveReference: async (reference, { loaders, caller }) => readableMember(caller, await loaders.partyMemberById.load(reference.id), loaders),
  name: async (member, _args, { caller, loaders }) => (await memberPersonalDataFor(caller, member, loaders)).name(member.name),
  phone: async (member, _args, { caller, loaders }) =>
    (await memberPersonalDataFor(caller, member, loaders)).inClear ? member.phone : maskPhoneToTail(member.phone),
  joinedOn: async (member, _args, { caller, loaders }) =>
    (await memberPersonalDataFor(caller, member, loaders)).inClear ? member.joined_on : maskDateToYear(member.joined_on),
  organisation: async (member, _args, { loaders }) =>
    requireLoaded(await loaders.organisationById.load(member.organisation_id), 'Organisation', member.organisation_id),
  isGridLeader: (member) => member.is_grid_leader,
  residenceCommunity: (member) => (member.residence_community_id === null ? null : { id: member.residence_community_id }),
  inServiceUnit: (member) => (member.in_service_unit_id === null ? null : { id: member.in_service_unit_id }),
};
