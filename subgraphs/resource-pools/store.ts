import { readScopeIds, type DirectoryStreet, type ReadScope } from '../../lib/auth/policy.js';
import { directorySql, readScopeSql } from '../../lib/subgraph/read-scope-sql.js';
import { insertRows, upsertByExternalCode, type ExternalCodeUpsert, type Queryable } from '../../lib/kernel/database.js';
import { Conditions, selectPage, type PageRequest } from '../../lib/subgraph/pagination.js';
import type { ResourceCategory, ResourceSource, CapacityPeriod, DemandSource, DemandStatus, DemandEventKind } from './__generated__/resolvers-types.js';

/** The API's enums (codegen from the SDL), the one definition of their values. */
export type { ResourceCategory, ResourceSource, CapacityPeriod, DemandSource, DemandStatus, DemandEventKind };

export type ProviderKind = 'CO_BUILDING_UNIT' | 'DEPARTMENT';

/** One element of the `availability` jsonb column, already in the GraphQL shape. */
export interface OpeningHoursEntry {
  dayOfWeek: number;
  opensAt: string;
  closesAt: string;
}

export interface ResourceRow {
  id: string;
  /** The street the resource belongs to (a reference to grids' streets). */
  street_id: string;
  /**
   * Every street it serves, `street_id` among them (the database adds the home street to a row
   * written without it); which communities of them it serves is resource_communities.
   */
  served_street_ids: string[];
  name: string;
  description: string;
  category: ResourceCategory;
  /** The narrower kind (help_kinds), GENERAL when it names none. */
  sub_kind: string;
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
/**
 * A resource from an imported sheet, keyed by the code it has in the district's ledger. Ledgers name
 * no served streets: a new resource serves its home street, a known one keeps what it serves.
 */
export interface ImportedResourceRow extends Omit<ResourceRow, 'served_street_ids'> {
  external_code: string;
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
  /** The narrower kind (help_kinds), GENERAL when it names none. */
  sub_kind: string;
  community_id: string;
  /**
   * Its community's street (community_offices), read along with the demand and never written; null
   * when the community is not mapped, absent on rows that were not read from the database. A street
   * admin reads and acts only on demands of its street, so a demand without one is no street admin's.
   */
  street_id?: string | null;
  grid_id: string | null;
  source: DemandSource;
  status: DemandStatus;
  /** ISO-8601 in UTC with milliseconds, e.g. 2026-10-05T08:30:00.000Z. */
  created_at: string;
  /** The community's location, copied at submission (matching never asks grids for it). */
  lat: number | null;
  lng: number | null;
  /** How much the demand needs, in `unit`: what its order holds of its resource's capacity (counted in the same unit). */
  amount: number;
  unit: string;
  /** The resource it was dispatched to; set from DISPATCHED on. */
  resource_id: string | null;
  /**
   * capacity_usage.period_start of the capacity the order holds: from dispatch (the dispatch's
   * period) until it is declined, cancelled or expires; moved to the acceptance's period if that is a
   * later one. Null while nothing is held.
   */
  usage_period: string | null;
  rating: number | null;
  rating_comment: string | null;
}

export interface DemandEventRow {
  demand_id: string;
  kind: DemandEventKind;
  from_status: DemandStatus | null;
  to_status: DemandStatus;
  /** The subject shown in the timeline. */
  actor: string;
  /**
   * The actor's identity for separation of duties (lib/auth/policy.ts actorKeyOf); null or absent
   * for jobs, batch allocations and older entries (the policy then compares `actor`).
   */
  actor_key?: string | null;
  note: string | null;
  resource_id: string | null;
  /** ISO-8601 in UTC with milliseconds. */
  occurred_at: string;
}

/** A kind of help (help_kinds): what a demand of it needs unless it says otherwise. */
export interface HelpKindRow {
  category: ResourceCategory;
  sub_kind: string;
  label: string;
  unit: string;
  default_amount: number;
}

/** A rule of category_fits: which kind of resource meets which kind of demand, how well (NULL sub-kind: any). */
export interface CategoryFitRow {
  demand_category: ResourceCategory;
  demand_sub_kind: string | null;
  resource_category: ResourceCategory;
  resource_sub_kind: string | null;
  weight: number;
  note: string;
}

export interface CapacityUsageRow {
  resource_id: string;
  period_start: string;
  used: number;
}

export interface CommunityOfficeRow {
  community_id: string;
  office_id: string;
  street_id: string;
}

/** The columns of a resource that matching needs (a batch plan loads many; the API loads full rows for the few it shows). */
export type PoolRow = Pick<
  ResourceRow,
  | 'id'
  | 'served_street_ids'
  | 'category'
  | 'sub_kind'
  | 'provider_kind'
  | 'provider_id'
  | 'capacity_amount'
  | 'capacity_unit'
  | 'capacity_period'
  | 'lat'
  | 'lng'
>;

/** A resource serving a community with what ranking it needs (store.findRankingPool). */
export interface RankingPoolRow extends ResourceRow {
  /** Capacity used in its current period. */
  used: number;
  /** Orders taken (accepted, fulfilled, rated) per community; null for none. */
  orders: Record<string, number> | null;
  rating_sum: number | null;
  rating_count: number | null;
}

/** A kind of help: a category and a narrower kind within it (help_kinds). */
export interface KindOfHelp {
  category: ResourceCategory;
  subKind: string;
}

/** Degrees of latitude and longitude around a point (store.findReach). */
export interface BoundingBox {
  south: number;
  north: number;
  west: number;
  east: number;
}

/** The fields of a demand the order loop changes. */
export type DemandMutableFields = Pick<DemandRow, 'status' | 'resource_id' | 'usage_period' | 'rating' | 'rating_comment'>;

export interface ResourceFilter {
  /**
   * Set from the caller's directory street (lib/auth/policy.ts directoryStreetOf), not from the API's
   * filter: the resources serving that street (its home street's among them).
   */
  streetId?: string | null;
  category?: ResourceCategory | null;
  source?: ResourceSource | null;
  providerId?: string | null;
  servesCommunityId?: string | null;
  servesStreetId?: string | null;
  nameContains?: string | null;
}
export interface DemandFilter {
  /** Set from the caller's directory street (lib/auth/policy.ts directoryStreetOf): demands of the street's communities. */
  streetId?: string | null;
  status?: DemandStatus | null;
  category?: ResourceCategory | null;
  source?: DemandSource | null;
  communityId?: string | null;
}

/** Everything the resource-pools subgraph owns, as the seed generator produces it. */
/** A street's demand and order figures (district figures, DISTRICT_PLATFORM). */
export interface StreetOrderFiguresRow {
  street_id: string;
  open_demands: number;
  fulfilled_this_month: number;
}

export interface ResourcePoolsDataset {
  resources: ResourceRow[];
  resourceCommunities: ResourceCommunityRow[];
  demands: DemandRow[];
  demandEvents: DemandEventRow[];
  capacityUsage: CapacityUsageRow[];
  communityOffices: CommunityOfficeRow[];
}

/** Kinds of help passed as parallel arrays ($1 categories, $2 sub-kinds, and $3 weights for WEIGHTED_KINDS). */
const KINDS = 'unnest($1::text[], $2::text[]) AS k(category, sub_kind)';
const WEIGHTED_KINDS = 'unnest($1::text[], $2::text[], $3::float8[]) AS k(category, sub_kind, weight)';
const POOL_COLUMNS = 'id, served_street_ids, category, sub_kind, provider_kind, provider_id, capacity_amount, capacity_unit, capacity_period, lat, lng';
const RESOURCE_COLUMNS =
  'id, street_id, served_street_ids, name, description, category, sub_kind, source, provider_kind, provider_id, capacity_amount, capacity_unit, capacity_period, lat, lng, address, availability';
// timestamptz would arrive as a Date; the API speaks ISO strings, so PostgreSQL formats it once here.
const isoUtc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const demandColumns = (t = '') => `${t}id, ${t}title, ${t}description, ${t}category, ${t}sub_kind, ${t}community_id,
  (SELECT co.street_id FROM community_offices co WHERE co.community_id = ${t || 'demands.'}community_id) AS street_id, ${t}grid_id, ${t}source,
  ${t}status, ${isoUtc(`${t}created_at`)} AS created_at, ${t}lat, ${t}lng, ${t}amount, ${t}unit, ${t}resource_id, ${t}usage_period, ${t}rating, ${t}rating_comment`;
const DEMAND_COLUMNS = demandColumns();
const DEMAND_EVENT_COLUMNS = `demand_id, kind, from_status, to_status, actor, actor_key, note, resource_id, ${isoUtc('occurred_at')} AS occurred_at`;
/** Demands whose order counts towards a resource's record (ratings, fairness shares). */
const TAKEN_STATUSES = ['ACCEPTED', 'FULFILLED', 'RATED'];

/** Timeline entries in one statement; ids come from the column's sequence, so insertion order is kept. */
async function insertDemandEventRows(db: Queryable, events: readonly DemandEventRow[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO demand_events (demand_id, kind, from_status, to_status, actor, actor_key, note, resource_id, occurred_at)
     SELECT demand_id, kind, from_status, to_status, actor, actor_key, note, resource_id, occurred_at
       FROM json_populate_recordset(NULL::demand_events, $1::json)`,
    [JSON.stringify(events)],
  );
}

/** provider_ratings from the RATED orders, as migration 010 first filled it. */
async function rebuildProviderRatingRows(db: Queryable): Promise<void> {
  await db.query(
    `INSERT INTO provider_ratings AS p (provider_kind, provider_id, rating_sum, rating_count)
     SELECT r.provider_kind, r.provider_id, sum(d.rating), count(*)
       FROM demands d JOIN resources r ON r.id = d.resource_id
      WHERE d.status = 'RATED'
      GROUP BY r.provider_kind, r.provider_id
     ON CONFLICT (provider_kind, provider_id) DO UPDATE SET rating_sum = EXCLUDED.rating_sum, rating_count = EXCLUDED.rating_count`,
  );
}

export { WHOLE_DISTRICT, type DirectoryStreet } from '../../lib/auth/policy.js';

/** The resources in a directory, at `placeholder` (text): those serving the street, their home street's among them. */
const resourceInDirectorySql = (directory: DirectoryStreet, placeholder: string, alias = 'resources') =>
  directorySql(directory, placeholder, (street) => `${alias}.served_street_ids @> ARRAY[${street}]`);

/** The demands in a directory, at `placeholder` (text): those of the street's communities (an unmapped community's are no street's). */
const demandInDirectorySql = (directory: DirectoryStreet, placeholder: string, alias = 'demands') =>
  directorySql(
    directory,
    placeholder,
    (street) => `${alias}.community_id IN (SELECT co.community_id FROM community_offices co WHERE co.street_id = ${street})`,
  );

/**
 * The orders (demands with a resource) a caller reads as rows, by their parties (read-scope.ts
 * orderParties, the same rule): a condition on `demands d` joined with its resource `r`, whose one
 * parameter, a text[] at `placeholder`, is readScopeIds(scope). District-wide roles all; a street admin
 * those of its street; a community or grid worker those raised in its community or grid; a unit
 * member or department staff those its unit or department provides.
 */
function orderScopeSql(scope: ReadScope, placeholder: string): string {
  return readScopeSql(scope, placeholder, {
    street: (id) => `(SELECT co.street_id FROM community_offices co WHERE co.community_id = d.community_id) = ${id}`,
    community: (id) => `d.community_id = ${id}`,
    grid: (id, communityId) => `d.grid_id = ${id} AND d.community_id = ${communityId}`,
    unit: (id) => `r.provider_kind = 'CO_BUILDING_UNIT' AND r.provider_id = ${id}`,
    department: (id) => `r.provider_kind = 'DEPARTMENT' AND r.provider_id = ${id}`,
  });
}

export function createResourcePoolsStore(db: Queryable) {
  return {
    /** Writes and matching read every resource (WHOLE_DISTRICT); a request's loaders its caller's directory. */
    findResourcesByIds(ids: readonly string[], directory: DirectoryStreet): Promise<ResourceRow[]> {
      return db.query<ResourceRow>(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE id = ANY($1) AND ${resourceInDirectorySql(directory, '$2')}`, [
        ids,
        directory,
      ]);
    },

