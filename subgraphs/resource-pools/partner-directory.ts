/**
 * What matching needs from the co-building subgraph — pairings (结对) and duty credit — behind one
 * interface. Resource pools never reads co-building's database; it asks the co-building subgraph
 * over HTTP (`_entities`), with a bounded timeout, and matching treats a failure as "data
 * unavailable" (the term is 0 or neutral and the explanation says so) rather than failing the query.
 */
import { systemCaller } from '../../lib/auth/caller.js';
import { signCaller } from '../../lib/auth/internal-signature.js';

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

/** When CO_BUILDING_URL is not configured: every call reports the data as unavailable. */
export const unavailablePartnerDirectory: PartnerDirectory = {
  pairedUnitIds: () => Promise.reject(new PartnerDataUnavailable('CO_BUILDING_URL is not set')),
  pairedUnitIdsByCommunity: () => Promise.reject(new PartnerDataUnavailable('CO_BUILDING_URL is not set')),
  creditOf: () => Promise.reject(new PartnerDataUnavailable('CO_BUILDING_URL is not set')),
};

const PAIRINGS = `query Pairings($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Community { id pairings { status unit { id } } } }
}`;

// The one place that knows where credit comes from: co-building's CoBuildingUnit.creditScore.
const CREDIT = `query Credit($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on CoBuildingUnit { id creditScore { value } } }
}`;

interface PairingsEntity {
  id: string;
  pairings: { status: string; unit: { id: string } }[];
}
interface CreditEntity {
  id: string;
  creditScore: { value: number } | null;
}

export interface HttpPartnerDirectoryOptions {
  /** co-building's /graphql. */
  url: string;
  timeoutMs?: number;
  /** HUB_INTERNAL_SECRETS: calls carry the signed caller system:resource-pools, like the grids relay. */
  internalSecrets?: readonly string[];
}

export function httpPartnerDirectory(options: HttpPartnerDirectoryOptions): PartnerDirectory {
  const secrets = options.internalSecrets ?? [];
  async function entities<Entity>(query: string, representations: { __typename: string; id: string }[]): Promise<(Entity | null)[]> {
    if (representations.length === 0) return [];
    let response: Response;
    try {
      response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secrets.length === 0
            ? {}
            : signCaller(secrets, systemCaller('resource-pools'))),
        },
        body: JSON.stringify({ query, variables: { representations } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 1500),
      });
    } catch (error) {
      throw new PartnerDataUnavailable(`co-building not reachable: ${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => null)) as { data?: { _entities?: (Entity | null)[] }; errors?: { message: string }[] } | null;
    const list = body?.data?._entities;
    if (!response.ok || !Array.isArray(list) || (body?.errors?.length ?? 0) > 0) {
      throw new PartnerDataUnavailable(`co-building answered HTTP ${response.status}: ${body?.errors?.[0]?.message ?? 'no data'}`);
    }
    return list;
  }

  const directory: PartnerDirectory = {
    async pairedUnitIds(communityId) {
      return (await directory.pairedUnitIdsByCommunity([communityId])).get(communityId) ?? new Set();
    },
    async pairedUnitIdsByCommunity(communityIds) {
      const unique = [...new Set(communityIds)];
      const list = await entities<PairingsEntity>(PAIRINGS, unique.map((id) => ({ __typename: 'Community', id })));
      const result = new Map<string, Set<string>>(unique.map((id) => [id, new Set<string>()]));
      list.forEach((entity, i) => {
        for (const pairing of entity?.pairings ?? []) if (pairing.status === 'ACTIVE') result.get(unique[i]!)!.add(pairing.unit.id);
      });
      return result;
    },
    async creditOf(unitIds) {
      const unique = [...new Set(unitIds)];
      const list = await entities<CreditEntity>(CREDIT, unique.map((id) => ({ __typename: 'CoBuildingUnit', id })));
      return new Map(unique.map((id, i) => [id, list[i]?.creditScore?.value ?? null]));
    },
  };
  return directory;
}
