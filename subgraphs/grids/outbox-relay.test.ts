import { asService, testPeers } from '../../test/support/auth.js';
import { startSeededSubgraph, type SeededSubgraph } from '../../test/support/seeded-subgraph.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { postGraphQL } from '../../test/support/hub.js';
import { createLogger } from '../../lib/kernel/log.js';
import { countOutbox, relayOutboxOnce } from '../../lib/subgraph/outbox.js';
import type { StartedSubgraph } from '../../lib/subgraph/runtime.js';
import { planStreet } from '../../seed/plan.js';
import { generateGridsDataset } from '../../seed/grids.js';
import { coBuildingEventDelivery } from '../co-building/events.js';
import { startGridsBackgroundJobs } from './jobs.js';
import { rateIncident, reportIncident, transitionIncident } from './domain/incidents.js';
import { createGridsStore } from './store.js';
import { waitUntil } from '../../test/support/wait.js';

/**
 * The credit outbox end to end, with no mocks: the grids subgraph's database and a real co-building
 * subgraph over HTTP on port 0, on its own seeded database.
 */
const plan = planStreet(1);
const UNIT = plan.units.find((unit) => unit.kind === 'PROPERTY_COMPANY')!.id;
const HOUR = 3_600_000;
/** In-process steps name their actors: the grid raises and checks, the department handles (lib/auth/policy.ts). */
const actorFor = (action: 'DISPATCH' | 'ACCEPT' | 'START' | 'RESOLVE' | 'VERIFY') =>
  action === 'DISPATCH' || action === 'VERIFY' ? 'grid-worker:grid-020' : 'department-staff:department-02';
let grids: TestDatabase;
let coBuilding: StartedSubgraph;
let seeded: SeededSubgraph;
let spot = 0;

async function handledIncident(unitId: string, start: Date, resolveAfterHours: number, rating: number): Promise<string> {
  const t = (hours: number) => new Date(start.getTime() + hours * HOUR);
  spot++;
  const incident = await reportIncident(
    grids.db,
    {
      gridId: 'grid-020',
      category: 'BROKEN_LIFT',
      description: '电梯故障',
      location: { lat: 29 + spot * 0.01, lng: 120 },
      reporter: { name: '赵六' },
      channel: 'MINI_PROGRAM',
      responsibleUnitId: unitId,
    },
    t(0),
  );
  for (const [action, hours] of [
    ['DISPATCH', 1],
    ['ACCEPT', 2],
    ['START', 3],
    ['RESOLVE', resolveAfterHours],
    ['VERIFY', resolveAfterHours + 1],
  ] as const) {
    await transitionIncident(grids.db, { id: incident.id, action, actor: actorFor(action) }, t(hours));
  }
  await rateIncident(grids.db, { id: incident.id, rating, actor: 'grid-worker:grid-020' }, t(resolveAfterHours + 2));
  return incident.id;
}

async function creditOf(unitId: string) {
  const { data, errors } = await postGraphQL(
    coBuilding.url,
    `query($id: ID!) { coBuildingUnit(id: $id) { creditScore { value history { delta reason source { subgraph type id } } } } }`,
    { id: unitId },
    // Straight to the subgraph, as a service of the hub.
    { token: null, sign: asService('test', 'co-building') },
  );
  expect(errors).toBeUndefined();
  return data!.coBuildingUnit.creditScore as {
    value: number;
    history: { delta: number; reason: string; source: { subgraph: string; type: string; id: string } }[];
  };
}

beforeAll(async () => {
  grids = await createTestDatabase('grids');
  await createGridsStore(grids.db).insertDataset({ ...generateGridsDataset(plan), incidents: [], incidentEvents: [] });
  seeded = await startSeededSubgraph('co-building');
  coBuilding = seeded.subgraph;
});
afterAll(async () => {
  await seeded?.stop();
  await grids?.drop();
});