    findResourcesByProviderIds(kind: ProviderKind, providerIds: readonly string[], directory: DirectoryStreet): Promise<ResourceRow[]> {
      return db.query<ResourceRow>(
        `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE provider_kind = $1 AND provider_id = ANY($2) AND ${resourceInDirectorySql(directory, '$3')} ORDER BY id`,
        [kind, providerIds, directory],
      );
    },

    findResourcesServingCommunityIds(communityIds: readonly string[], directory: DirectoryStreet): Promise<ServingResourceRow[]> {
      return db.query<ServingResourceRow>(
        `SELECT ${RESOURCE_COLUMNS.split(', ')
          .map((column) => `r.${column}`)
          .join(', ')}, rc.community_id AS served_community_id
           FROM resource_communities rc JOIN resources r ON r.id = rc.resource_id
          WHERE rc.community_id = ANY($1) AND ${resourceInDirectorySql(directory, '$2', 'r')} ORDER BY r.id`,
        [communityIds, directory],
      );
    },

    /**
     * The resources of these kinds serving a community, each with what ranking it needs, in one
     * statement: the capacity used in its current period (`periodStarts`: the key of each kind of
     * period now), the orders it has taken per community, and its provider's rating summary. The
     * community's resources of other kinds are only counted (findReach) and read when a
     * page of exclusions reaches them (findResourcesServingCommunityNotOfKinds): a demand's kinds are
     * a tenth of a community's resources, and each row read here costs four index lookups.
     */
    findRankingPool(
      communityId: string,
      kinds: readonly KindOfHelp[],
      periodStarts: Readonly<Record<Exclude<CapacityPeriod, 'ONCE'>, string>>,
    ): Promise<RankingPoolRow[]> {
      if (kinds.length === 0) return Promise.resolve([]);
      // The kinds are told apart in the indexes alone (resource_communities_community_resource,
      // resources_id_kind, migration 014): MATERIALIZED keeps PostgreSQL from merging the two reads
      // of resources into one that visits the table for every resource of the community, and the
      // kinds as one key per resource keep it probing by id (joined to the kinds, it hashed every
      // resource of the kinds in the city instead).
      return db.query<RankingPoolRow>(
        `WITH mine AS MATERIALIZED (
           SELECT rc.resource_id FROM resource_communities rc JOIN resources k ON k.id = rc.resource_id
            WHERE rc.community_id = $1 AND k.category || ' ' || k.sub_kind = ANY ($7::text[]))
         SELECT ${RESOURCE_COLUMNS.split(', ')
           .map((column) => `r.${column}`)
           .join(', ')},
                coalesce((SELECT u.used FROM capacity_usage u
                           WHERE u.resource_id = r.id
                             AND u.period_start = CASE r.capacity_period WHEN 'DAY' THEN $2 WHEN 'WEEK' THEN $3 WHEN 'MONTH' THEN $4 WHEN 'YEAR' THEN $5 ELSE 'ONCE' END), 0) AS used,
                (SELECT json_object_agg(o.community_id, o.count) FROM (
                   SELECT d.community_id, count(*)::int AS count FROM demands d
                    WHERE d.resource_id = r.id AND d.status = ANY($6) GROUP BY d.community_id) o) AS orders,
                p.rating_sum, p.rating_count
           FROM mine
           JOIN resources r ON r.id = mine.resource_id
           LEFT JOIN provider_ratings p ON p.provider_kind = r.provider_kind AND p.provider_id = r.provider_id
          ORDER BY r.id`,
        [
          communityId,
          periodStarts.DAY,
          periodStarts.WEEK,
          periodStarts.MONTH,
          periodStarts.YEAR,
          TAKEN_STATUSES,
          kinds.map((kind) => `${kind.category} ${kind.subKind}`),
        ],
      );
    },

