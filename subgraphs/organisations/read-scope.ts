import type { Caller } from '../../lib/auth/caller.js';
import { isInDirectoryOf, isReadable, type TargetScope } from '../../lib/auth/policy.js';
import { personalDataWithin } from '../../lib/subgraph/masking.js';
import type { OrganisationsLoaders } from './loaders.js';
import type { ChainScopeRow, PartyMemberRow } from './store.js';

/**
 * Who reads party members (docs/security.md → Personal data). Party membership is sensitive
 * personal information (PIPL art. 28), so members are listed only to the roles whose work is that
 * member's branch chain: DISTRICT_PLATFORM all of them; a STREET_ADMIN those of its street (an
 * organisation's street, organisations.street_id, is its members'); a community worker the members of every organisation of its community (community organisation,
 * grid branches, micro-grid groups, central households, functional branches); a grid worker those
 * of its grid's branch and below; a unit member those of its unit's party branch (the unit's
 * in-service members). Everyone else gets counts only (`memberCount`); a list reads as an empty
 * page, a single member as null. Department staff read no members: departments are outside the
 * party chain.
 *
 * A single member is also read by the community worker of the community the member lives in: an
 * in-service member reports there (双报到), and that community verifies the service.
 *
 * Organisations themselves (names, kinds, the chain, counts) are the district's directory, except
 * that a street admin's lists hold its own street's only (`isListed`).
 */

/** Whether an organisation is in the caller's directory (a street admin's: its street's). */
export function isListed(caller: Caller, organisation: { street_id: string }): boolean {
  return isInDirectoryOf(caller, organisation.street_id);
}

/** The scope ids of an organisation's chain, as lib/auth/policy.ts `isReadable` takes them. */
function ownersOf(chain: ChainScopeRow | null): TargetScope {
  return { streetIds: [chain?.street_id], communityIds: [chain?.community_id], gridIds: [chain?.grid_id], unitIds: [chain?.unit_id] };
}

/** Whether the caller may list the members of an organisation. */
export async function canListMembersOf(caller: Caller, organisationId: string, loaders: OrganisationsLoaders): Promise<boolean> {
  if (isReadable(caller, {})) return true; // district-wide: no lookup
  return isReadable(caller, ownersOf(await loaders.chainScopeByOrganisationId.load(organisationId)));
}

/** Whether the caller may read this one member (its chain, or the community it lives in). */
export async function canReadMember(caller: Caller, member: PartyMemberRow, loaders: OrganisationsLoaders): Promise<boolean> {
  return isReadable(caller, { communityIds: [member.residence_community_id] }) || canListMembersOf(caller, member.organisation_id, loaders);
}

/** The member if the caller may read it, else null (not found). */
export async function readableMember(caller: Caller, member: PartyMemberRow | null, loaders: OrganisationsLoaders): Promise<PartyMemberRow | null> {
  return member !== null && (await canReadMember(caller, member, loaders)) ? member : null;
}

/**
 * How a member's personal data is shown: in clear to a caller with pii:read for whom the member is
 * in scope (a grid worker's pii:read unmasks its own grid's members, not the street's); masked for
 * the others, in a form that no longer picks a person out of a list or links them to another data
 * set — the masked name, the last four phone digits, the year they joined — while keeping what the
 * roster's readers work with (gender, organisation, residence, workplace).
 */
export function memberPersonalDataFor(caller: Caller, member: PartyMemberRow, loaders: OrganisationsLoaders) {
  return personalDataWithin(caller, () => canReadMember(caller, member, loaders));
}
