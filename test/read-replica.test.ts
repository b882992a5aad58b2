import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import { Database, ensureDatabase } from '../lib/kernel/database.js';
import { createLogger } from '../lib/kernel/log.js';
import { migrateSubgraph, type StartedSubgraph } from '../lib/subgraph/runtime.js';
import { readHubEnv } from '../hub/env.js';
import { startSubgraphByName } from '../hub/subgraph-modules.js';
import { generateGridsDataset } from '../seed/grids.js';
import { planStreet } from '../seed/plan.js';
import { createGridsStore } from '../subgraphs/grids/store.js';
import { asRouter, testSubgraphTrust, tokenFor } from './support/auth.js';
import { postGraphQL } from './support/hub.js';
import { startPrimaryWithStandby, type PrimaryWithStandby } from './support/streaming-replica.js';

/**
 * A subgraph on a real PostgreSQL primary with a streaming hot standby (Debian's postgresql-15) as
 * its DATABASE_READ_URL: queries read from the standby, and a caller who just wrote reads from the
 * primary until the standby has replayed everything, so nobody misses their own write. Replay is
 * paused and resumed by the test, so no timing decides the outcome.
 */
let servers: PrimaryWithStandby;
let subgraph: StartedSubgraph;

beforeAll(async () => {
  servers = await startPrimaryWithStandby();
  await ensureDatabase(servers.primaryUrl(), 'hub_grids');
  const url = servers.primaryUrl('hub_grids');
  await migrateSubgraph(url, 'grids');
  const seeding = new Database({ url, service: 'seed', registry: new Registry() });
  await createGridsStore(seeding).insertDataset({ ...generateGridsDataset(planStreet(1)), incidents: [], incidentEvents: [] });
  await seeding.close();
  await servers.caughtUp();
  subgraph = await startSubgraphByName('grids', {
    databaseUrl: url,
    databaseReadUrl: servers.standbyUrl('hub_grids'),
    log: createLogger('grids', 'error'),
    trust: await testSubgraphTrust('grids'),
  });
}, 180_000);
afterAll(async () => {
  await subgraph?.close();
  await servers?.stop();
});

async function replicaStatements(): Promise<number> {
  const text = await subgraph.registry.metrics();
  const line = text.split('\n').find((candidate) => candidate.startsWith('hub_sql_replica_statements_total{') && candidate.includes('outcome="served"'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

const incidentOf = async (token: string, id: string) => {
  const answer = await postGraphQL(subgraph.url, 'query($id: ID!) { incident(id: $id) { id status } }', { id }, { token, sign: asRouter('grids') });
  expect(answer.errors).toBeUndefined();
  return answer.data!.incident as { id: string; status: string } | null;
};

describe('a subgraph with a read replica', () => {
  it('reads from the standby, and a caller who just wrote from the primary until the standby has their write', async () => {
    const writer = await tokenFor('STREET_ADMIN', { sub: 'replica-writer' });
    const bystander = await tokenFor('STREET_ADMIN', { sub: 'replica-bystander' });
    await servers.pauseReplay(true);
    const reported = await postGraphQL(
      subgraph.url,
      `mutation { reportIncident(input: { gridId: "grid-001", category: FIRE_LANE_BLOCKED, description: "read your writes",
        location: { lat: 10, lng: 10 }, reporter: { name: "孙八" }, channel: HOTLINE_12345 }) { id } }`,
      {},
      { token: writer, sign: asRouter('grids') },
    );
    expect(reported.errors).toBeUndefined();
    const id = reported.data!.reportIncident.id as string;

    // The standby has not replayed the write: the writer is answered by the primary…
    const fromStandbyBefore = await replicaStatements();
    expect(await incidentOf(writer, id)).toEqual({ id, status: 'REPORTED' });
    expect(await replicaStatements()).toBe(fromStandbyBefore);
    // …everyone else by the standby, which does not have it yet.
    expect(await incidentOf(bystander, id)).toBeNull();
    expect(await replicaStatements()).toBeGreaterThan(fromStandbyBefore);

    // Once the standby has replayed it, the writer reads from the standby too.
    await servers.pauseReplay(false);
    await servers.caughtUp();
    const fromStandbyAfter = await replicaStatements();
    expect(await incidentOf(writer, id)).toEqual({ id, status: 'REPORTED' });
    expect(await replicaStatements()).toBeGreaterThan(fromStandbyAfter);
    expect(await incidentOf(bystander, id)).toEqual({ id, status: 'REPORTED' });
  });

  it('writes only to the primary: a mutation through the subgraph never touches the standby', async () => {
    const writer = await tokenFor('STREET_ADMIN', { sub: 'replica-second-writer' });
    const before = await replicaStatements();
    const reported = await postGraphQL(
      subgraph.url,
      `mutation { reportIncident(input: { gridId: "grid-002", category: FIRE_LANE_BLOCKED, description: "primary only",
        location: { lat: 11, lng: 11 }, reporter: { name: "孙九" }, channel: HOTLINE_12345 }) { id status } }`,
      {},
      { token: writer, sign: asRouter('grids') },
    );
    expect(reported.errors).toBeUndefined();
    expect(await replicaStatements()).toBe(before);
  });
});

describe('the launcher', () => {
  it('takes a subgraph database and its read replica from <NAME>_DATABASE_URL and <NAME>_DATABASE_READ_URL', () => {
    const config = readHubEnv({ GRIDS_DATABASE_URL: 'postgres://hub@grids-db:5432/grids', GRIDS_DATABASE_READ_URL: 'postgres://hub@grids-standby:5432/grids' });
    expect(config.subgraphDatabaseUrls).toEqual({ grids: 'postgres://hub@grids-db:5432/grids' });
    expect(config.subgraphDatabaseReadUrls).toEqual({ grids: 'postgres://hub@grids-standby:5432/grids' });
    expect(() => readHubEnv({ CO_BUILDING_DATABASE_READ_URL: 'mysql://nope' })).toThrow(/CO_BUILDING_DATABASE_READ_URL/);
  });
});
