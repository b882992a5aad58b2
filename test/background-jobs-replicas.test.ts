import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { Registry } from 'prom-client';
import { Database } from '../lib/kernel/database.js';
import { asLeader, JobLeader } from '../lib/subgraph/job-leader.js';
import { countOutbox, enqueueOutbox, relayOutboxOnce, type OutboxDelivery, type OutboxRow } from '../lib/subgraph/outbox.js';
import { planStreet } from '../seed/plan.js';
import { generateGridsDataset } from '../seed/grids.js';
import { recordCommitmentOutcomes } from '../subgraphs/co-building/domain/commitment-outcomes.js';
import { coBuildingEventDelivery, creditEventMessage } from '../subgraphs/co-building/events.js';
import { COMMITMENT_OUTCOMES_JOB } from '../subgraphs/co-building/jobs.js';
import { reportIncident, runEscalationPass } from '../subgraphs/grids/domain/incidents.js';
import { createGridsStore } from '../subgraphs/grids/store.js';
import { testPeers } from './support/auth.js';
import { createTestDatabase, testServerUrl, type TestDatabase } from './support/databases.js';
import { startSeededSubgraph, type SeededSubgraph } from './support/seeded-subgraph.js';

/**
 * The background jobs with two instances of a subgraph over one database (two connection pools, as
 * two processes have): the outbox relay and the escalation job share their work by row claims
 * (FOR UPDATE SKIP LOCKED), the commitment job runs on the instance leading it (an advisory lock).
 * Every event is delivered, none twice; no incident is escalated twice; no period judged twice.
 */
const plan = planStreet(1);
const UNIT = plan.units.find((unit) => unit.kind === 'PROPERTY_COMPANY')!.id;
let grids: TestDatabase;
let secondGridsInstance: Database;
let coBuilding: SeededSubgraph;

/** Another instance's pool on the same database. */
const anotherInstance = (url: string, service: string) => new Database({ url, service, registry: new Registry() });

beforeAll(async () => {
  grids = await createTestDatabase('grids');
  await createGridsStore(grids.db).insertDataset({ ...generateGridsDataset(plan), incidents: [], incidentEvents: [] });
  secondGridsInstance = anotherInstance(grids.url, 'grids');
  coBuilding = await startSeededSubgraph('co-building');
});
afterAll(async () => {
  await secondGridsInstance?.close();
  await coBuilding?.stop();
  await grids?.drop();
});

describe('the outbox relay on two instances', () => {
  it('delivers every event once: each instance takes rows the other has not locked', async () => {
    const events = Array.from({ length: 20 }, (_, i) =>
      creditEventMessage(
        { unitId: UNIT, reason: 'RATING_RECEIVED', rating: 5, source: { subgraph: 'grids', type: 'Incident', id: `replica-test-${i}` } },
        new Date('2026-11-01T00:00:00Z'),
      ),
    );
    await grids.db.transaction((tx) => enqueueOutbox(tx, events, new Date('2026-11-01T00:00:00Z')));
    const toCoBuilding = coBuildingEventDelivery(testPeers('grids', { 'co-building': coBuilding.subgraph.url }));
    const delivered: { instance: string; id: number }[] = [];
    // The first instance holds its rows until the second has delivered one of its own: both run at once.
    let secondDelivered = () => undefined as void;
    const secondHasDelivered = new Promise<void>((resolve) => (secondDelivered = resolve));
    const deliveryOf =
      (instance: string, before?: () => Promise<void>): OutboxDelivery =>
      async (row: OutboxRow) => {
        await before?.();
        await toCoBuilding(row);
        delivered.push({ instance, id: row.id });
        if (instance === 'second') secondDelivered();
      };
    const now = new Date('2026-11-02T00:00:00Z');
    const options = { batchSize: 5 };
    await Promise.all([
      relayOutboxOnce(
        grids.db,
        deliveryOf('first', () => secondHasDelivered),
        now,
        options,
      ),
      relayOutboxOnce(secondGridsInstance, deliveryOf('second'), now, options),
    ]);
    for (let pass = 0; pass < 10 && (await countOutbox(grids.db)).pending > 0; pass++) {
      await Promise.all([
        relayOutboxOnce(grids.db, deliveryOf('first'), now, options),
        relayOutboxOnce(secondGridsInstance, deliveryOf('second'), now, options),
      ]);
    }
    expect(await countOutbox(grids.db)).toEqual({ pending: 0, delivered: 20 });
    expect(delivered).toHaveLength(20);
    expect(new Set(delivered.map((delivery) => delivery.id)).size).toBe(20);
    expect(new Set(delivered.map((delivery) => delivery.instance))).toEqual(new Set(['first', 'second']));
    const [received] = await coBuilding.database.db.query<{ count: number }>(
      `SELECT count(*) AS count FROM credit_events WHERE source_id LIKE 'replica-test-%'`,
    );
    expect(received!.count).toBe(20);
  });
});