    /** The resources serving a community that are of none of these kinds (a ranking's WRONG_CATEGORY exclusions), by id. */
    findResourcesServingCommunityNotOfKinds(communityId: string, kinds: readonly KindOfHelp[]): Promise<ResourceRow[]> {
      return db.query<ResourceRow>(
        `SELECT ${RESOURCE_COLUMNS.split(', ')
          .map((column) => `r.${column}`)
          .join(', ')}
           FROM resource_communities rc JOIN resources r ON r.id = rc.resource_id
          WHERE rc.community_id = $3
            AND NOT EXISTS (SELECT 1 FROM ${KINDS} WHERE k.category = r.category AND k.sub_kind = r.sub_kind)
          ORDER BY r.id`,
        [kinds.map((kind) => kind.category), kinds.map((kind) => kind.subKind), communityId],
      );
    },

    /** The category fit rules and the kinds of help, in one statement (a ranking needs both). */
    async findFitsAndKinds(): Promise<{ fits: CategoryFitRow[]; kinds: HelpKindRow[] }> {
      const [row] = await db.query<{ fits: (Omit<CategoryFitRow, 'weight'> & { weight: number | string })[] | null; kinds: HelpKindRow[] | null }>(
        `SELECT (SELECT json_agg(f ORDER BY f.id) FROM (SELECT id, demand_category, demand_sub_kind, resource_category, resource_sub_kind, weight, note FROM category_fits) f) AS fits,
                (SELECT json_agg(k ORDER BY k.category, k.sub_kind) FROM (SELECT category, sub_kind, label, unit, default_amount FROM help_kinds) k) AS kinds`,
      );
      return {
        fits: (row?.fits ?? []).map(({ demand_category, demand_sub_kind, resource_category, resource_sub_kind, weight, note }) => ({
          demand_category,
          demand_sub_kind,
          resource_category,
          resource_sub_kind,
          weight: Number(weight),
          note,
        })),
        kinds: row?.kinds ?? [],
      };
    },

