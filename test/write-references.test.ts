import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger } from '../lib/kernel/log.js';
import type { PeerName } from '../lib/subgraph/peer-client.js';
import type { StartedSubgraph } from '../lib/subgraph/runtime.js';
import type { SubgraphName } from '../lib/subgraph/names.js';
import { startSubgraphByName } from '../hub/subgraph-modules.js';
import { asRouter, testPeers, testSubgraphTrust, tokenFor } from './support/auth.js';
import { postGraphQL, startTestHub, type GraphQLResponse, type TestHub } from './support/hub.js';
import { SERVICE_CALL_TIMEOUT_MS } from './support/wait.js';

/**
 * Writes check what they refer to with the owner of each entity, across subgraphs (issue #11):
 * `submitDemand` asks grids whether its grid exists and which community it belongs to;
 * `submitServiceReport` asks organisations whether the in-service member exists, works for the unit
 * and lives in the community, and grids whether the community exists, and refuses implausible hours
 * and days. A refusal is BAD_USER_INPUT naming the field and changes nothing; an owner that cannot
 * be reached is DEPENDENCY_UNAVAILABLE (retryable), never an unchecked write. Each finding is run
 * through the gateway and straight against the subgraph (a router signature and a scoped token).
 */

const SUBMIT_DEMAND = `mutation($input: SubmitDemandInput!) { submitDemand(input: $input) { id community { id } grid { id } } }`;
const SUBMIT_REPORT = `mutation($input: SubmitServiceReportInput!) { submitServiceReport(input: $input) { id hours servedOn } }`;

let hub: TestHub;
let admin: string;
/** Grids of two communities, from grids' own data. */
let place: { communityId: string; gridId: string; otherCommunityId: string; otherGridId: string };
/** A unit with a pairing in force today, one of its in-service members and where they live. */
let unit: { id: string; pairedCommunityId: string; pairingStartsOn: string; memberId: string; memberCommunityId: string; otherUnitMemberId: string };

