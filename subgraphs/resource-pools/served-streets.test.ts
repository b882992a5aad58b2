import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ANONYMOUS, IN_PROCESS_CALLER, type Caller } from '../../lib/auth/caller.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { execute } from '../../test/support/operations.js';
import { DEFAULT_MATCH_CONFIG } from './domain/matching.js';
import { unavailablePartnerDirectory } from './partner-directory.js';
import { createContext, createServer } from './server.js';
import { createResourcePoolsStore, type DemandRow, type ResourceRow } from './store.js';
import type { ResourcePoolsContext } from './context.js';

/**
 * Resources serving several streets (docs/streets.md) on two streets of its own: matching offers a
 * demand only resources serving its community's street, says why the others are left out, and a
 * resource's served streets are shown and set through checked writes.
 */
const S01 = 'street-t01';
const S02 = 'street-t02';
const NOW = new Date('2026-11-03T02:00:00Z');
let database: TestDatabase;
let apollo: ReturnType<typeof createServer>;

const run = <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, caller: Caller = IN_PROCESS_CALLER) =>
  execute<Data, ResourcePoolsContext>(
    apollo,
    createContext({ db: database.db, clock: () => NOW }, caller, { match: DEFAULT_MATCH_CONFIG, fairMinShare: 0.2, partners: unavailablePartnerDirectory }),
    query,
    variables,
  );

/** A department's care service (no fixed place: within reach of every demand). */
function departmentResource(id: string, streetId: string, servedStreetIds: string[]): ResourceRow {
  return {
    id,
    street_id: streetId,
    served_street_ids: servedStreetIds,
    name: `测试资源 ${id}`,
    description: 'test',
    category: 'CARE_SERVICE',
    sub_kind: 'GENERAL',
    source: 'GOVERNMENT_SERVICE',
    provider_kind: 'DEPARTMENT',
    provider_id: 'department-09',
    capacity_amount: 100,
    capacity_unit: '人次',
    capacity_period: 'MONTH',
    lat: null,
    lng: null,
    address: null,
    availability: [],
  };
}

function openDemand(id: string, communityId: string): DemandRow {
  return {
    id,
    title: '测试需求',
    description: 'test',
    category: 'CARE_SERVICE',
    sub_kind: 'GENERAL',
    community_id: communityId,
    grid_id: null,
    source: 'RESIDENT_ORDER',
    status: 'OPEN',
    created_at: '2026-11-01T00:00:00.000Z',
    lat: 31.9,
    lng: 121.2,
    amount: 1,
    unit: '人次',
    resource_id: null,
    usage_period: null,
    rating: null,
    rating_comment: null,
  };
}

beforeAll(async () => {
  database = await createTestDatabase('resource-pools');
  await createResourcePoolsStore(database.db).insertDataset({
    resources: [
      // Of street 1 only, though listed for a community of street 2 (its served streets decide).
      departmentResource('res-s01-only', S01, [S01]),
      // Of street 1, serving no community of street 2 either.
      departmentResource('res-s01-elsewhere', S01, [S01]),
      // A district resource: home street 1, serving both.
      departmentResource('res-district', S01, [S01, S02]),
      // Of street 2, serving another community there.
      departmentResource('res-s02-next-door', S02, [S02]),
    ],
    resourceCommunities: [
      { resource_id: 'res-s01-only', community_id: 'community-a1' },
      { resource_id: 'res-s01-only', community_id: 'community-b1' },
      { resource_id: 'res-s01-elsewhere', community_id: 'community-a1' },
      { resource_id: 'res-district', community_id: 'community-a1' },
      { resource_id: 'res-district', community_id: 'community-b1' },
      { resource_id: 'res-s02-next-door', community_id: 'community-b2' },
    ],
    demands: [openDemand('demand-in-s01', 'community-a1'), openDemand('demand-in-s02', 'community-b1')],
    demandEvents: [],
    capacityUsage: [],
    communityOffices: [
      { community_id: 'community-a1', office_id: 'office-a', street_id: S01 },
      { community_id: 'community-b1', office_id: 'office-b', street_id: S02 },
      { community_id: 'community-b2', office_id: 'office-b', street_id: S02 },
    ],
  });
  apollo = createServer({ db: database.db });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await database?.drop();
});

