/**
 * What matching needs from the co-building subgraph — each unit's pairings (结对) and duty credit —
 * behind one interface. Resource pools never reads co-building's database; it asks the co-building
 * subgraph (`_entities` on CoBuildingUnit) through its peer client (lib/subgraph/peer-client.ts), in batches
 * of bounded size and number, each with a timeout, and matching treats a failure as "data
 * unavailable" (the term is 0 or neutral, the result says it is degraded) rather than failing the query.
 */
import { definePeerOperation, PeerCallFailed, type PeerClient } from '../../lib/subgraph/peer-client.js';

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

/** When co-building is not configured as a peer: every call reports the data as unavailable. */
export const unavailablePartnerDirectory: PartnerDirectory = {
  unitProfiles: () => Promise.reject(new PartnerDataUnavailable('co-building is not configured (PEER_CO_BUILDING_URL)')),
};

interface UnitRepresentation {
  __typename: 'CoBuildingUnit';
  id: string;
  [field: string]: unknown;
}

// The one place that knows where pairings and credit come from: co-building's CoBuildingUnit.
export const PARTNER_UNITS = definePeerOperation<{ _entities: (UnitEntity | null)[] }, { representations: UnitRepresentation[] }>(
  'co-building',
  `query PartnerUnits($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on CoBuildingUnit { id pairings { status community { id } } creditScore { base history { reason delta valid } } }
  }
}`,
);

interface UnitEntity {
  id: string;
  pairings: { status: string; community: { id: string } | null }[];
  creditScore: { base: number; history: { reason: string; delta: number; valid: boolean }[] } | null;
}

export interface PeerPartnerDirectoryOptions {
  /** Of each request; default the peer client's (PEER_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Units per request: a batch plan for a city asks about thousands, in bounded requests. */
  unitsPerRequest?: number;
  /**
   * How long a unit's answer is reused (PARTNER_CACHE_TTL_MS; 0 never): pairings and credit change
   * seldom, and a ranking must not wait for co-building every time. Only answers are kept, never a
   * failure, so an outage is seen (degraded) as soon as a unit is not known fresh.
   */
  cacheTtlMs?: number;
  /** "Now" for the cache (tests inject a clock). */
  now?: () => number;
}

/** At most this many requests to co-building at once. */
const PARALLEL_REQUESTS = 4;

/** Matching's view of co-building through the subgraph's peer client (a service token as system:resource-pools). */
export function peerPartnerDirectory(peers: PeerClient, options: PeerPartnerDirectoryOptions = {}): PartnerDirectory {
  const chunkSize = options.unitsPerRequest ?? 500;
  const timeoutMs = options.timeoutMs ?? peers.timeoutMs;
  async function units(chunk: readonly string[], timeout: number): Promise<(UnitEntity | null)[]> {
    const representations = chunk.map((id) => ({ __typename: 'CoBuildingUnit' as const, id }));
    return (await peers.request(PARTNER_UNITS, { representations }, { timeoutMs: timeout }))._entities;
  }
  /** One batch of units; a timeout is tried once more with twice the time (a busy co-building, not a down one). */
  async function unitsOnce(chunk: readonly string[]): Promise<(UnitEntity | null)[]> {
    if (chunk.length === 0) return [];
    try {
      try {
        return await units(chunk, timeoutMs);
      } catch (error) {
        if (!(error instanceof PeerCallFailed) || !error.timedOut) throw error;
        return await units(chunk, 2 * timeoutMs);
      }
    } catch (error) {
      if (error instanceof PeerCallFailed) throw new PartnerDataUnavailable(error.message, { cause: error });
      throw error;
    }
  }
  const ttl = options.cacheTtlMs ?? 0;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { profile: UnitProfile | null; until: number }>();
  return {
    async unitProfiles(unitIds) {
      const wanted = [...new Set(unitIds)];
      const profiles = new Map<string, UnitProfile>();
      const unique: string[] = [];
      const at = now();
      for (const id of wanted) {
        const cached = cache.get(id);
        if (cached && cached.until > at) {
          if (cached.profile) profiles.set(id, cached.profile);
        } else unique.push(id);
      }
      const chunks: string[][] = [];
      for (let i = 0; i < unique.length; i += chunkSize) chunks.push(unique.slice(i, i + chunkSize));
      // Each request has the timeout; at most PARALLEL_REQUESTS at a time, so a city-wide plan's
      // thousands of units take ceil(chunks / PARALLEL_REQUESTS) timeouts at worst.
      const fetched = new Map<string, UnitProfile>();
      for (let i = 0; i < chunks.length; i += PARALLEL_REQUESTS) {
        const lists = await Promise.all(chunks.slice(i, i + PARALLEL_REQUESTS).map((chunk) => unitsOnce(chunk)));
        for (const entity of lists.flat()) {
          if (!entity) continue;
          fetched.set(entity.id, {
            pairedCommunityIds: new Set(
              entity.pairings.filter((pairing) => pairing.status === 'ACTIVE' && pairing.community).map((pairing) => pairing.community!.id),
            ),
            // co-building's value is by definition the base plus the events valid now: summed here from the same history.
            credit: entity.creditScore ? creditValueOf(entity.creditScore) : null,
            creditBasis: entity.creditScore ? creditBasisOf(entity.creditScore) : null,
          });
        }
      }
      if (ttl > 0) {
        // A full city's units at most: old entries go when the cache outgrows that.
        if (cache.size > 100_000) cache.clear();
        for (const id of unique) cache.set(id, { profile: fetched.get(id) ?? null, until: at + ttl });
      }
      for (const [id, profile] of fetched) profiles.set(id, profile);
      return profiles;
    },
  };
}

function creditValueOf(score: NonNullable<UnitEntity['creditScore']>): number {
  return Math.round((score.base + score.history.reduce((sum, event) => sum + (event.valid ? event.delta : 0), 0)) * 100) / 100;
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