    findResourceCommunitiesByResourceIds(resourceIds: readonly string[]): Promise<ResourceCommunityRow[]> {
      return db.query<ResourceCommunityRow>('SELECT resource_id, community_id FROM resource_communities WHERE resource_id = ANY($1) ORDER BY community_id', [
        resourceIds,
      ]);
    },

    findResourcesPage(filter: ResourceFilter, page: PageRequest) {
      const where = new Conditions()
        .add(filter.streetId, (p) => resourceInDirectorySql(filter.streetId ?? null, p))
        .add(filter.category, (p) => `category = ${p}`)
        .add(filter.source, (p) => `source = ${p}`)
        .add(filter.providerId, (p) => `provider_id = ${p}`)
        .add(filter.servesCommunityId, (p) => `id IN (SELECT resource_id FROM resource_communities WHERE community_id = ${p})`)
        .add(filter.servesStreetId, (p) => `served_street_ids @> ARRAY[${p}::text]`)
        .add(filter.nameContains, (p) => `strpos(lower(name), lower(${p})) > 0`);
      return selectPage<ResourceRow>(db, 'resources', RESOURCE_COLUMNS, where, page);
    },

    findDemandsByIds(ids: readonly string[], directory: DirectoryStreet): Promise<DemandRow[]> {
      return db.query<DemandRow>(`SELECT ${DEMAND_COLUMNS} FROM demands WHERE id = ANY($1) AND ${demandInDirectorySql(directory, '$2')}`, [ids, directory]);
    },

    findDemandsByCommunityIds(communityIds: readonly string[], directory: DirectoryStreet): Promise<DemandRow[]> {
      return db.query<DemandRow>(
        `SELECT ${DEMAND_COLUMNS} FROM demands WHERE community_id = ANY($1) AND ${demandInDirectorySql(directory, '$2')} ORDER BY id`,
        [communityIds, directory],
      );
    },

    countOpenDemandsByCommunityIds(communityIds: readonly string[], directory: DirectoryStreet): Promise<{ key: string; value: number }[]> {
      return db.query<{ key: string; value: number }>(
        `SELECT community_id AS key, count(*) AS value FROM demands
          WHERE community_id = ANY($1) AND status = 'OPEN' AND ${demandInDirectorySql(directory, '$2')} GROUP BY community_id`,
        [communityIds, directory],
      );
    },

    findDemandsPage(filter: DemandFilter, page: PageRequest) {
      const where = new Conditions()
        .add(filter.streetId, (p) => demandInDirectorySql(filter.streetId ?? null, p))
        .add(filter.status, (p) => `status = ${p}`)
        .add(filter.category, (p) => `category = ${p}`)
        .add(filter.source, (p) => `source = ${p}`)
        .add(filter.communityId, (p) => `community_id = ${p}`);
      return selectPage<DemandRow>(db, 'demands', DEMAND_COLUMNS, where, page);
    },

    findDemandEventsByDemandIds(demandIds: readonly string[]): Promise<DemandEventRow[]> {
      return db.query<DemandEventRow>(`SELECT ${DEMAND_EVENT_COLUMNS} FROM demand_events WHERE demand_id = ANY($1) ORDER BY demand_id, occurred_at, id`, [
        demandIds,
      ]);
    },

    /** Demands dispatched to resources of these providers (a provider's orders) that the caller reads (orderScopeSql), with the provider id. */
    findOrdersByProviderIds(kind: ProviderKind, providerIds: readonly string[], scope: ReadScope): Promise<(DemandRow & { provider_id: string })[]> {
      return db.query<DemandRow & { provider_id: string }>(
        `SELECT ${demandColumns('d.')}, r.provider_id
           FROM demands d JOIN resources r ON r.id = d.resource_id
          WHERE r.provider_kind = $1 AND r.provider_id = ANY($2) AND ${orderScopeSql(scope, '$3')} ORDER BY d.id`,
        [kind, providerIds, readScopeIds(scope)],
      );
    },

    /** Capacity used per (resource, period) pair; pairs without a row have used none. */
    findCapacityUsage(pairs: readonly { resourceId: string; periodStart: string }[]): Promise<CapacityUsageRow[]> {
      return db.query<CapacityUsageRow>(
        `SELECT u.resource_id, u.period_start, u.used FROM capacity_usage u
           JOIN unnest($1::text[], $2::text[]) AS p(resource_id, period_start) USING (resource_id, period_start)`,
        [pairs.map((pair) => pair.resourceId), pairs.map((pair) => pair.periodStart)],
      );
    },