const MATCH = `query($id: ID!) { matchCandidates(demandId: $id, first: 10) {
  candidates { resource { id } }
  noCandidateReason
  exclusions(first: 10) { totalCount byReason { reason count } nodes { reason detail resource { id } } } } }`;

interface MatchAnswer {
  matchCandidates: {
    candidates: { resource: { id: string } }[];
    noCandidateReason: string | null;
    exclusions: {
      totalCount: number;
      byReason: { reason: string; count: number }[];
      nodes: { reason: string; detail: string; resource: { id: string } }[];
    };
  };
}

describe('matching respects the streets a resource serves', () => {
  it('offers a demand in street 2 the district resource, never a resource of street 1 only, and says why', async () => {
    const { data, errors } = await run<MatchAnswer>(MATCH, { id: 'demand-in-s02' });
    expect(errors).toBeUndefined();
    const result = data!.matchCandidates;
    expect(result.candidates.map((candidate) => candidate.resource.id)).toEqual(['res-district']);
    expect(result.exclusions.byReason).toEqual([
      { reason: 'NOT_SERVING_COMMUNITY', count: 1 },
      { reason: 'NOT_SERVING_STREET', count: 2 },
    ]);
    expect(result.exclusions.totalCount).toBe(3);
    // Closest first: the street's resource for another community, then the ones of another street.
    expect(result.exclusions.nodes.map((node) => [node.reason, node.resource.id])).toEqual([
      ['NOT_SERVING_COMMUNITY', 'res-s02-next-door'],
      ['NOT_SERVING_STREET', 'res-s01-only'],
      ['NOT_SERVING_STREET', 'res-s01-elsewhere'],
    ]);
    expect(result.exclusions.nodes[1]!.detail).toBe(`serves ${S01} only, not ${S02}`);
  });

  it('offers a demand in street 1 every resource serving it there', async () => {
    const { data, errors } = await run<MatchAnswer>(MATCH, { id: 'demand-in-s01' });
    expect(errors).toBeUndefined();
    expect(data!.matchCandidates.candidates.map((candidate) => candidate.resource.id).sort()).toEqual(['res-district', 'res-s01-elsewhere', 'res-s01-only']);
    // Street 2's resource is of the other street before it is of another community.
    expect(data!.matchCandidates.exclusions.byReason).toEqual([{ reason: 'NOT_SERVING_STREET', count: 1 }]);
  });

  it('a plan across both streets gives the street-2 demand only the district resource', async () => {
    const { data, errors } = await run<{ proposeAllocations: { allocations: { demand: { id: string }; resource: { id: string } }[] } }>(
      `mutation { proposeAllocations(scope: { communityIds: ["community-a1", "community-b1"] }, dryRun: true) {
        allocations { demand { id } resource { id } } } }`,
    );
    expect(errors).toBeUndefined();
    const resourceOf = new Map(data!.proposeAllocations.allocations.map((allocation) => [allocation.demand.id, allocation.resource.id]));
    expect(resourceOf.get('demand-in-s02')).toBe('res-district');
    expect(resourceOf.has('demand-in-s01')).toBe(true);
  });
});

const SERVED = `query($id: ID!) { resource(id: $id) { id street { id } servedStreets { id } } }`;
const SET = `mutation($input: SetResourceServedStreetsInput!) { setResourceServedStreets(input: $input) { id servedStreets { id } } }`;
const admin = (streetId: string | null): Caller => ({ ...ANONYMOUS, role: 'STREET_ADMIN', subject: `admin:${streetId ?? 'any'}`, streetId });

async function servedStreetsOf(id: string): Promise<string[]> {
  const { data } = await run<{ resource: { servedStreets: { id: string }[] } }>(SERVED, { id });
  return data!.resource.servedStreets.map((street) => street.id);
}

