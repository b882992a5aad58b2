import type { TargetScope } from '../../../lib/auth/policy.js';
import type { ChainScopeRow, OrganisationRow } from '../store.js';

/**
 * The party chain (党建链): street working committee → community organisation → grid branch →
 * micro-grid group → central household, beside functional branches, the new-economy organisation
 * and the party branches of co-building units. An organisation's `path` holds the ids from its
 * chain's root down to itself; what lies on that chain — the community, grid and unit led by an
 * organisation on it (at most one of each) — is where the organisation, and its members, belong.
 */

/** The organisations above this one, from the chain's root down to its parent. */
export function ancestorIdsOf(organisation: Pick<OrganisationRow, 'path'>): string[] {
  return organisation.path.slice(0, -1);
}

/**
 * The scope ids of an organisation's chain, as lib/auth/policy.ts `isReadable` takes them: whose
 * work the organisation's members are (its street, and the community, grid and unit on its chain).
 * An unknown organisation (null) belongs to no one's scope.
 */
export function chainScopeOf(chain: ChainScopeRow | null): TargetScope {
  return { streetIds: [chain?.street_id], communityIds: [chain?.community_id], gridIds: [chain?.grid_id], unitIds: [chain?.unit_id] };
}