    /**
     * Holds capacity of resources, each `amount` in one period, all in one statement: a conditional
     * upsert per row, so two transactions (in any process) racing for the last unit serialise on the
     * usage row and the second one sees the first one's increment. Returns the resource ids whose
     * hold was taken (a hold that would exceed the resource's capacity is not); a batch rolls back
     * unless all were. One row per resource and period; rows are taken in resource order, so two
     * batches holding overlapping resources cannot deadlock.
     */
    async holdCapacity(holds: readonly { resourceId: string; periodStart: string; amount: number }[]): Promise<string[]> {
      if (holds.length === 0) return [];
      const rows = await db.query<{ resource_id: string }>(
        `INSERT INTO capacity_usage AS u (resource_id, period_start, used)
         SELECT h.resource_id, h.period_start, h.amount
           FROM json_to_recordset($1::json) AS h(resource_id text, period_start text, amount int)
           JOIN resources r ON r.id = h.resource_id
          WHERE h.amount <= r.capacity_amount ORDER BY h.resource_id, h.period_start
         ON CONFLICT (resource_id, period_start) DO UPDATE SET used = u.used + EXCLUDED.used
          WHERE u.used + EXCLUDED.used <= (SELECT r.capacity_amount FROM resources r WHERE r.id = u.resource_id)
         RETURNING u.resource_id`,
        [JSON.stringify(holds.map((hold) => ({ resource_id: hold.resourceId, period_start: hold.periodStart, amount: hold.amount })))],
      );
      return rows.map((row) => row.resource_id);
    },

    /** Gives back what an order held (declined, cancelled, expired, or moved to another period). */
    async releaseCapacity(resourceId: string, periodStart: string, amount: number): Promise<void> {
      await db.query('UPDATE capacity_usage SET used = greatest(0, used - $3) WHERE resource_id = $1 AND period_start = $2', [resourceId, periodStart, amount]);
    },

    /**
     * How many resources of these kinds are within reach: inside the box around the demand or
     * without a fixed place (delivered wherever they are needed); every one of them when `near` is
     * null. `servingStreet`: how many of them serve `streetId` (all of them when it is null).
     * `servingCommunity`: how many resources of any kind serve `communityId` (an index-only count).
     * `closest`: the first `closest` of those serving the street but not the community, in the order
     * of findClosestResourcesInReach — a ranking's default first page of exclusions reaches them.
     * One statement: the count's index-only scans (resources_kind_place, resources_kind_placeless,
     * which include the served streets) pass every resource within reach once; the few hundred
     * serving the street are gathered on the way (arrays, not a materialised copy of the thousands
     * counted), and the closest are sorted out of them rather than scanned for again.
     */
    async findReach(
      kinds: readonly (KindOfHelp & { weight: number })[],
      /** Where the demand is and the box around it; null for a demand without a place (then every resource is within reach). */
      near: { from: { lat: number; lng: number }; box: BoundingBox } | null,
      streetId: string | null,
      communityId: string,
      closest: number,
    ): Promise<{ total: number; servingStreet: number; servingCommunity: number; closest: ResourceRow[] }> {
      // Worked out only for the rows serving the street (a few hundred of the thousands counted).
      const distance = near === null ? '0' : '(x.lat - $7) ^ 2 + ((x.lng - $8) * cos(radians($7))) ^ 2';
      const placed = near === null ? 'r.lat IS NOT NULL' : 'r.lat BETWEEN $9 AND $10 AND r.lng BETWEEN $11 AND $12';
      // $6 is always sent (null: every resource serves), so its type is known to the statement in both forms.
      const serving = '($6::text IS NULL OR $6::text = ANY (r.served_street_ids))';
      const rows = await db.query<ResourceRow & { total: number; serving_street: number; serving_community: number }>(
        `WITH counts AS (
           SELECT count(*)::int AS total, count(*) FILTER (WHERE serving)::int AS serving_street,
                  array_agg(id) FILTER (WHERE serving) AS ids, array_agg(weight) FILTER (WHERE serving) AS weights,
                  array_agg(lat) FILTER (WHERE serving) AS lats, array_agg(lng) FILTER (WHERE serving) AS lngs
             FROM (SELECT r.id, k.weight, r.lat, r.lng, ${serving} AS serving
                     FROM ${WEIGHTED_KINDS} JOIN resources r ON r.category = k.category AND r.sub_kind = k.sub_kind WHERE ${placed}
                   UNION ALL
                   SELECT r.id, k.weight, NULL, NULL, ${serving}
                     FROM ${WEIGHTED_KINDS} JOIN resources r ON r.category = k.category AND r.sub_kind = k.sub_kind WHERE r.lat IS NULL) in_reach),
         closest AS (
           SELECT x.id, x.weight, x.lat IS NULL AS placeless, CASE WHEN x.lat IS NULL THEN 0 ELSE ${distance} END AS d
             FROM counts, unnest(counts.ids, counts.weights, counts.lats, counts.lngs) AS x(id, weight, lat, lng)
            WHERE NOT EXISTS (SELECT 1 FROM resource_communities rc WHERE rc.resource_id = x.id AND rc.community_id = $4)
            ORDER BY weight DESC, placeless, d, id LIMIT $5)
         SELECT counts.total, counts.serving_street,
                (SELECT count(*)::int FROM resource_communities rc WHERE rc.community_id = $4) AS serving_community, ${RESOURCE_COLUMNS.split(', ')
                  .map((column) => `r.${column}`)
                  .join(', ')}
           FROM counts
           LEFT JOIN (closest c JOIN resources r ON r.id = c.id) ON true
          ORDER BY c.weight DESC, c.placeless, c.d, c.id`,
        [
          kinds.map((kind) => kind.category),
          kinds.map((kind) => kind.subKind),
          kinds.map((kind) => kind.weight),
          communityId,
          closest,
          streetId,
          ...(near === null ? [] : [near.from.lat, near.from.lng, near.box.south, near.box.north, near.box.west, near.box.east]),
        ],
      );
      const [first] = rows;
      return {
        total: first?.total ?? 0,
        servingStreet: first?.serving_street ?? 0,
        servingCommunity: first?.serving_community ?? 0,
        closest: rows
          .filter((row) => row.id !== null)
          .map(({ total: _total, serving_street: _street, serving_community: _community, ...resource }) => resource),
      };
    },