describe('credit events through the transactional outbox', () => {
  it('delivers deadline and rating events to co-building, and a redelivery counts once', async () => {
    const before = await creditOf(UNIT);
    const start = new Date('2026-11-05T00:00:00Z');
    const kept = await handledIncident(UNIT, start, 10, 5); // 48 h deadline: kept
    const missed = await handledIncident(UNIT, start, 60, 2); // missed
    expect(await countOutbox(grids.db)).toEqual({ pending: 4, delivered: 0 });

    const deliver = coBuildingEventDelivery(testPeers('grids', { 'co-building': coBuilding.url }));
    const now = new Date('2026-11-08T00:00:00Z');
    expect(await relayOutboxOnce(grids.db, deliver, now)).toEqual({ delivered: 4, failed: 0 });
    expect(await countOutbox(grids.db)).toEqual({ pending: 0, delivered: 4 });
    expect(await relayOutboxOnce(grids.db, deliver, now)).toEqual({ delivered: 0, failed: 0 });

    const after = await creditOf(UNIT);
    const mine = (id: string) =>
      after.history
        .filter((event) => event.source.id === id)
        .map((event) => `${event.reason}:${event.delta}`)
        .sort();
    expect(mine(kept)).toEqual(['DEADLINE_KEPT:2', 'RATING_RECEIVED:3']);
    expect(mine(missed)).toEqual(['DEADLINE_MISSED:-5', 'RATING_RECEIVED:-2']);
    expect(after.history.find((event) => event.source.id === kept)!.source).toEqual({ subgraph: 'grids', type: 'Incident', id: kept });
    expect(after.value).toBe(before.value + 2 + 3 - 5 - 2);

    // A relay that crashed after delivering but before marking: every row goes out again.
    await grids.db.query('UPDATE outbox SET delivered_at = NULL');
    expect(await relayOutboxOnce(grids.db, deliver, now)).toEqual({ delivered: 4, failed: 0 });
    const redelivered = await creditOf(UNIT);
    expect(redelivered.value).toBe(after.value);
    expect(redelivered.history).toHaveLength(after.history.length);
  });

  it('keeps undeliverable events pending and retries them with back-off', async () => {
    await grids.db.query('UPDATE outbox SET delivered_at = now() WHERE delivered_at IS NULL');
    const start = new Date('2026-11-10T00:00:00Z');
    const id = await handledIncident(UNIT, start, 5, 4);
    const now = new Date('2026-11-11T00:00:00Z');
    // Nothing listens on port 9 of this host: delivery fails.
    const unreachable = coBuildingEventDelivery(testPeers('grids', { 'co-building': 'http://127.0.0.1:9/graphql' }));
    expect(await relayOutboxOnce(grids.db, unreachable, now)).toEqual({ delivered: 0, failed: 2 });
    const rows = await grids.db.query<{ attempts: number; next_attempt_at: Date; last_error: string }>(
      `SELECT attempts, next_attempt_at, last_error FROM outbox WHERE delivered_at IS NULL ORDER BY id`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.attempts).toBe(1);
      expect(row.next_attempt_at.getTime()).toBe(now.getTime() + 1000);
      expect(row.last_error).toMatch(/not reachable/);
    }
    // Not due yet: the relay leaves them alone.
    const deliver = coBuildingEventDelivery(testPeers('grids', { 'co-building': coBuilding.url }));
    expect(await relayOutboxOnce(grids.db, deliver, new Date(now.getTime() + 500))).toEqual({ delivered: 0, failed: 0 });
    // Second failure doubles the wait.
    expect(await relayOutboxOnce(grids.db, unreachable, new Date(now.getTime() + 1000))).toEqual({ delivered: 0, failed: 2 });
    const [second] = await grids.db.query<{ attempts: number; next_attempt_at: Date }>(
      `SELECT attempts, next_attempt_at FROM outbox WHERE delivered_at IS NULL LIMIT 1`,
    );
    expect(second).toEqual({ attempts: 2, next_attempt_at: new Date(now.getTime() + 1000 + 2000) });
    expect(await relayOutboxOnce(grids.db, deliver, new Date(now.getTime() + 3000))).toEqual({ delivered: 2, failed: 0 });
    expect((await creditOf(UNIT)).history.filter((event) => event.source.id === id)).toHaveLength(2);
  });

  it('keeps an event co-building refuses (unknown unit) pending with the error', async () => {
    await reportAndVerifyFor('unit-none');
    const deliver = coBuildingEventDelivery(testPeers('grids', { 'co-building': coBuilding.url }));
    expect(await relayOutboxOnce(grids.db, deliver, new Date('2026-11-20T00:00:00Z'))).toEqual({ delivered: 0, failed: 1 });
    const [row] = await grids.db.query<{ last_error: string }>(`SELECT last_error FROM outbox WHERE delivered_at IS NULL`);
    expect(row!.last_error).toMatch(/no co-building unit unit-none/);
    await grids.db.query(`DELETE FROM outbox WHERE delivered_at IS NULL`);
  });

  it('relays on a timer when co-building is a configured peer (as the subgraph main starts it)', async () => {
    const stop = startGridsBackgroundJobs(
      {
        db: grids.db,
        log: createLogger('test', 'error'),
        clock: () => new Date('2026-11-25T00:00:00Z'),
        peers: testPeers('grids', { 'co-building': coBuilding.url }),
      },
      { outboxRelayIntervalMs: 100, escalationIntervalMs: 600_000 },
    );
    try {
      await handledIncident(UNIT, new Date('2026-11-21T00:00:00Z'), 5, 5);
      await waitUntil('the relay timer has delivered the outbox', async () => (await countOutbox(grids.db)).pending === 0);
    } finally {
      await stop();
    }
  });
});

async function reportAndVerifyFor(unitId: string) {
  const t = new Date('2026-11-15T00:00:00Z');
  spot++;
  const incident = await reportIncident(
    grids.db,
    {
      gridId: 'grid-020',
      category: 'SANITATION',
      description: '垃圾满溢',
      location: { lat: 28 + spot * 0.01, lng: 120 },
      reporter: { name: '钱七' },
      channel: 'GRID_APP',
      responsibleUnitId: unitId,
    },
    t,
  );
  for (const action of ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE', 'VERIFY'] as const) {
    await transitionIncident(grids.db, { id: incident.id, action, actor: actorFor(action) }, t);
  }
}