describe('Resource.servedStreets and setResourceServedStreets', () => {
  it('shows a resource home street and the streets it serves, and lists the resources serving a street', async () => {
    const { data, errors } = await run(SERVED, { id: 'res-district' });
    expect(errors).toBeUndefined();
    expect(data!.resource).toEqual({ id: 'res-district', street: { id: S01 }, servedStreets: [{ id: S01 }, { id: S02 }] });
    const listed = await run<{ resources: { nodes: { id: string }[] } }>(`{ resources(first: 10, filter: { servesStreetId: "${S02}" }) { nodes { id } } }`);
    expect(listed.data!.resources.nodes.map((node) => node.id)).toEqual(['res-district', 'res-s02-next-door']);
  });

  it.each([
    ['an unknown street', admin(null), { resourceId: 'res-s01-elsewhere', streetIds: [S01, 'street-nowhere'] }, 'BAD_USER_INPUT'],
    ['a list without the home street', admin(null), { resourceId: 'res-s01-elsewhere', streetIds: [S02] }, 'BAD_USER_INPUT'],
    ['no street at all', admin(null), { resourceId: 'res-s01-elsewhere', streetIds: [] }, 'BAD_USER_INPUT'],
    ['an admin of another street', admin(S02), { resourceId: 'res-s01-elsewhere', streetIds: [S01, S02] }, 'FORBIDDEN'],
    [
      'a community worker',
      { ...ANONYMOUS, role: 'COMMUNITY_WORKER', subject: 'w', communityId: 'community-a1' },
      { resourceId: 'res-s01-elsewhere', streetIds: [S01, S02] },
      'FORBIDDEN',
    ],
    [
      'the district platform',
      { ...ANONYMOUS, role: 'DISTRICT_PLATFORM', subject: 'p' },
      { resourceId: 'res-s01-elsewhere', streetIds: [S01, S02] },
      'FORBIDDEN',
    ],
    ['an anonymous caller', ANONYMOUS, { resourceId: 'res-s01-elsewhere', streetIds: [S01, S02] }, 'UNAUTHENTICATED'],
  ] as const)('refuses %s and changes nothing', async (_what, caller, input, code) => {
    const { data, errors } = await run<{ setResourceServedStreets: unknown }>(SET, { input }, caller);
    expect(data?.setResourceServedStreets ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe(code);
    expect(await servedStreetsOf('res-s01-elsewhere')).toEqual([S01]);
  });

  it('refuses an unknown resource with BAD_USER_INPUT, and an unknown one to a role that may not set any with FORBIDDEN', async () => {
    const unknown = await run(SET, { input: { resourceId: 'res-nowhere', streetIds: [S01] } }, admin(S01));
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.resourceId' });
    const worker = await run(SET, { input: { resourceId: 'res-nowhere', streetIds: [S01] } }, { ...ANONYMOUS, role: 'UNIT_MEMBER', subject: 'u', unitId: 'x' });
    expect(worker.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an admin of the home street widens a resource to street 2, and matching offers it there', async () => {
    const { data, errors } = await run(SET, { input: { resourceId: 'res-s01-elsewhere', streetIds: [S02, S01, S02] } }, admin(S01));
    expect(errors).toBeUndefined();
    expect(data!.setResourceServedStreets).toEqual({ id: 'res-s01-elsewhere', servedStreets: [{ id: S01 }, { id: S02 }] });
    // Serving the street is not serving every community of it: still not listed for community-b1.
    const match = await run<MatchAnswer>(MATCH, { id: 'demand-in-s02' });
    const reasons = new Map(match.data!.matchCandidates.exclusions.nodes.map((node) => [node.resource.id, node.reason]));
    expect(reasons.get('res-s01-elsewhere')).toBe('NOT_SERVING_COMMUNITY');
    expect(match.data!.matchCandidates.exclusions.byReason).toEqual([
      { reason: 'NOT_SERVING_COMMUNITY', count: 2 },
      { reason: 'NOT_SERVING_STREET', count: 1 },
    ]);
    await run(SET, { input: { resourceId: 'res-s01-elsewhere', streetIds: [S01] } }, admin(null));
    expect(await servedStreetsOf('res-s01-elsewhere')).toEqual([S01]);
  });
});