    /**
     * Resources of these kinds within reach (as findReach) not serving `exceptCommunityId`, closest
     * first — the better fit, then the nearer (squared equirectangular distance, which orders like the
     * great-circle one at a city's size), resources without a place last, then by id — `limit` of
     * them from `offset`. The order is worked out from the indexes alone; only the rows shown are read.
     */
    findClosestResourcesInReach(
      kinds: readonly (KindOfHelp & { weight: number })[],
      /** Where the demand is and the box around it; null for a demand without a place (then every resource is within reach). */
      near: { from: { lat: number; lng: number }; box: BoundingBox } | null,
      /** Its resources are ranked apart; probed per row that passed the other conditions (an array of their ids cost milliseconds to plan). */
      exceptCommunityId: string,
      /** Only those serving the street (`serving` true) or only those not serving it; null: either. */
      street: { id: string; serving: boolean } | null,
      offset: number,
      limit: number,
    ): Promise<ResourceRow[]> {
      if (kinds.length === 0 || limit === 0) return Promise.resolve([]);
      const distance = near === null ? '0' : '(r.lat - $8) ^ 2 + ((r.lng - $9) * cos(radians($8))) ^ 2';
      const placed = near === null ? 'r.lat IS NOT NULL' : 'r.lat BETWEEN $10 AND $11 AND r.lng BETWEEN $12 AND $13';
      // $7 is always sent (null: either), so its type is known to the statement in both forms.
      const streetCondition = `($7::text IS NULL OR ($7::text = ANY (r.served_street_ids)) = ${street?.serving === false ? 'false' : 'true'})`;
      return db.query<ResourceRow>(
        `WITH closest AS (
           SELECT id, weight, placeless, d FROM (
             SELECT r.id, k.weight, false AS placeless, ${distance} AS d
               FROM ${WEIGHTED_KINDS} JOIN resources r ON r.category = k.category AND r.sub_kind = k.sub_kind WHERE ${placed} AND ${streetCondition}
             UNION ALL
             SELECT r.id, k.weight, true, 0
               FROM ${WEIGHTED_KINDS} JOIN resources r ON r.category = k.category AND r.sub_kind = k.sub_kind WHERE r.lat IS NULL AND ${streetCondition}
           ) x
           WHERE NOT EXISTS (SELECT 1 FROM resource_communities rc WHERE rc.resource_id = x.id AND rc.community_id = $4)
           ORDER BY weight DESC, placeless, d, id OFFSET $5 LIMIT $6)
         SELECT ${RESOURCE_COLUMNS.split(', ')
           .map((column) => `r.${column}`)
           .join(', ')}
           FROM closest c JOIN resources r ON r.id = c.id
          ORDER BY c.weight DESC, c.placeless, c.d, c.id`,
        [
          kinds.map((kind) => kind.category),
          kinds.map((kind) => kind.subKind),
          kinds.map((kind) => kind.weight),
          exceptCommunityId,
          offset,
          limit,
          street?.id ?? null,
          ...(near === null ? [] : [near.from.lat, near.from.lng, near.box.south, near.box.north, near.box.west, near.box.east]),
        ],
      );
    },

    /**
     * The resources of these kinds serving any of these communities, with the columns matching needs,
     * and which of the communities each serves: a batch plan's pool, in one indexed statement.
     */
    async findPoolForCommunities(
      kinds: readonly KindOfHelp[],
      communityIds: readonly string[],
      /** The streets of the communities: resources serving none of them are left out; null: none left out. */
      streetIds: readonly string[] | null,
    ): Promise<{ resources: PoolRow[]; links: ResourceCommunityRow[] }> {
      if (kinds.length === 0 || communityIds.length === 0) return { resources: [], links: [] };
      // Each resource once with its columns, and the (resource, community) links apart: a resource
      // serves several communities, and its columns need not travel once per link.
      const rows = await db.query<PoolRow & { communities: string[] }>(
        `SELECT ${POOL_COLUMNS.split(', ')
          .map((column) => `r.${column}`)
          .join(', ')}, s.communities
           FROM (SELECT rc.resource_id, array_agg(rc.community_id) AS communities
                   FROM resource_communities rc WHERE rc.community_id = ANY($1) GROUP BY rc.resource_id) s
           JOIN resources r ON r.id = s.resource_id
           JOIN unnest($2::text[], $3::text[]) AS k(category, sub_kind) ON r.category = k.category AND r.sub_kind = k.sub_kind
          WHERE $4::text[] IS NULL OR r.served_street_ids && $4::text[]`,
        [communityIds, kinds.map((kind) => kind.category), kinds.map((kind) => kind.subKind), streetIds],
      );
      const links: ResourceCommunityRow[] = [];
      const resources = rows.map(({ communities, ...resource }) => {
        for (const communityId of communities) links.push({ resource_id: resource.id, community_id: communityId });
        return resource;
      });
      return { resources, links };
    },

    /** Sum and count of ratings of RATED orders per provider (provider_ratings). */
    findRatingsByProviderIds(providerIds: readonly string[]): Promise<{ provider_kind: ProviderKind; provider_id: string; sum: number; count: number }[]> {
      return db.query(`SELECT provider_kind, provider_id, rating_sum AS sum, rating_count AS count FROM provider_ratings WHERE provider_id = ANY($1)`, [
        providerIds,
      ]);
    },

    /** Counts one more rated order of the provider (rateOrder, in the rating's transaction). */
    async addProviderRating(kind: ProviderKind, providerId: string, rating: number): Promise<void> {
      await db.query(
        `INSERT INTO provider_ratings AS p (provider_kind, provider_id, rating_sum, rating_count) VALUES ($1, $2, $3, 1)
         ON CONFLICT (provider_kind, provider_id) DO UPDATE SET rating_sum = p.rating_sum + EXCLUDED.rating_sum, rating_count = p.rating_count + 1`,
        [kind, providerId, rating],
      );
    },

    /** provider_ratings recomputed from the orders (after a bulk load of rated orders). */
    rebuildProviderRatings(): Promise<void> {
      return rebuildProviderRatingRows(db);
    },

