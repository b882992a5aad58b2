/**
 * What matching needs from the co-building subgraph — each unit's pairings (结对) and duty credit —
 * behind one interface. Resource pools never reads co-building's database; it asks the co-building
 * subgraph over HTTP (`_entities` on CoBuildingUnit, in bounded batches under one deadline), and
 * matching treats a failure as "data unavailable" (the term is 0 or neutral, the result says it is
 * degraded) rather than failing the query.
 */
import { systemCaller } from '../../lib/auth/caller.js';
import { signCaller } from '../../lib/auth/internal-signature.js';

/** What matching needs to know about one co-building unit. */
export interface UnitProfile {
  /** Communities the unit has an ACTIVE pairing (结对) with. */
  pairedCommunityIds: ReadonlySet<string>;
  /** Duty credit; null for a unit without a score. */
  credit: number | null;
  /** What the credit rests on: the base and the events counting now, by reason (co-building's CreditReason). */
  creditBasis: { base: number; events: { reason: string; count: number; points: number }[] } | null;
}

export interface PartnerDirectory {
  /**
   * Pairings and duty credit of these units, keyed by unit id (units co-building does not know are
   * left out). Throws PartnerDataUnavailable when the data cannot be had.
   */
  unitProfiles(unitIds: readonly string[]): Promise<Map<string, UnitProfile>>;
}

export class PartnerDataUnavailable extends Error {
  override name = 'PartnerDataUnavailable';
}

/** When CO_BUILDING_URL is not configured: every call reports the data as unavailable. */
export const unavailablePartnerDirectory: PartnerDirectory = {
  unitProfiles: () => Promise.reject(new PartnerDataUnavailable('CO_BUILDING_URL is not set')),
};

// The one place that knows where pairings and credit come from: co-building's CoBuildingUnit.
const UNITS = `query Units($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on CoBuildingUnit { id pairings { status community { id } } creditScore { value base history { reason delta valid } } }
  }
}`;

interface UnitEntity {
  id: string;
  pairings: { status: string; community: { id: string } | null }[];
  creditScore: { value: number; base: number; history: { reason: string; delta: number; valid: boolean }[] } | null;
}

export interface HttpPartnerDirectoryOptions {
  /** co-building's /graphql. */
  url: string;
  timeoutMs?: number;
  /** HUB_INTERNAL_SECRETS: calls carry the signed caller system:resource-pools, like the grids relay. */
  internalSecrets?: readonly string[];
  /** Units per request: a batch plan for a city asks about thousands, in bounded requests. */
  unitsPerRequest?: number;
}

/** At most this many requests to co-building at once. */
const PARALLEL_REQUESTS = 4;

export function httpPartnerDirectory(options: HttpPartnerDirectoryOptions): PartnerDirectory {
  const secrets = options.internalSecrets ?? [];
  const chunkSize = options.unitsPerRequest ?? 500;
  async function entities<Entity>(query: string, representations: { __typename: string; id: string }[], signal: AbortSignal): Promise<(Entity | null)[]> {
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
        signal,
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

  return {
    async unitProfiles(unitIds) {
      const unique = [...new Set(unitIds)];
      const chunks: string[][] = [];
      for (let i = 0; i < unique.length; i += chunkSize) chunks.push(unique.slice(i, i + chunkSize));
      // One deadline for the whole answer, however many requests it takes.
      const signal = AbortSignal.timeout(options.timeoutMs ?? 1500);
      const profiles = new Map<string, UnitProfile>();
      for (let i = 0; i < chunks.length; i += PARALLEL_REQUESTS) {
        const lists = await Promise.all(
          chunks.slice(i, i + PARALLEL_REQUESTS).map((chunk) => entities<UnitEntity>(UNITS, chunk.map((id) => ({ __typename: 'CoBuildingUnit', id })), signal)),
        );
        for (const entity of lists.flat()) {
          if (!entity) continue;
          profiles.set(entity.id, {
            pairedCommunityIds: new Set(entity.pairings.filter((pairing) => pairing.status === 'ACTIVE' && pairing.community).map((pairing) => pairing.community!.id)),
            credit: entity.creditScore?.value ?? null,
            creditBasis: entity.creditScore ? creditBasisOf(entity.creditScore) : null,
          });
        }
      }
      return profiles;
    },
  };
}

/** The events counting now, summed by reason in the order they first appear (newest first). */
function creditBasisOf(score: NonNullable<UnitEntity['creditScore']>): NonNullable<UnitProfile['creditBasis']> {
  const byReason = new Map<string, { reason: string; count: number; points: number }>();
  for (const event of score.history) {
    if (!event.valid) continue;
    const entry = byReason.get(event.reason) ?? { reason: event.reason, count: 0, points: 0 };
    entry.count += 1;
    entry.points += event.delta;
    byReason.set(event.reason, entry);
  }
  return { base: score.base, events: [...byReason.values()] };
}