/** Days in China Standard Time, counted back from today: the hub refuses service on days to come. */
function shanghaiDay(daysAgo: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

function refusal(response: GraphQLResponse<unknown>) {
  return { code: response.errors?.[0]?.extensions?.code, field: response.errors?.[0]?.extensions?.field };
}

async function count(name: SubgraphName, table: string): Promise<number> {
  const [row] = await hub.subgraphs[name].db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row!.n;
}

beforeAll(async () => {
  hub = await startTestHub();
  admin = await tokenFor('STREET_ADMIN', { sub: 'references-admin' });
  const grids = await hub.subgraphs.grids.db.query<{ id: string; community_id: string }>(`SELECT id, community_id FROM grids ORDER BY id`);
  const first = grids[0]!;
  const other = grids.find((grid) => grid.community_id !== first.community_id)!;
  place = { communityId: first.community_id, gridId: first.id, otherCommunityId: other.community_id, otherGridId: other.id };

  const today = shanghaiDay(0);
  const pairings = await hub.subgraphs['co-building'].db.query<{ unit_id: string; community_id: string; starts_on: string }>(
    `SELECT unit_id, community_id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on FROM pairings
      WHERE starts_on <= $1::date AND ends_on >= $1::date AND terminated_on IS NULL ORDER BY id`,
    [today],
  );
  const members = await hub.subgraphs.organisations.db.query<{ id: string; in_service_unit_id: string; residence_community_id: string }>(
    `SELECT id, in_service_unit_id, residence_community_id FROM party_members WHERE in_service_unit_id IS NOT NULL ORDER BY id`,
  );
  const pairing = pairings.find((candidate) => members.some((member) => member.in_service_unit_id === candidate.unit_id))!;
  const member = members.find((candidate) => candidate.in_service_unit_id === pairing.unit_id)!;
  const otherUnitMember = members.find((candidate) => candidate.in_service_unit_id !== pairing.unit_id)!;
  unit = {
    id: pairing.unit_id,
    pairedCommunityId: pairing.community_id,
    pairingStartsOn: pairing.starts_on,
    memberId: member.id,
    memberCommunityId: member.residence_community_id,
    otherUnitMemberId: otherUnitMember.id,
  };
});

afterAll(async () => {
  await hub?.stop();
});

describe('submitDemand checks its community and grid with grids', () => {
  const demand = (input: Record<string, unknown>) => ({
    input: { title: '楼道灯坏了', description: '3 幢 2 单元楼道灯不亮', category: 'MATERIALS', source: 'RESIDENT_ORDER', ...input },
  });

  it.each([
    ['an unknown community', () => ({ communityId: 'community-999' }), 'input.communityId'],
    ['an unknown grid', () => ({ communityId: place.communityId, gridId: 'grid-9999' }), 'input.gridId'],
    ['a grid of another community', () => ({ communityId: place.communityId, gridId: place.otherGridId }), 'input.gridId'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, input, field) => {
    const before = await count('resource-pools', 'demands');
    const response = await postGraphQL(hub.gatewayUrl, SUBMIT_DEMAND, demand(input()), { token: admin });
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(response.data?.submitDemand ?? null).toBeNull();
    expect(await count('resource-pools', 'demands')).toBe(before);
  });

  it('accepts a grid of the community, which reads back with both', async () => {
    const response = await postGraphQL(hub.gatewayUrl, SUBMIT_DEMAND, demand({ communityId: place.communityId, gridId: place.gridId }), { token: admin });
    expect(response.errors).toBeUndefined();
    expect(response.data!.submitDemand).toMatchObject({ community: { id: place.communityId }, grid: { id: place.gridId } });
  });

  it('refuses a grid worker whose token pairs its grid with another community (the grid decides the community)', async () => {
    const worker = await tokenFor('GRID_WORKER', { gridId: place.otherGridId, communityId: place.communityId });
    const response = await postGraphQL(hub.gatewayUrl, SUBMIT_DEMAND, demand({ communityId: place.communityId, gridId: place.otherGridId }), { token: worker });
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.gridId' });
  });

  it('refuses the same straight at resource-pools, with a community worker of the claimed community', async () => {
    const worker = await tokenFor('COMMUNITY_WORKER', { communityId: 'community-999' });
    const before = await count('resource-pools', 'demands');
    const response = await postGraphQL(hub.subgraphs['resource-pools'].url, SUBMIT_DEMAND, demand({ communityId: 'community-999' }), {
      token: worker,
      sign: asRouter('resource-pools'),
    });
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.communityId' });
    expect(await count('resource-pools', 'demands')).toBe(before);
  });
});

describe('submitServiceReport checks its member and community with their owners', () => {
  let unitMember: string;
  beforeAll(async () => {
    unitMember = await tokenFor('UNIT_MEMBER', { unitId: unit.id, sub: 'references-unit-member' });
  });
  const report = (input: Record<string, unknown>) => ({
    input: { unitId: unit.id, reporter: 'UNIT', communityId: unit.pairedCommunityId, activity: '环境整治', hours: 2, servedOn: shanghaiDay(1), ...input },
  });
  const memberReport = (input: Record<string, unknown>) =>
    report({ reporter: 'IN_SERVICE_MEMBER', memberId: unit.memberId, communityId: unit.memberCommunityId, ...input });

  it.each([
    ['a member that does not exist', () => memberReport({ memberId: 'ghost-member' }), 'input.memberId'],
    ["another unit's member", () => memberReport({ memberId: unit.otherUnitMemberId }), 'input.memberId'],
    [
      'a community the member does not live in',
      () => memberReport({ communityId: unit.pairedCommunityId === unit.memberCommunityId ? place.otherCommunityId : unit.pairedCommunityId }),
      'input.communityId',
    ],
    ['a community that does not exist', () => memberReport({ communityId: 'community-999' }), 'input.communityId'],
    ['a day before 2000', () => memberReport({ servedOn: '1900-01-01' }), 'input.servedOn'],
    ['a unit report before its pairing started', () => report({ servedOn: '2000-01-01' }), 'input.servedOn'],
    ['a day to come', () => report({ servedOn: shanghaiDay(-2) }), 'input.servedOn'],
    ['24 hours in one report', () => report({ hours: 24 }), 'input.hours'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, input, field) => {
    const before = await count('co-building', 'service_reports');
    const response = await postGraphQL(hub.gatewayUrl, SUBMIT_REPORT, input(), { token: unitMember });
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await count('co-building', 'service_reports')).toBe(before);
  });

  it('refuses a community co-building is paired with but grids does not know', async () => {
    await hub.subgraphs['co-building'].db.query(
      `INSERT INTO pairings (id, unit_id, community_id, starts_on, ends_on) VALUES ('pairing-ghost-community', $1, 'community-ghost', '2020-01-01', '2099-12-31')`,
      [unit.id],
    );
    const response = await postGraphQL(hub.gatewayUrl, SUBMIT_REPORT, report({ communityId: 'community-ghost' }), { token: unitMember });
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.communityId' });
  });

  it('accepts a member report to where they live, and at most 24 hours per member and day', async () => {
    const day = shanghaiDay(3);
    const first = await postGraphQL(hub.gatewayUrl, SUBMIT_REPORT, memberReport({ hours: 12, servedOn: day }), { token: unitMember });
    expect(first.errors).toBeUndefined();
    const second = await postGraphQL(hub.gatewayUrl, SUBMIT_REPORT, memberReport({ hours: 12, servedOn: day, activity: '助老服务' }), { token: unitMember });
    expect(second.errors).toBeUndefined();
    const third = await postGraphQL(hub.gatewayUrl, SUBMIT_REPORT, memberReport({ hours: 0.5, servedOn: day, activity: '文明劝导' }), { token: unitMember });
    expect(refusal(third)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.hours' });
    // Another day is another 24 hours.
    const nextDay = await postGraphQL(hub.gatewayUrl, SUBMIT_REPORT, memberReport({ hours: 0.5, servedOn: shanghaiDay(4) }), { token: unitMember });
    expect(nextDay.errors).toBeUndefined();
  });

  it('keeps a day at 24 hours under concurrent submissions', async () => {
    const day = shanghaiDay(5);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postGraphQL(hub.gatewayUrl, SUBMIT_REPORT, memberReport({ hours: 10, servedOn: day, activity: `并发 ${i}` }), { token: unitMember }),
      ),
    );
    expect(answers.filter((answer) => answer.errors === undefined)).toHaveLength(2);
    expect(answers.filter((answer) => refusal(answer).field === 'input.hours')).toHaveLength(4);
    const [total] = await hub.subgraphs['co-building'].db.query<{ hours: number }>(
      `SELECT sum(hours)::float AS hours FROM service_reports WHERE member_id = $1 AND served_on = $2::date`,
      [unit.memberId, day],
    );
    expect(total!.hours).toBe(20);
  });

  it('counts a unit’s own reports per day the same way', async () => {
    const day = shanghaiDay(6);
    for (const hours of [12, 12]) {
      expect((await postGraphQL(hub.gatewayUrl, SUBMIT_REPORT, report({ hours, servedOn: day }), { token: unitMember })).errors).toBeUndefined();
    }
    expect(refusal(await postGraphQL(hub.gatewayUrl, SUBMIT_REPORT, report({ hours: 1, servedOn: day }), { token: unitMember }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.hours',
    });
  });

  it('refuses a ghost member straight at co-building, with the unit’s own token', async () => {
    const before = await count('co-building', 'service_reports');
    const response = await postGraphQL(hub.subgraphs['co-building'].url, SUBMIT_REPORT, memberReport({ memberId: 'ghost-member' }), {
      token: unitMember,
      sign: asRouter('co-building'),
    });
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.memberId' });
    expect(await count('co-building', 'service_reports')).toBe(before);
  });
});

describe('when the owner of a reference cannot be reached', () => {
  const quiet = createLogger('test', 'error');
  let deadUrl: string;
  /** Where resource-pools finds grids: dead first, the hub's grids once a test brings it back. */
  const resourcePoolsPeers: Partial<Record<PeerName, string>> = {};
  let resourcePools: StartedSubgraph;
  let coBuilding: StartedSubgraph;

  beforeAll(async () => {
    // A port nothing listens on any more: the peer refuses connections.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    deadUrl = `http://127.0.0.1:${port}/graphql`;
    resourcePools = await startSubgraphByName('resource-pools', {
      databaseUrl: hub.databaseUrls['resource-pools'],
      log: quiet,
      trust: await testSubgraphTrust('resource-pools'),
      databaseConnectTimeoutMs: SERVICE_CALL_TIMEOUT_MS,
      peers: testPeers('resource-pools', Object.assign(resourcePoolsPeers, { grids: deadUrl, 'co-building': deadUrl })),
    });
    coBuilding = await startSubgraphByName('co-building', {
      databaseUrl: hub.databaseUrls['co-building'],
      log: quiet,
      trust: await testSubgraphTrust('co-building'),
      databaseConnectTimeoutMs: SERVICE_CALL_TIMEOUT_MS,
      peers: testPeers('co-building', { organisations: deadUrl, grids: deadUrl, 'resource-pools': deadUrl }),
    });
  });
  afterAll(async () => {
    await resourcePools?.close();
    await coBuilding?.close();
  });

  it('submitDemand refuses with DEPENDENCY_UNAVAILABLE (retryable) and writes nothing; the same write with its Idempotency-Key goes through once grids answers', async () => {
    const before = await count('resource-pools', 'demands');
    const input = { title: '测试重试', description: '测试', category: 'MATERIALS', source: 'MICRO_WISH', communityId: place.communityId, gridId: place.gridId };
    const send = () =>
      postGraphQL(
        resourcePools.url,
        SUBMIT_DEMAND,
        { input },
        { token: admin, headers: { 'idempotency-key': 'references-retry-1' }, sign: asRouter('resource-pools') },
      );
    const refused = await send();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', retryable: true, dependency: 'grids' });
    expect(await count('resource-pools', 'demands')).toBe(before);

    resourcePoolsPeers.grids = hub.subgraphs.grids.url;
    try {
      const retried = await send();
      expect(retried.errors).toBeUndefined();
      expect(retried.data!.submitDemand).toMatchObject({ community: { id: place.communityId }, grid: { id: place.gridId } });
      // From now on the key replays that result.
      expect((await send()).data!.submitDemand.id).toBe(retried.data!.submitDemand.id);
      expect(await count('resource-pools', 'demands')).toBe(before + 1);
    } finally {
      resourcePoolsPeers.grids = deadUrl;
    }
  });

  it('submitServiceReport refuses with DEPENDENCY_UNAVAILABLE (retryable) and writes nothing', async () => {
    const before = await count('co-building', 'service_reports');
    const response = await postGraphQL(
      coBuilding.url,
      SUBMIT_REPORT,
      {
        input: {
          unitId: unit.id,
          reporter: 'IN_SERVICE_MEMBER',
          memberId: unit.memberId,
          communityId: unit.memberCommunityId,
          activity: '环境整治',
          hours: 2,
          servedOn: shanghaiDay(1),
        },
      },
      { token: admin, sign: asRouter('co-building') },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', retryable: true });
    expect(await count('co-building', 'service_reports')).toBe(before);
  });
});