    /** Orders taken per (resource, community), for the fairness term. */
    findOrderCountsByResourceIds(resourceIds: readonly string[]): Promise<{ resource_id: string; community_id: string; count: number }[]> {
      return db.query(
        `SELECT resource_id, community_id, count(*) AS count FROM demands
          WHERE resource_id = ANY($1) AND status = ANY($2) GROUP BY resource_id, community_id`,
        [resourceIds, TAKEN_STATUSES],
      );
    },

    /** Matching reads every open demand (WHOLE_DISTRICT); a request's loaders its caller's directory. */
    findOpenDemandsByCommunityIds(communityIds: readonly string[], directory: DirectoryStreet): Promise<DemandRow[]> {
      return db.query<DemandRow>(
        `SELECT ${DEMAND_COLUMNS} FROM demands WHERE status = 'OPEN' AND community_id = ANY($1) AND ${demandInDirectorySql(directory, '$2')} ORDER BY id`,
        [communityIds, directory],
      );
    },

    /** numeric arrives as text; the weights are small decimals, exact as a JS number. */
    async findCategoryFits(): Promise<CategoryFitRow[]> {
      const rows = await db.query<Omit<CategoryFitRow, 'weight'> & { weight: string }>(
        'SELECT demand_category, demand_sub_kind, resource_category, resource_sub_kind, weight, note FROM category_fits ORDER BY id',
      );
      return rows.map((row) => ({ ...row, weight: Number(row.weight) }));
    },

    findHelpKinds(): Promise<HelpKindRow[]> {
      return db.query<HelpKindRow>('SELECT category, sub_kind, label, unit, default_amount FROM help_kinds ORDER BY category, sub_kind');
    },

    /** Which of these streets this subgraph knows a community of (its copy of the community → street mapping). */
    async findKnownStreetIds(streetIds: readonly string[]): Promise<string[]> {
      const rows = await db.query<{ street_id: string }>('SELECT DISTINCT street_id FROM community_offices WHERE street_id = ANY($1) ORDER BY street_id', [
        streetIds,
      ]);
      return rows.map((row) => row.street_id);
    },

    /** The street of each of these communities this subgraph knows (its copy of the community → street mapping). */
    async findStreetIdsOfCommunities(communityIds: readonly string[]): Promise<Map<string, string>> {
      const rows = await db.query<{ community_id: string; street_id: string }>(
        'SELECT community_id, street_id FROM community_offices WHERE community_id = ANY($1)',
        [communityIds],
      );
      return new Map(rows.map((row) => [row.community_id, row.street_id]));
    },

    /** The resource, locked for the rest of the transaction. */
    async lockResource(id: string): Promise<ResourceRow | null> {
      const [row] = await db.query<ResourceRow>(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE id = $1 FOR UPDATE`, [id]);
      return row ?? null;
    },

    async updateResourceServedStreets(id: string, streetIds: readonly string[]): Promise<ResourceRow> {
      const [row] = await db.query<ResourceRow>(`UPDATE resources SET served_street_ids = $2 WHERE id = $1 RETURNING ${RESOURCE_COLUMNS}`, [id, streetIds]);
      if (!row) throw new Error(`resource ${id} vanished inside its transaction`);
      return row;
    },

    async findCommunityIdsByOfficeId(officeId: string): Promise<string[]> {
      const rows = await db.query<{ community_id: string }>('SELECT community_id FROM community_offices WHERE office_id = $1 ORDER BY community_id', [
        officeId,
      ]);
      return rows.map((row) => row.community_id);
    },

    /** The demand, locked for the rest of the transaction (the order loop's writes serialise on it). */
    async lockDemand(id: string): Promise<DemandRow | null> {
      const [row] = await db.query<DemandRow>(`SELECT ${DEMAND_COLUMNS} FROM demands WHERE id = $1 FOR UPDATE`, [id]);
      return row ?? null;
    },

    /** Many demands locked at once, in id order (two batches locking overlapping sets cannot deadlock). */
    lockDemands(ids: readonly string[]): Promise<DemandRow[]> {
      return db.query<DemandRow>(`SELECT ${DEMAND_COLUMNS} FROM demands WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [ids]);
    },

    /** Sets many demands DISPATCHED to their resources, holding capacity in `usagePeriod`, in one statement. */
    dispatchDemands(pairs: readonly { id: string; resourceId: string; usagePeriod: string }[]): Promise<DemandRow[]> {
      return db.query<DemandRow>(
        `UPDATE demands d SET status = 'DISPATCHED', resource_id = p.resource_id, usage_period = p.usage_period
           FROM unnest($1::text[], $2::text[], $3::text[]) AS p(id, resource_id, usage_period)
          WHERE d.id = p.id RETURNING ${demandColumns('d.')}`,
        [pairs.map((pair) => pair.id), pairs.map((pair) => pair.resourceId), pairs.map((pair) => pair.usagePeriod)],
      );
    },

    async updateDemand(id: string, fields: DemandMutableFields): Promise<DemandRow> {
      const [row] = await db.query<DemandRow>(
        `UPDATE demands SET status = $2, resource_id = $3, usage_period = $4, rating = $5, rating_comment = $6
          WHERE id = $1 RETURNING ${DEMAND_COLUMNS}`,
        [id, fields.status, fields.resource_id, fields.usage_period, fields.rating, fields.rating_comment],
      );
      if (!row) throw new Error(`demand ${id} vanished inside its transaction`);
      return row;
    },

