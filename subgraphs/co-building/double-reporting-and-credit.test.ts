import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { execute } from '../../test/support/operations.js';
import { startReferenceOwners, type ReferenceOwners } from '../../test/support/owners.js';
import { planStreet } from '../../seed/plan.js';
import { generateCoBuildingDataset } from '../../seed/co-building.js';
import { createCoBuildingStore } from './store.js';
import { createContext, createServer } from './server.js';
import type { CoBuildingContext } from './context.js';
import { recordCommitmentOutcomes } from './domain/commitment-outcomes.js';

let database: TestDatabase;
let apollo: ReturnType<typeof createServer>;
let now = new Date('2026-11-15T12:00:00+08:00');
/** organisations and grids, which a service report's member and community are checked with. */
let owners: ReferenceOwners;
const run = <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>) =>
  execute<Data, CoBuildingContext>(apollo, createContext({ db: database.db, clock: () => now, peers: owners.peersFor('co-building') }), query, variables);

const UNIT = 'unit-test-1';
const PAIRING = 'pairing-test-1';
const COMMUNITY = 'community-01';
const SUBMIT = `mutation($input: SubmitServiceReportInput!) { submitServiceReport(input: $input) { id verified verifiedAt hours servedOn unit { id } community { id } } }`;
const VERIFY = `mutation($input: VerifyServiceReportInput!) { verifyServiceReport(input: $input) { id verified verifiedAt } }`;
const RECORD = `mutation($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) {
  created event { delta reason rating source { subgraph type id } occurredAt validUntil valid } } }`;

async function submit(input: Record<string, unknown>) {
  return run(SUBMIT, { input: { unitId: UNIT, reporter: 'UNIT', communityId: COMMUNITY, activity: '环境整治', hours: 2, servedOn: '2026-11-02', ...input } });
}
async function submitVerified(input: Record<string, unknown>) {
  const { data, errors } = await submit(input);
  expect(errors).toBeUndefined();
  const verified = await run(VERIFY, { input: { id: data!.submitServiceReport.id, verifiedBy: 'worker:community-01' } });
  expect(verified.errors).toBeUndefined();
  return data!.submitServiceReport.id as string;
}
function creditInput(id: string, reason: string, extra: Record<string, unknown> = {}) {
  return { unitId: UNIT, reason, source: { subgraph: 'grids', type: 'Incident', id }, occurredAt: '2026-11-10T00:00:00.000Z', ...extra };
}

/** An in-service member of the test unit, living in community-30 (the organisations subgraph owns members). */
const MEMBER = 'member-test-1';

beforeAll(async () => {
  owners = await startReferenceOwners(['organisations', 'grids']);
  await owners.databases.organisations!.db.query(
    `INSERT INTO party_members (id, organisation_id, name, phone, gender, joined_on, residence_community_id, in_service_unit_id)
     VALUES ($1, 'org-community-30', '赵小兵', '13900003333', 'MALE', '2010-07-01', 'community-30', $2)`,
    [MEMBER, UNIT],
  );
  database = await createTestDatabase('co-building');
  const store = createCoBuildingStore(database.db);
  await store.insertDataset(generateCoBuildingDataset(planStreet(1)));
  await store.insertDataset({
    units: [
      {
        id: UNIT,
        street_id: 'street-haimen',
        served_street_ids: ['street-haimen'],
        name: '测试物业服务有限公司',
        kind: 'PROPERTY_COMPANY',
        lat: 31.9,
        lng: 121.18,
        address: '海门街道测试路1号',
        contact_name: '王小明',
        contact_phone: '13900001111',
      },
    ],
    pairings: [
      {
        id: PAIRING,
        unit_id: UNIT,
        community_id: COMMUNITY,
        starts_on: '2026-01-01',
        ends_on: '2027-12-31',
        commitments: ['每季度开展1次志愿服务', '每年累计服务20小时', '每名党员每年认领2个微心愿'],
        terminated_on: null,
      },
    ],
    serviceReports: [],
    commitments: [
      {
        id: `${PAIRING}-c1`,
        pairing_id: PAIRING,
        position: 0,
        text: '每季度开展1次志愿服务',
        kind: 'SERVICE_ACTIVITIES',
        target: 1,
        unit_of_measure: 'ACTIVITIES',
        period: 'QUARTER',
        per_member: false,
      },
      {
        id: `${PAIRING}-c2`,
        pairing_id: PAIRING,
        position: 1,
        text: '每年累计服务20小时',
        kind: 'SERVICE_HOURS',
        target: 20,
        unit_of_measure: 'HOURS',
        period: 'YEAR',
        per_member: false,
      },
      {
        id: `${PAIRING}-c3`,
        pairing_id: PAIRING,
        position: 2,
        text: '每名党员每年认领2个微心愿',
        kind: 'MICRO_WISHES_ADOPTED',
        target: 2,
        unit_of_measure: 'MICRO_WISHES',
        period: 'YEAR',
        per_member: true,
      },
    ],
  });
  apollo = createServer({ db: database.db });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await owners?.stop();
  await database?.drop();
});

