import { duration, type Environment } from '../../lib/kernel/env.js';
import { readSubgraphEnv, type SubgraphEnvWith } from '../../lib/subgraph/env.js';
import { CO_BUILDING_RELAY_VARIABLES, DEFAULT_OUTBOX_RELAY_INTERVAL_MS } from '../co-building/events.js';

/** What only the grids subgraph configures: its timers (background.ts). */
export interface GridsSettings {
  /** How often overdue incidents are escalated (ESCALATION_INTERVAL_MS). */
  escalationIntervalMs: number;
  /** How often the credit outbox is relayed to co-building (OUTBOX_RELAY_INTERVAL_MS). */
  outboxRelayIntervalMs: number;
}

export const DEFAULT_GRIDS_SETTINGS: GridsSettings = Object.freeze({
  escalationIntervalMs: 60_000,
  outboxRelayIntervalMs: DEFAULT_OUTBOX_RELAY_INTERVAL_MS,
});

export const GRIDS_VARIABLES = {
  ESCALATION_INTERVAL_MS: duration({ min: 1_000, max: 86_400_000 }).default(DEFAULT_GRIDS_SETTINGS.escalationIntervalMs),
  ...CO_BUILDING_RELAY_VARIABLES,
};

/** The grids subgraph's whole configuration, read once by main.ts (docs/configuration.md). */
export function readGridsEnv(env: Environment = process.env): SubgraphEnvWith<GridsSettings> {
  return readSubgraphEnv('grids', env, GRIDS_VARIABLES, (values) => ({
    escalationIntervalMs: values.ESCALATION_INTERVAL_MS,
    outboxRelayIntervalMs: values.OUTBOX_RELAY_INTERVAL_MS,
  }));
}
