/**
 * What the grids subgraph asks other subgraphs, through its peer client (lib/subgraph/peer-client.ts, a service
 * token as system:grids): whether a co-building unit may be named responsible for an incident in a
 * community. Pairings belong to co-building, the communities a unit's resources serve to
 * resource-pools; grids keeps neither, so it asks their owners at the moment of the report.
 */
import { badUserInput } from '../../lib/kernel/errors.js';
import { definePeerOperation, type PeerClient, type PeerOperation } from '../../lib/subgraph/peer-client.js';
import { askOwner } from '../../lib/subgraph/references.js';

interface UnitRepresentation {
  __typename: 'CoBuildingUnit';
  id: string;
  [field: string]: unknown;
}

interface UnitPairings {
  id: string;
  pairings: { status: string; community: { id: string } | null }[];
}

interface UnitResources {
  id: string;
  resources: { servedCommunities: { id: string }[] | null }[] | null;
}

/** A unit's pairings and their status today, from co-building; null when co-building knows no such unit. */
export const UNIT_PAIRINGS = definePeerOperation<{ _entities: (UnitPairings | null)[] }, { representations: UnitRepresentation[] }>(
  'co-building',
  `query UnitPairings($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on CoBuildingUnit { id pairings { status community { id } } } }
}`,
);

/** The communities each of a unit's resources serves, from resource-pools. */
export const UNIT_SERVED_COMMUNITIES = definePeerOperation<{ _entities: (UnitResources | null)[] }, { representations: UnitRepresentation[] }>(
  'resource-pools',
  `query UnitServedCommunities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on CoBuildingUnit { id resources { servedCommunities { id } } } }
}`,
);

const FIELD = 'input.responsibleUnitId';

/** One unit asked of its owner; an owner that cannot be asked refuses the write (DEPENDENCY_UNAVAILABLE, lib/subgraph/references.ts). */
async function askFor<Entity>(
  peers: PeerClient | undefined,
  operation: PeerOperation<{ _entities: (Entity | null)[] }, { representations: UnitRepresentation[] }>,
  unitId: string,
): Promise<Entity | null> {
  const { _entities } = await askOwner(peers, operation, { representations: [{ __typename: 'CoBuildingUnit', id: unitId }] });
  return _entities[0] ?? null;
}

export type ResponsibleUnitCheck = (unitId: string, communityId: string) => Promise<void>;

/**
 * A unit answers for incidents only where it has a duty: an ACTIVE pairing (结对) with the community,
 * or a resource of its own that serves the community. Anything else is BAD_USER_INPUT naming the
 * field; an owner that cannot be asked refuses the report rather than letting it through unchecked.
 */
export function responsibleUnitCheck(peers: PeerClient | undefined): ResponsibleUnitCheck {
  return async (unitId, communityId) => {
    const unit = await askFor(peers, UNIT_PAIRINGS, unitId);
    if (unit === null) throw badUserInput(FIELD, `no co-building unit ${unitId}`);
    if (unit.pairings.some((pairing) => pairing.status === 'ACTIVE' && pairing.community?.id === communityId)) return;
    const resources = (await askFor(peers, UNIT_SERVED_COMMUNITIES, unitId))?.resources ?? [];
    if (resources.some((resource) => (resource.servedCommunities ?? []).some((community) => community.id === communityId))) return;
    throw badUserInput(FIELD, `unit ${unitId} is neither paired with ${communityId} nor offers a resource serving it`);
  };
}