    /**
     * A new demand. Its id (demand-YYYYMMDD-000042) comes from the sequence demand_ids and has a shape
     * the seeded ids (demand-0042) never take, so the two cannot collide at any seed scale.
     */
    async insertDemand(demand: Omit<DemandRow, 'id'>): Promise<DemandRow> {
      const [row] = await db.query<DemandRow>(
        `INSERT INTO demands (id, title, description, category, community_id, grid_id, source, status, created_at, lat, lng, amount, unit, sub_kind)
         VALUES ('demand-' || to_char($8::timestamptz AT TIME ZONE 'UTC', 'YYYYMMDD') || '-' || lpad(nextval('demand_ids')::text, 6, '0'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         RETURNING ${DEMAND_COLUMNS}`,
        [
          demand.title,
          demand.description,
          demand.category,
          demand.community_id,
          demand.grid_id,
          demand.source,
          demand.status,
          demand.created_at,
          demand.lat,
          demand.lng,
          demand.amount,
          demand.unit,
          demand.sub_kind,
        ],
      );
      return row!;
    },

    insertDemandEvents(events: readonly DemandEventRow[]): Promise<void> {
      return insertDemandEventRows(db, events);
    },

    /**
     * Per street (by the community's street), in one statement however many streets (`null`: every
     * street): demands waiting for dispatch, and orders fulfilled in the calendar month of `now` in
     * China Standard Time.
     */
    findStreetOrderFigures(streetIds: readonly string[] | null, now: Date): Promise<StreetOrderFiguresRow[]> {
      return db.query<StreetOrderFiguresRow>(
        `SELECT co.street_id,
                count(*) FILTER (WHERE d.status = 'OPEN')::int AS open_demands,
                count(*) FILTER (WHERE EXISTS (
                  SELECT 1 FROM demand_events e
                   WHERE e.demand_id = d.id AND e.kind = 'FULFIL'
                     AND date_trunc('month', e.occurred_at AT TIME ZONE 'Asia/Shanghai') = date_trunc('month', $2::timestamptz AT TIME ZONE 'Asia/Shanghai')))::int
                  AS fulfilled_this_month
           FROM demands d JOIN community_offices co ON co.community_id = d.community_id
          WHERE $1::text[] IS NULL OR co.street_id = ANY($1)
          GROUP BY co.street_id`,
        [streetIds, now],
      );
    },

    /** Keeps this subgraph's copy of the community → office and street mapping in step with communities imported into grids. */
    /** The street of each community that is mapped (community_offices); unmapped ones are absent. */
    findStreetsOfCommunities(communityIds: readonly string[]): Promise<{ community_id: string; street_id: string }[]> {
      return db.query<{ community_id: string; street_id: string }>('SELECT community_id, street_id FROM community_offices WHERE community_id = ANY($1)', [
        communityIds,
      ]);
    },

    async upsertCommunityOffices(rows: readonly CommunityOfficeRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db.query(
        `INSERT INTO community_offices AS c (community_id, office_id, street_id)
         SELECT community_id, office_id, street_id FROM json_populate_recordset(NULL::community_offices, $1::json)
         ON CONFLICT (community_id) DO UPDATE SET office_id = EXCLUDED.office_id, street_id = EXCLUDED.street_id
          WHERE (c.office_id, c.street_id) IS DISTINCT FROM (EXCLUDED.office_id, EXCLUDED.street_id)`,
        [JSON.stringify(rows)],
      );
    },

    /**
     * Creates or updates imported resources by external code (`npm run import -- … --kind resources`)
     * and makes each one's served communities exactly `servedBy`; a resource whose communities
     * changed counts as updated.
     */
    async upsertResourcesByExternalCode(rows: readonly ImportedResourceRow[], servedBy: ReadonlyMap<string, readonly string[]>): Promise<ExternalCodeUpsert> {
      const result = await upsertByExternalCode(db, 'resources', rows, [
        'street_id',
        'name',
        'description',
        'category',
        'source',
        'provider_kind',
        'provider_id',
        'capacity_amount',
        'capacity_unit',
        'capacity_period',
        'lat',
        'lng',
        'address',
      ]);
      if (rows.length === 0) return result;
      const idOf = (code: string) => result.ids.get(code)!;
      const links = rows.flatMap((row) =>
        (servedBy.get(row.external_code) ?? []).map((communityId) => ({ resource_id: idOf(row.external_code), community_id: communityId })),
      );
      const changed = await db.query<{ resource_id: string }>(
        `WITH wanted AS (SELECT resource_id, community_id FROM json_populate_recordset(NULL::resource_communities, $1::json)),
         removed AS (
           DELETE FROM resource_communities rc WHERE rc.resource_id = ANY($2)
              AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.resource_id = rc.resource_id AND w.community_id = rc.community_id)
           RETURNING rc.resource_id),
         added AS (
           INSERT INTO resource_communities (resource_id, community_id) SELECT resource_id, community_id FROM wanted
           ON CONFLICT DO NOTHING RETURNING resource_id)
         SELECT resource_id FROM removed UNION SELECT resource_id FROM added`,
        [JSON.stringify(links), rows.map((row) => idOf(row.external_code))],
      );
      const codeOf = new Map([...result.ids].map(([code, id]) => [id, code]));
      for (const { resource_id } of changed) {
        const code = codeOf.get(resource_id)!;
        if (!result.created.has(code)) result.updated.add(code);
      }
      return result;
    },

    async isEmpty(): Promise<boolean> {
      const [row] = await db.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM resources) AND NOT EXISTS (SELECT 1 FROM demands) AS empty');
      return row?.empty ?? true;
    },

    /** Bulk load, one statement per table, in foreign-key order. */
    async insertDataset(data: ResourcePoolsDataset): Promise<void> {
      await insertRows(db, 'resources', data.resources);
      await insertRows(db, 'resource_communities', data.resourceCommunities);
      await insertRows(db, 'demands', data.demands);
      await insertDemandEventRows(db, data.demandEvents);
      await insertRows(db, 'capacity_usage', data.capacityUsage);
      await insertRows(db, 'community_offices', data.communityOffices);
      await rebuildProviderRatingRows(db);
    },
  };
}

export type ResourcePoolsStore = ReturnType<typeof createResourcePoolsStore>;
