import { duration, type Environment } from '../../lib/kernel/env.js';
import { readSubgraphEnv, type SubgraphEnvWith } from '../../lib/subgraph/env.js';

/** What only the co-building subgraph configures. */
export interface CoBuildingSettings {
  /** How often ended commitment periods are judged (COMMITMENT_OUTCOMES_INTERVAL_MS). */
  commitmentOutcomesIntervalMs: number;
}

export const DEFAULT_CO_BUILDING_SETTINGS: CoBuildingSettings = Object.freeze({ commitmentOutcomesIntervalMs: 3_600_000 });

export const CO_BUILDING_VARIABLES = {
  COMMITMENT_OUTCOMES_INTERVAL_MS: duration({ min: 1_000, max: 86_400_000 }).default(DEFAULT_CO_BUILDING_SETTINGS.commitmentOutcomesIntervalMs),
};

/** The co-building subgraph's whole configuration, read once by main.ts (docs/configuration.md). */
export function readCoBuildingEnv(env: Environment = process.env): SubgraphEnvWith<CoBuildingSettings> {
  return readSubgraphEnv('co-building', env, CO_BUILDING_VARIABLES, (values) => ({
    commitmentOutcomesIntervalMs: values.COMMITMENT_OUTCOMES_INTERVAL_MS,
  }));
}
