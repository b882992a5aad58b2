import type { Caller } from '../../lib/auth/caller.js';
import { isReadable } from '../../lib/auth/policy.js';
import { personalDataFor } from '../../lib/subgraph/masking.js';
import { chainScopeOf } from './domain/chain.js';
import type { OrganisationsLoaders } from './loaders.js';

/**
 * What of organisations a caller reads: ROWS are decided in SQL, FIELDS here.
 *
 * Rows are decided by the store's SQL (store.ts organisationInDirectorySql, memberScopeSql) in every
 * list and in the batched queries of the loaders, which are made per request for the caller
 * (loaders.ts), so a row out of them is not there whichever way it is reached — a root field, an
 * entity reference, an organisation leading a community, a street's committee — and no resolver
 * filters rows after loading:
 * - Organisations (names, kinds, the chain, counts) are the district's directory, except that a
 *   street admin's holds its own street's only (lib/auth/policy.ts directoryStreetOf).
 * - Party members (docs/security.md → Personal data): party membership is sensitive personal
 *   information (PIPL art. 28), so a member is read only by the roles whose work is that member's
 *   branch chain (lib/auth/policy.ts readScopeOf): DISTRICT_PLATFORM all of them; a STREET_ADMIN
 *   those of its street (an organisation's street is its members'); a community worker the members
 *   of every organisation of its community (community organisation, grid branches, micro-grid
 *   groups, central households, functional branches) and the members living in it (an in-service
 *   member reports there, 双报到, and that community verifies the service); a grid worker those of
 *   its grid's branch and below; a unit member those of its unit's party branch. Department staff
 *   read no members: departments are outside the party chain. A single member out of scope reads as
 *   null; everyone reads counts (`memberCount`).
 *
 * Fields — whether an organisation's member list is shown, whether a member's personal data is in
 * clear — are the predicates below.
 */

/**
 * Whether the caller may list the members of an organisation: all of them or none (an empty page) —
 * those whose work is the organisation's chain, by the same rule as memberScopeSql's chain.
 */
export async function canListMembersOf(caller: Caller, organisationId: string, loaders: OrganisationsLoaders): Promise<boolean> {
  if (isReadable(caller, {})) return true; // district-wide: no lookup
  return isReadable(caller, chainScopeOf(await loaders.chainScopeByOrganisationId.load(organisationId)));
}

/**
 * Whether a member's personal data is in clear: every member that reaches a resolver is in the
 * caller's scope (loaders.ts reads no other; a list is shown only whole, canListMembersOf), so for
 * a caller with pii:read; masked for the others as domain/members.ts shownMember says.
 */
export function memberPersonalDataFor(caller: Caller) {
  return personalDataFor(caller, true);
}
