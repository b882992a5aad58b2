/**
 * Matching configuration from the environment (zod-validated; an invalid value stops the service
 * with every problem listed). Defaults are documented in the README's configuration table.
 */
import { z } from 'zod';
import { parseEnv } from '../../lib/kernel/env.js';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './matching.js';
import type { PeerClient } from '../../lib/subgraph/peer-client.js';
import { peerPartnerDirectory, unavailablePartnerDirectory, type PartnerDirectory } from './partner-directory.js';

export interface MatchingSettings {
  match: MatchConfig;
  /** proposeAllocations: share of each community's open demands guaranteed before any gets more. */
  fairMinShare: number;
  partners: PartnerDirectory;
}

const weight = (fallback: number) => z.coerce.number().min(0).max(100).default(fallback);
const w = DEFAULT_MATCH_CONFIG.weights;

/** `peers`: the subgraph's peer client, through which pairing and credit data come from co-building. */
export function matchingSettingsFromEnv(peers: PeerClient | undefined, env: NodeJS.ProcessEnv = process.env): MatchingSettings {
  const parsed = parseEnv(
    'resource-pools',
    {
      MATCH_WEIGHT_CATEGORY: weight(w.CATEGORY),
      MATCH_WEIGHT_DISTANCE: weight(w.DISTANCE),
      MATCH_WEIGHT_PAIRING: weight(w.PAIRING),
      MATCH_WEIGHT_CREDIT: weight(w.CREDIT),
      MATCH_WEIGHT_RATING: weight(w.RATING),
      MATCH_WEIGHT_CAPACITY: weight(w.CAPACITY),
      MATCH_WEIGHT_FAIRNESS: weight(w.FAIRNESS),
      MATCH_DISTANCE_SCALE_KM: z.coerce.number().positive().max(1000).default(DEFAULT_MATCH_CONFIG.distanceScaleKm),
      MATCH_MAX_DISTANCE_KM: z.coerce.number().positive().max(20000).default(DEFAULT_MATCH_CONFIG.maxDistanceKm),
      MATCH_FAIR_MIN_SHARE: z.coerce.number().min(0).max(1).default(0.2),
      PARTNER_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
    },
    env,
  );
  return {
    match: {
      weights: {
        CATEGORY: parsed.MATCH_WEIGHT_CATEGORY,
        DISTANCE: parsed.MATCH_WEIGHT_DISTANCE,
        PAIRING: parsed.MATCH_WEIGHT_PAIRING,
        CREDIT: parsed.MATCH_WEIGHT_CREDIT,
        RATING: parsed.MATCH_WEIGHT_RATING,
        CAPACITY: parsed.MATCH_WEIGHT_CAPACITY,
        FAIRNESS: parsed.MATCH_WEIGHT_FAIRNESS,
      },
      distanceScaleKm: parsed.MATCH_DISTANCE_SCALE_KM,
      maxDistanceKm: parsed.MATCH_MAX_DISTANCE_KM,
    },
    fairMinShare: parsed.MATCH_FAIR_MIN_SHARE,
    partners: peers?.knows('co-building') ? peerPartnerDirectory(peers, { cacheTtlMs: parsed.PARTNER_CACHE_TTL_MS }) : unavailablePartnerDirectory,
  };
}