describe('双报到 service reports', () => {
  it('submits a report unverified; the community verifies it once and only then do its hours count', async () => {
    const before = (await run(`{ coBuildingUnit(id: "${UNIT}") { serviceHours } }`)).data!.coBuildingUnit.serviceHours;
    const { data, errors } = await submit({ hours: 3.5, servedOn: '2026-09-01' });
    expect(errors).toBeUndefined();
    const report = data!.submitServiceReport;
    expect(report).toMatchObject({ verified: false, verifiedAt: null, hours: 3.5, servedOn: '2026-09-01', unit: { id: UNIT }, community: { id: COMMUNITY } });
    expect(report.id).toMatch(/^service-report-\d{6}$/);
    expect((await run(`{ coBuildingUnit(id: "${UNIT}") { serviceHours } }`)).data!.coBuildingUnit.serviceHours).toBe(before);

    const verified = await run(VERIFY, { input: { id: report.id, verifiedBy: 'worker:1' } });
    expect(verified.data!.verifyServiceReport).toEqual({ id: report.id, verified: true, verifiedAt: now.toISOString() });
    expect((await run(`{ coBuildingUnit(id: "${UNIT}") { serviceHours } }`)).data!.coBuildingUnit.serviceHours).toBe(before + 3.5);

    const twice = await run(VERIFY, { input: { id: report.id, verifiedBy: 'worker:2' } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    const unknown = await run(VERIFY, { input: { id: 'service-report-x', verifiedBy: 'worker:2' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
  });

  it('lets an in-service member report to the community they live in, a unit only to its paired ones', async () => {
    const member = await submit({ reporter: 'IN_SERVICE_MEMBER', memberId: MEMBER, communityId: 'community-30' });
    expect(member.errors).toBeUndefined();
    for (const [patch, field] of [
      [{ communityId: 'community-30' }, 'input.communityId'],
      [{ reporter: 'IN_SERVICE_MEMBER' }, 'input.memberId'],
      [{ memberId: MEMBER }, 'input.memberId'],
      [{ reporter: 'IN_SERVICE_MEMBER', memberId: 'member-00001', communityId: 'community-30' }, 'input.memberId'],
      [{ reporter: 'IN_SERVICE_MEMBER', memberId: MEMBER, communityId: 'community-31' }, 'input.communityId'],
      [{ hours: 0.3 }, 'input.hours'],
      [{ hours: 12.5 }, 'input.hours'],
      [{ servedOn: '2026-02-30' }, 'input.servedOn'],
      [{ servedOn: '2026-11-16' }, 'input.servedOn'],
      [{ unitId: 'unit-none' }, 'input.unitId'],
      [{ activity: ' ' }, 'input.activity'],
    ] as const) {
      const { errors } = await submit(patch);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('shows commitment progress in the current period from verified reports, and order-based progress from reported fulfilments', async () => {
    await submitVerified({ hours: 3, servedOn: '2026-10-10' });
    await submitVerified({ hours: 5, servedOn: '2026-11-02' });
    await submit({ hours: 8, servedOn: '2026-11-03' }); // not verified: does not count
    const { data, errors } = await run(`{ pairing(id: "${PAIRING}") { agreement { commitments commitmentProgress {
      commitment { text kind target unitOfMeasure period perMember } periodStartsOn periodEndsOn achieved target ratio met } } } }`);
    expect(errors).toBeUndefined();
    const agreement = data!.pairing.agreement;
    expect(agreement.commitments).toEqual(['每季度开展1次志愿服务', '每年累计服务20小时', '每名党员每年认领2个微心愿']);
    const [quarterly, hours, wishes] = agreement.commitmentProgress;
    expect(quarterly).toEqual({
      commitment: { text: '每季度开展1次志愿服务', kind: 'SERVICE_ACTIVITIES', target: 1, unitOfMeasure: 'ACTIVITIES', period: 'QUARTER', perMember: false },
      periodStartsOn: '2026-10-01',
      periodEndsOn: '2026-12-31',
      achieved: 2,
      target: 1,
      ratio: 1,
      met: true,
    });
    // 3.5 h (September, first test) + 3 h + 5 h this year.
    expect(hours).toMatchObject({ periodStartsOn: '2026-01-01', periodEndsOn: '2026-12-31', achieved: 11.5, target: 20, ratio: 0.575, met: false });
    // No order of this unit's resources has been reported fulfilled (order-fulfilments.test.ts counts some).
    expect(wishes).toMatchObject({ achieved: 0, ratio: 0, met: false, target: 2 });
  });

  it('gives every seeded pairing structured commitments matching its texts', async () => {
    const { data } = await run(`{ coBuildingUnits(first: 5) { nodes { pairings { agreement { commitments commitmentProgress { commitment { text } } } } } } }`);
    for (const unit of data!.coBuildingUnits.nodes) {
      for (const pairing of unit.pairings) {
        expect(pairing.agreement.commitmentProgress.map((p: any) => p.commitment.text)).toEqual(pairing.agreement.commitments);
      }
    }
  });
});

describe('duty credit score (履责信用积分)', () => {
  it('records an event once per source and reason, however often it is delivered', async () => {
    const first = await run(RECORD, { input: creditInput('incident-t1', 'DEADLINE_KEPT') });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordCreditEvent).toEqual({
      created: true,
      event: {
        delta: 2,
        reason: 'DEADLINE_KEPT',
        rating: null,
        source: { subgraph: 'grids', type: 'Incident', id: 'incident-t1' },
        occurredAt: '2026-11-10T00:00:00.000Z',
        validUntil: '2027-11-10T00:00:00.000Z',
        valid: true,
      },
    });
    const again = await run(RECORD, { input: creditInput('incident-t1', 'DEADLINE_KEPT', { occurredAt: '2026-11-11T00:00:00.000Z' }) });
    expect(again.data!.recordCreditEvent).toEqual({ ...first.data!.recordCreditEvent, created: false });
    // Ten redeliveries at once: still one.
    const racing = await Promise.all(Array.from({ length: 10 }, () => run(RECORD, { input: creditInput('incident-t2', 'RATING_RECEIVED', { rating: 1 }) })));
    expect(racing.filter((result) => result.data?.recordCreditEvent.created).length).toBe(1);

    const { data } = await run(`{ coBuildingUnit(id: "${UNIT}") { creditScore { value base history { delta reason source { id } } } } }`);
    expect(data!.coBuildingUnit.creditScore).toEqual({
      value: 100 + 2 - 4,
      base: 100,
      history: [
        { delta: -4, reason: 'RATING_RECEIVED', source: { id: 'incident-t2' } },
        { delta: 2, reason: 'DEADLINE_KEPT', source: { id: 'incident-t1' } },
      ],
    });
  });

  it('rejects events it cannot score, naming the field', async () => {
    for (const [input, field] of [
      [creditInput('incident-t3', 'RATING_RECEIVED'), 'input.rating'],
      [creditInput('incident-t3', 'RATING_RECEIVED', { rating: 6 }), 'input.rating'],
      [creditInput('incident-t3', 'DEADLINE_MISSED', { unitId: 'unit-none' }), 'input.unitId'],
      [creditInput('incident-t3', 'DEADLINE_MISSED', { occurredAt: 'yesterday' }), 'input.occurredAt'],
    ] as const) {
      const { errors } = await run(RECORD, { input });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('stops counting events after their validity window', async () => {
    const unitScore = async () => (await run(`{ coBuildingUnit(id: "${UNIT}") { creditScore { value history { valid } } } }`)).data!.coBuildingUnit.creditScore;
    const current = await unitScore();
    now = new Date('2027-12-01T00:00:00Z');
    try {
      const later = await unitScore();
      expect(later.value).toBe(100);
      expect(later.history.length).toBe(current.history.length);
      expect(later.history.every((event: any) => !event.valid)).toBe(true);
    } finally {
      now = new Date('2026-11-15T12:00:00+08:00');
    }
  });

  it('carries the seeded incidents’ credit events, and resolves creditScore through _entities', async () => {
    const [row] = await database.db.query<{ unit_id: string }>(`SELECT unit_id FROM credit_events WHERE source_subgraph = 'grids' ORDER BY unit_id LIMIT 1`);
    expect(row).toBeDefined();
    const { data, errors } = await run(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on CoBuildingUnit { id kind creditScore { value history { source { subgraph type } } } } } }`,
      { representations: [{ __typename: 'CoBuildingUnit', id: row!.unit_id }] },
    );
    expect(errors).toBeUndefined();
    const unit = data!._entities[0];
    expect(unit.kind).toBe('PROPERTY_COMPANY');
    expect(unit.creditScore.history.length).toBeGreaterThan(0);
    expect(unit.creditScore.history.map((event: any) => event.source)).toContainEqual({ subgraph: 'grids', type: 'Incident' });
    expect(typeof unit.creditScore.value).toBe('number');
  });
});

describe('commitment outcomes', () => {
  it('judges the last completed period of each measurable commitment once, as a credit event', async () => {
    const unit = 'unit-test-2';
    const pairing = 'pairing-test-2';
    await createCoBuildingStore(database.db).insertDataset({
      units: [
        {
          id: unit,
          street_id: 'street-haimen',
          served_street_ids: ['street-haimen'],
          name: '测试社会工作服务中心',
          kind: 'SOCIAL_ORGANISATION',
          lat: 31.9,
          lng: 121.18,
          address: '海门街道测试路2号',
          contact_name: '李小红',
          contact_phone: '13900002222',
        },
      ],
      pairings: [
        {
          id: pairing,
          unit_id: unit,
          community_id: 'community-02',
          starts_on: '2026-06-01',
          ends_on: '2027-05-31',
          commitments: ['每月开展2次助老服务', '每年认领微心愿'],
          terminated_on: null,
        },
      ],
      serviceReports: [],
      commitments: [
        {
          id: `${pairing}-c1`,
          pairing_id: pairing,
          position: 0,
          text: '每月开展2次助老服务',
          kind: 'SERVICE_ACTIVITIES',
          target: 2,
          unit_of_measure: 'ACTIVITIES',
          period: 'MONTH',
          per_member: false,
        },
        {
          id: `${pairing}-c2`,
          pairing_id: pairing,
          position: 1,
          text: '每年认领微心愿',
          kind: 'MICRO_WISHES_ADOPTED',
          target: 2,
          unit_of_measure: 'MICRO_WISHES',
          period: 'YEAR',
          per_member: false,
        },
      ],
    });
    // October (the last month completed on 15 November) has one verified service: missed.
    await submitVerified({ unitId: unit, communityId: 'community-02', servedOn: '2026-10-20' });
    await submitVerified({ unitId: unit, communityId: 'community-02', servedOn: '2026-11-03' });
    await recordCommitmentOutcomes(database.db, now);
    expect(await recordCommitmentOutcomes(database.db, now)).toBe(0);
    const { data } = await run(`{ coBuildingUnit(id: "${unit}") { creditScore { value history { delta reason source { subgraph type id } occurredAt } } } }`);
    expect(data!.coBuildingUnit.creditScore).toEqual({
      value: 95,
      history: [
        {
          delta: -5,
          reason: 'COMMITMENT_MISSED',
          source: { subgraph: 'co-building', type: 'Commitment', id: `${pairing}-c1@2026-10-01` },
          occurredAt: '2026-10-31T16:00:00.000Z',
        },
      ],
    });
  });
});
