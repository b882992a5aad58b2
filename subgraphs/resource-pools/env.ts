import { decimal, duration, type Environment } from '../../lib/kernel/env.js';
import { readSubgraphEnv, type SubgraphEnvWith } from '../../lib/subgraph/env.js';
import { CO_BUILDING_RELAY_VARIABLES, DEFAULT_OUTBOX_RELAY_INTERVAL_MS } from '../co-building/events.js';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './domain/matching.js';

/** What only the resource-pools subgraph configures: matching (settings.ts) and its credit outbox relay. */
export interface ResourcePoolsSettings {
  match: MatchConfig;
  /** proposeAllocations: share of each community's open demands guaranteed before any gets more. */
  fairMinShare: number;
  /** How long co-building's partner data is reused (PARTNER_CACHE_TTL_MS). */
  partnerCacheTtlMs: number;
  outboxRelayIntervalMs: number;
}

export const DEFAULT_RESOURCE_POOLS_SETTINGS: ResourcePoolsSettings = Object.freeze({
  match: DEFAULT_MATCH_CONFIG,
  fairMinShare: 0.2,
  partnerCacheTtlMs: 30_000,
  outboxRelayIntervalMs: DEFAULT_OUTBOX_RELAY_INTERVAL_MS,
});

const weight = (fallback: number) => decimal({ min: 0, max: 100 }).default(fallback);
const defaults = DEFAULT_RESOURCE_POOLS_SETTINGS;
const w = defaults.match.weights;

export const RESOURCE_POOLS_VARIABLES = {
  MATCH_WEIGHT_CATEGORY: weight(w.CATEGORY),
  MATCH_WEIGHT_DISTANCE: weight(w.DISTANCE),
  MATCH_WEIGHT_PAIRING: weight(w.PAIRING),
  MATCH_WEIGHT_CREDIT: weight(w.CREDIT),
  MATCH_WEIGHT_RATING: weight(w.RATING),
  MATCH_WEIGHT_CAPACITY: weight(w.CAPACITY),
  MATCH_WEIGHT_FAIRNESS: weight(w.FAIRNESS),
  MATCH_DISTANCE_SCALE_KM: decimal({ min: 0, max: 1_000, above: true }).default(defaults.match.distanceScaleKm),
  MATCH_MAX_DISTANCE_KM: decimal({ min: 0, max: 20_000, above: true }).default(defaults.match.maxDistanceKm),
  MATCH_FAIR_MIN_SHARE: decimal({ min: 0, max: 1 }).default(defaults.fairMinShare),
  PARTNER_CACHE_TTL_MS: duration({ min: 0, max: 3_600_000 }).default(defaults.partnerCacheTtlMs),
  ...CO_BUILDING_RELAY_VARIABLES,
};

/** The resource-pools subgraph's whole configuration, read once by main.ts (docs/configuration.md). */
export function readResourcePoolsEnv(env: Environment = process.env): SubgraphEnvWith<ResourcePoolsSettings> {
  return readSubgraphEnv('resource-pools', env, RESOURCE_POOLS_VARIABLES, (values) => ({
    match: {
      weights: {
        CATEGORY: values.MATCH_WEIGHT_CATEGORY,
        DISTANCE: values.MATCH_WEIGHT_DISTANCE,
        PAIRING: values.MATCH_WEIGHT_PAIRING,
        CREDIT: values.MATCH_WEIGHT_CREDIT,
        RATING: values.MATCH_WEIGHT_RATING,
        CAPACITY: values.MATCH_WEIGHT_CAPACITY,
        FAIRNESS: values.MATCH_WEIGHT_FAIRNESS,
      },
      distanceScaleKm: values.MATCH_DISTANCE_SCALE_KM,
      maxDistanceKm: values.MATCH_MAX_DISTANCE_KM,
    },
    fairMinShare: values.MATCH_FAIR_MIN_SHARE,
    partnerCacheTtlMs: values.PARTNER_CACHE_TTL_MS,
    outboxRelayIntervalMs: values.OUTBOX_RELAY_INTERVAL_MS,
  }));
}