describe('the escalation job on two instances', () => {
  it('escalates every overdue incident once', async () => {
    const reportedAt = new Date('2026-11-03T00:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const incident = await reportIncident(
        grids.db,
        {
          gridId: 'grid-020',
          category: 'BROKEN_LIFT',
          description: '电梯故障',
          location: { lat: 30 + i * 0.01, lng: 121 },
          reporter: { name: '赵六' },
          channel: 'MINI_PROGRAM',
          responsibleUnitId: UNIT,
        },
        reportedAt,
      );
      ids.push(incident.id);
    }
    const now = new Date('2026-11-20T00:00:00Z'); // every deadline has passed
    const [first, second] = await Promise.all([
      runEscalationPass(grids.db, now, { batchSize: 2 }),
      runEscalationPass(secondGridsInstance, now, { batchSize: 2 }),
    ]);
    expect([...first, ...second].sort()).toEqual([...ids].sort());
    expect(first.filter((id) => second.includes(id))).toEqual([]);
    const perIncident = await grids.db.query<{ incident_id: string; count: number }>(
      `SELECT incident_id, count(*) AS count FROM incident_events WHERE kind = 'ESCALATE' AND incident_id = ANY($1) GROUP BY incident_id`,
      [ids],
    );
    expect(perIncident.map((row) => row.count)).toEqual(ids.map(() => 1));
  });
});

describe('the commitment job on two instances', () => {
  let secondCoBuildingInstance: Database;
  const leaders: JobLeader[] = [];
  beforeAll(() => {
    secondCoBuildingInstance = anotherInstance(coBuilding.database.url, 'co-building');
  });
  afterAll(async () => {
    await Promise.all(leaders.map((leader) => leader.resign()));
    await secondCoBuildingInstance.close();
  });

  it('runs on the instance that leads it; another takes over when the leader is gone', async () => {
    const now = new Date('2026-12-02T00:30:00+08:00');
    const instances = [coBuilding.database.db, secondCoBuildingInstance];
    const [firstLeader, secondLeader] = instances.map((db) => new JobLeader(db, COMMITMENT_OUTCOMES_JOB));
    leaders.push(firstLeader!, secondLeader!);
    const passOf = (leader: JobLeader, db: Database) => asLeader(leader, () => recordCommitmentOutcomes(db, now));
    const passes = await Promise.all([passOf(firstLeader!, instances[0]!)(), passOf(secondLeader!, instances[1]!)()]);
    const ran = passes.filter((created) => created !== undefined);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toBeGreaterThan(0);
    const judged = async () =>
      (await coBuilding.database.db.query<{ count: number }>(`SELECT count(*) AS count FROM credit_events WHERE source_type = 'Commitment'`))[0]!.count;
    expect(await judged()).toBe(ran[0]);
    // The leader keeps the job on its later passes; the other instance keeps skipping.
    const [leader, follower] = passes[0] === undefined ? [secondLeader!, firstLeader!] : [firstLeader!, secondLeader!];
    expect([await leader.lead(), await follower.lead()]).toEqual([true, false]);
    // The leader's process dies: its connection ends, and the lock with it.
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    try {
      const terminated = await admin.query(
        `SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.objsubid = 2 AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = $1)`,
        [new URL(coBuilding.database.url).pathname.slice(1)],
      );
      expect(terminated.rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    await waitFor(async () => await follower.lead());
    expect(await leader.lead()).toBe(false);
    expect(await judged()).toBe(ran[0]);
  });
});

/** Polls `condition` until it holds, for at most 10 s. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
