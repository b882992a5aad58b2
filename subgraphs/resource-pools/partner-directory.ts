/**
 * What matching needs from the co-building subgraph — pairings (结对) and duty credit — behind one
 * interface. Resource pools never reads co-building's database; it asks the co-building subgraph
 * (`_entities`) through its peer client (lib/peer-client.ts), with a bounded timeout, and matching
 * treats a failure as "data unavailable" (the term is 0 or neutral and the explanation says so)
 * rather than failing the query.
 */
import { definePeerOperation, PeerCallFailed, type PeerClient, type PeerOperation } from '../../lib/peer-client.js';

export interface PartnerDirectory {
  /** Units with an ACTIVE pairing with the community. Throws when the data cannot be had. */
  pairedUnitIds(communityId: string): Promise<Set<string>>;
  /** The same for many communities in one call (batch allocation). */
  pairedUnitIdsByCommunity(communityIds: readonly string[]): Promise<Map<string, Set<string>>>;
  /** Duty credit per unit; null for units without a score. Throws when the data cannot be had. */
  creditOf(unitIds: readonly string[]): Promise<Map<string, number | null>>;
}

export class PartnerDataUnavailable extends Error {
  override name = 'PartnerDataUnavailable';
}

/** When co-building is not configured as a peer: every call reports the data as unavailable. */
export const unavailablePartnerDirectory: PartnerDirectory = {
  pairedUnitIds: () => Promise.reject(new PartnerDataUnavailable('co-building is not configured (PEER_CO_BUILDING_URL)')),
  pairedUnitIdsByCommunity: () => Promise.reject(new PartnerDataUnavailable('co-building is not configured (PEER_CO_BUILDING_URL)')),
  creditOf: () => Promise.reject(new PartnerDataUnavailable('co-building is not configured (PEER_CO_BUILDING_URL)')),
};

/** Pairings of communities, from co-building (the owner of pairings). */
export const PAIRINGS = definePeerOperation<{ _entities: (PairingsEntity | null)[] }, { representations: EntityRepresentation[] }>(
  'co-building',
  `query Pairings($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Community { id pairings { status unit { id } } } }
}`,
);

// The one place that knows where credit comes from: co-building's CoBuildingUnit.creditScore.
export const CREDIT = definePeerOperation<{ _entities: (CreditEntity | null)[] }, { representations: EntityRepresentation[] }>(
  'co-building',
  `query Credit($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on CoBuildingUnit { id creditScore { value } } }
}`,
);

interface EntityRepresentation {
  __typename: string;
  id: string;
  [field: string]: unknown;
}
interface PairingsEntity {
  id: string;
  pairings: { status: string; unit: { id: string } }[];
}
interface CreditEntity {
  id: string;
  creditScore: { value: number } | null;
}

/** Matching's view of co-building through the subgraph's peer client (a service token as system:resource-pools). */
export function peerPartnerDirectory(peers: PeerClient): PartnerDirectory {
  async function entities<Entity>(
    operation: PeerOperation<{ _entities: (Entity | null)[] }, { representations: EntityRepresentation[] }>,
    representations: EntityRepresentation[],
  ): Promise<(Entity | null)[]> {
    if (representations.length === 0) return [];
    try {
      return (await peers.request(operation, { representations }))._entities;
    } catch (error) {
      if (error instanceof PeerCallFailed) throw new PartnerDataUnavailable(error.message);
      throw error;
    }
  }

  const directory: PartnerDirectory = {
    async pairedUnitIds(communityId) {
      return (await directory.pairedUnitIdsByCommunity([communityId])).get(communityId) ?? new Set();
    },
    async pairedUnitIdsByCommunity(communityIds) {
      const unique = [...new Set(communityIds)];
      const list = await entities(PAIRINGS, unique.map((id) => ({ __typename: 'Community', id })));
      const result = new Map<string, Set<string>>(unique.map((id) => [id, new Set<string>()]));
      list.forEach((entity, i) => {
        for (const pairing of entity?.pairings ?? []) if (pairing.status === 'ACTIVE') result.get(unique[i]!)!.add(pairing.unit.id);
      });
      return result;
    },
    async creditOf(unitIds) {
      const unique = [...new Set(unitIds)];
      const list = await entities(CREDIT, unique.map((id) => ({ __typename: 'CoBuildingUnit', id })));
      return new Map(unique.map((id, i) => [id, list[i]?.creditScore?.value ?? null]));
    },
  };
  return directory;
}
