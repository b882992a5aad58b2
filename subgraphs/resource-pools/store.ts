import { insertRows, type Queryable } from '../../lib/database.js';
import { Conditions, selectPage, type PageRequest } from '../../lib/pagination.js';

export type ResourceCategory =
  | 'VENUE'
  | 'FUNDS'
  | 'VOLUNTEER_SERVICE'
  | 'PROFESSIONAL_SERVICE'
  | 'FACILITY_EQUIPMENT'
  | 'MATERIALS'
  | 'TRAINING_EDUCATION'
  | 'CARE_SERVICE';
export type ResourceSource = 'GOVERNMENT_SERVICE' | 'ENTERPRISE_CSR' | 'CHARITY_FUND';
export type ProviderKind = 'CO_BUILDING_UNIT' | 'DEPARTMENT';
export type CapacityPeriod = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR' | 'ONCE';
export type DemandSource = 'RESIDENT_ORDER' | 'MICRO_WISH' | 'PROBLEM_LIST' | 'KEY_PROJECT';
export type DemandStatus = 'OPEN' | 'DISPATCHED' | 'ACCEPTED' | 'FULFILLED' | 'RATED' | 'CANCELLED' | 'DECLINED' | 'EXPIRED';

/** One element of the `availability` jsonb column, already in the GraphQL shape. */
export interface OpeningHoursEntry {
  dayOfWeek: number;
  opensAt: string;
  closesAt: string;
}

export interface ResourceRow {
  id: string;
  name: string;
  description: string;
  category: ResourceCategory;
  source: ResourceSource;
  provider_kind: ProviderKind;
  provider_id: string;
  capacity_amount: number;
  capacity_unit: string;
  capacity_period: CapacityPeriod;
  lat: number | null;
  lng: number | null;
  address: string | null;
  availability: OpeningHoursEntry[];
}
export interface ResourceCommunityRow {
  resource_id: string;
  community_id: string;
}
/** A resource together with one community it serves (a resource serving three appears three times). */
export interface ServingResourceRow extends ResourceRow {
  served_community_id: string;
}
export interface DemandRow {
  id: string;
  title: string;
  description: string;
  category: ResourceCategory;
  community_id: string;
  grid_id: string | null;
  source: DemandSource;
  status: DemandStatus;
  /** ISO-8601 in UTC with milliseconds, e.g. 2026-10-05T08:30:00.000Z. */
  created_at: string;
}

export interface ResourceFilter {
  category?: ResourceCategory | null;
  source?: ResourceSource | null;
  providerId?: string | null;
  servesCommunityId?: string | null;
  nameContains?: string | null;
}
export interface DemandFilter {
  status?: DemandStatus | null;
  category?: ResourceCategory | null;
  source?: DemandSource | null;
  communityId?: string | null;
}

/** Everything the resource-pools subgraph owns, as the seed generator produces it. */
export interface ResourcePoolsDataset {
  resources: ResourceRow[];
  resourceCommunities: ResourceCommunityRow[];
  demands: DemandRow[];
}

const RESOURCE_COLUMNS =
  'id, name, description, category, source, provider_kind, provider_id, capacity_amount, capacity_unit, capacity_period, lat, lng, address, availability';
// timestamptz would arrive as a Date; the API speaks ISO strings, so PostgreSQL formats it once here.
const DEMAND_COLUMNS = `id, title, description, category, community_id, grid_id, source, status,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at`;

export function createResourcePoolsStore(db: Queryable) {
  return {
    findResourcesByIds(ids: readonly string[]): Promise<ResourceRow[]> {
      return db.query<ResourceRow>(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE id = ANY($1)`, [ids]);
    },

    findResourcesByProviderIds(kind: ProviderKind, providerIds: readonly string[]): Promise<ResourceRow[]> {
      return db.query<ResourceRow>(
        `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE provider_kind = $1 AND provider_id = ANY($2) ORDER BY id`,
        [kind, providerIds],
      );
    },

    findResourcesServingCommunityIds(communityIds: readonly string[]): Promise<ServingResourceRow[]> {
      return db.query<ServingResourceRow>(
        `SELECT ${RESOURCE_COLUMNS.split(', ').map((column) => `r.${column}`).join(', ')}, rc.community_id AS served_community_id
           FROM resource_communities rc JOIN resources r ON r.id = rc.resource_id
          WHERE rc.community_id = ANY($1) ORDER BY r.id`,
        [communityIds],
      );
    },

    findResourceCommunitiesByResourceIds(resourceIds: readonly string[]): Promise<ResourceCommunityRow[]> {
      return db.query<ResourceCommunityRow>(
        'SELECT resource_id, community_id FROM resource_communities WHERE resource_id = ANY($1) ORDER BY community_id',
        [resourceIds],
      );
    },

    findResourcesPage(filter: ResourceFilter, page: PageRequest) {
      const where = new Conditions()
        .add(filter.category, (p) => `category = ${p}`)
        .add(filter.source, (p) => `source = ${p}`)
        .add(filter.providerId, (p) => `provider_id = ${p}`)
        .add(filter.servesCommunityId, (p) => `id IN (SELECT resource_id FROM resource_communities WHERE community_id = ${p})`)
        .add(filter.nameContains, (p) => `strpos(lower(name), lower(${p})) > 0`);
      return selectPage<ResourceRow>(db, 'resources', RESOURCE_COLUMNS, where, page);
    },

    findDemandsByIds(ids: readonly string[]): Promise<DemandRow[]> {
      return db.query<DemandRow>(`SELECT ${DEMAND_COLUMNS} FROM demands WHERE id = ANY($1)`, [ids]);
    },

    findDemandsByCommunityIds(communityIds: readonly string[]): Promise<DemandRow[]> {
      return db.query<DemandRow>(`SELECT ${DEMAND_COLUMNS} FROM demands WHERE community_id = ANY($1) ORDER BY id`, [communityIds]);
    },

    countOpenDemandsByCommunityIds(communityIds: readonly string[]): Promise<{ key: string; value: number }[]> {
      return db.query<{ key: string; value: number }>(
        `SELECT community_id AS key, count(*) AS value FROM demands
          WHERE community_id = ANY($1) AND status = 'OPEN' GROUP BY community_id`,
        [communityIds],
      );
    },

    findDemandsPage(filter: DemandFilter, page: PageRequest) {
      const where = new Conditions()
        .add(filter.status, (p) => `status = ${p}`)
        .add(filter.category, (p) => `category = ${p}`)
        .add(filter.source, (p) => `source = ${p}`)
        .add(filter.communityId, (p) => `community_id = ${p}`);
      return selectPage<DemandRow>(db, 'demands', DEMAND_COLUMNS, where, page);
    },

    async isEmpty(): Promise<boolean> {
      const [row] = await db.query<{ empty: boolean }>(
        'SELECT NOT EXISTS (SELECT 1 FROM resources) AND NOT EXISTS (SELECT 1 FROM demands) AS empty',
      );
      return row?.empty ?? true;
    },

    /** Bulk load, one statement per table, in foreign-key order. */
    async insertDataset(data: ResourcePoolsDataset): Promise<void> {
      await insertRows(db, 'resources', data.resources);
      await insertRows(db, 'resource_communities', data.resourceCommunities);
      await insertRows(db, 'demands', data.demands);
    },
  };
}

export type ResourcePoolsStore = ReturnType<typeof createResourcePoolsStore>;
