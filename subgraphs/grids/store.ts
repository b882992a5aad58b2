import { readScopeIds, type ReadScope } from '../../lib/auth/policy.js';
import { insertRows, upsertByExternalCode, type ExternalCodeUpsert, type Queryable } from '../../lib/kernel/database.js';
import { EARTH_RADIUS_M } from '../../lib/subgraph/geo.js';
import { Conditions, selectPage, selectPagesByKey, type PageRequest } from '../../lib/subgraph/pagination.js';
import { readScopeSql } from '../../lib/subgraph/read-scope-sql.js';
import {
  CLOCK_RUNNING_STATUSES,
  DUPLICATE_RADIUS_M,
  DUPLICATE_WINDOW_DAYS,
  OPEN_STATUSES,
  type EscalationLevel,
  type IncidentEventKind,
  type IncidentStatus,
} from './domain/incident-lifecycle.js';
import type { CommunityKind, GridKind, DedicatedGridKind, IncidentCategory, IncidentChannel } from './__generated__/resolvers-types.js';

/** The API's enums (codegen from the SDL), the one definition of their values. */
export type { CommunityKind, GridKind, DedicatedGridKind, IncidentCategory, IncidentChannel };

export interface StreetRow {
  id: string;
  name: string;
  area_km2: number;
  residents: number;
}
export interface OfficeRow {
  id: string;
  street_id: string;
  name: string;
}
export interface CommunityRow {
  id: string;
  office_id: string;
  street_id: string;
  name: string;
  kind: CommunityKind;
  households: number;
  population: number;
  lat: number;
  lng: number;
}
/** The database fills in a community's street from its office (migration 005): writers leave it out. */
export type NewCommunityRow = Omit<CommunityRow, 'street_id'>;
export interface GridRow {
  id: string;
  /** Filled in from the community by the database (migration 005). */
  street_id: string;
  community_id: string;
  name: string;
  kind: GridKind;
  dedicated_to: DedicatedGridKind | null;
  households: number;
}
/** A community or grid from an imported sheet, keyed by the code it has in the district's ledger. */
export interface ImportedCommunityRow extends NewCommunityRow {
  external_code: string;
}
/** A grid as writers give it: the database fills in its street. */
export type NewGridRow = Omit<GridRow, 'street_id'>;
export interface ImportedGridRow extends NewGridRow {
  external_code: string;
}
export interface MicroGridRow {
  id: string;
  grid_id: string;
  name: string;
  households: number;
}

export interface IncidentRoutingRuleRow {
  category: IncidentCategory;
  lead_department_id: string;
  assisting_department_ids: string[];
  deadline_hours: number;
}

/** The columns a transition may change; everything else is fixed at report time. */
export interface IncidentMutableFields {
  status: IncidentStatus;
  escalation_level: EscalationLevel;
  lead_department_id: string;
  assisting_department_ids: string[];
  due_at: Date;
  paused_since: Date | null;
  paused_seconds: number;
  resolved_at: Date | null;
  closed_at: Date | null;
  deadline_kept: boolean | null;
  return_reason: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
}

export interface IncidentRow extends IncidentMutableFields {
  id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  micro_grid_id: string | null;
  category: IncidentCategory;
  description: string;
  lat: number;
  lng: number;
  photo_urls: string[];
  /** Unmasked; the API masks it. */
  reporter_name: string;
  /** Unmasked; the API masks it. */
  reporter_phone: string | null;
  channel: IncidentChannel;
  responsible_unit_id: string | null;
  duplicate_of: string | null;
  deadline_hours: number;
  reported_at: Date;
}

/** The database fills in an incident's street from its community (migration 005). */
export type NewIncident = Omit<IncidentRow, 'id' | 'street_id'>;

export interface IncidentEventRow {
  incident_id: string;
  kind: IncidentEventKind;
  from_status: IncidentStatus | null;
  to_status: IncidentStatus;
  /** The subject shown in the timeline. */
  actor: string;
  /** The actor's identity for separation of duties (lib/auth/policy.ts); null for jobs and older entries. */
  actor_key: string | null;
  note: string | null;
  occurred_at: Date;
}

export interface IncidentStatsRow {
  key: string;
  open: number;
  overdue: number;
  closed_last_30_days: number;
  median_hours_to_close: number | null;
  satisfaction: number | null;
}

export interface IncidentFilter {
  streetId?: string | null;
  status?: IncidentStatus | null;
  category?: IncidentCategory | null;
  communityId?: string | null;
  overdue?: boolean | null;
}

/** Every incident: for jobs, the seed and in-process callers, never for a request's reads. */
export const ALL_INCIDENTS: ReadScope = { kind: 'all' };

/**
 * The one place that decides which incidents a caller reads (lib/auth/policy.ts readScopeOf): a
 * condition on the columns of `incidents` (prefixed with `alias.` when given) whose single parameter,
 * at `placeholder`, is readScopeIds(scope). Every statement that reads incidents for a request uses it —
 * single rows and entity references, duplicates, timelines, lists, pages, counts and figures, and the
 * row a mutation locks — so an incident out of scope is not there, whichever way it is reached.
 */
function incidentScopeSql(scope: ReadScope, placeholder: string, alias = ''): string {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return readScopeSql(scope, placeholder, {
    street: (id) => `${column('street_id')} = ${id}`,
    community: (id) => `${column('community_id')} = ${id}`,
    // The grid and the community the token names must agree: derived from the grid, never trusted.
    grid: (id, communityId) => `${column('grid_id')} = ${id} AND ${column('community_id')} = ${communityId}`,
    department: (id) => `${column('lead_department_id')} = ${id} OR ${id} = ANY(${column('assisting_department_ids')})`,
    unit: (id) => `${column('responsible_unit_id')} = ${id}`,
  });
}

export interface IncidentPage {
  rows: IncidentRow[];
  totalCount: number;
}

export interface CommunityFilter {
  streetId?: string | null;
  kind?: CommunityKind | null;
  officeId?: string | null;
  nameContains?: string | null;
}

/** A street's figures kept by grids (district figures, DISTRICT_PLATFORM). */
export interface StreetGridFiguresRow {
  street_id: string;
  communities: number;
  grids: number;
  overdue_incidents: number;
}

/** Everything the grids subgraph owns, as the seed generator produces it. */
export interface GridsDataset {
  streets: StreetRow[];
  offices: OfficeRow[];
  communities: NewCommunityRow[];
  grids: NewGridRow[];
  microGrids: MicroGridRow[];
  /** Seeded sample incidents (with their timelines); ids `incident-000001`… */
  incidents?: IncidentRow[];
  incidentEvents?: IncidentEventRow[];
}

const STREET_COLUMNS = 'id, name, area_km2, residents';
const COMMUNITY_COLUMNS = 'id, office_id, street_id, name, kind, households, population, lat, lng';
const GRID_COLUMNS = 'id, street_id, community_id, name, kind, dedicated_to, households';
const MICRO_GRID_COLUMNS = 'id, grid_id, name, households';
const INCIDENT_COLUMNS = `id, street_id, community_id, grid_id, micro_grid_id, category, description, lat, lng, photo_urls, reporter_name,
  reporter_phone, channel, status, escalation_level, lead_department_id, assisting_department_ids, responsible_unit_id,
  duplicate_of, deadline_hours, reported_at, due_at, paused_since, paused_seconds, resolved_at, closed_at, deadline_kept,
  return_reason, rating, rating_comment, rated_at`;
const ROUTING_COLUMNS = 'category, lead_department_id, assisting_department_ids, deadline_hours';
/**
 * Overdue at $now: open, and past the deadline. A paused incident's deadline moves with the pause,
 * so it is overdue only if it already was when the pause began.
 */
const OPEN_STATUS_LIST = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');
const OVERDUE_SQL = (nowParam: string) =>
  `(status IN (${OPEN_STATUS_LIST}) AND CASE WHEN paused_since IS NULL THEN due_at < ${nowParam} ELSE due_at < paused_since END)`;
/** Haversine distance in metres from ($lat, $lng) to the row's location. */
const DISTANCE_SQL = (latParam: string, lngParam: string) =>
  `(2 * ${EARTH_RADIUS_M} * asin(least(1, sqrt(
     sin(radians(lat - ${latParam}) / 2) ^ 2 + cos(radians(${latParam})) * cos(radians(lat)) * sin(radians(lng - ${lngParam}) / 2) ^ 2))))`;

export function createGridsStore(db: Queryable) {
  return {
    /** The first street the hub took on (migration 006): what `street` without an id answers. */
    async findFirstStreet(): Promise<StreetRow | undefined> {
      const [street] = await db.query<StreetRow>(`SELECT ${STREET_COLUMNS} FROM streets ORDER BY taken_on_order LIMIT 1`);
      return street;
    },

    findStreetsByIds(ids: readonly string[]): Promise<StreetRow[]> {
      return db.query<StreetRow>(`SELECT ${STREET_COLUMNS} FROM streets WHERE id = ANY($1)`, [ids]);
    },

    findStreetsPage(page: PageRequest) {
      return selectPage<StreetRow>(db, 'streets', STREET_COLUMNS, new Conditions(), page);
    },

    /**
     * Counts per street in one statement, however many streets (`null`: every street): communities,
     * grids, and incidents open past their deadline at `now`.
     */
    findStreetFigures(streetIds: readonly string[] | null, now: Date): Promise<StreetGridFiguresRow[]> {
      return db.query<StreetGridFiguresRow>(
        `SELECT s.id AS street_id, coalesce(c.n, 0)::int AS communities, coalesce(g.n, 0)::int AS grids, coalesce(i.n, 0)::int AS overdue_incidents
           FROM streets s
           LEFT JOIN (SELECT street_id, count(*) AS n FROM communities GROUP BY street_id) c ON c.street_id = s.id
           LEFT JOIN (SELECT street_id, count(*) AS n FROM grids GROUP BY street_id) g ON g.street_id = s.id
           LEFT JOIN (SELECT street_id, count(*) AS n FROM incidents WHERE ${OVERDUE_SQL('$2')} GROUP BY street_id) i ON i.street_id = s.id
          WHERE $1::text[] IS NULL OR s.id = ANY($1)`,
        [streetIds, now],
      );
    },

    /** Every office, or those of one street. */
    findOffices(streetId?: string | null): Promise<OfficeRow[]> {
      if (streetId == null) return db.query<OfficeRow>('SELECT id, street_id, name FROM offices ORDER BY id');
      return db.query<OfficeRow>('SELECT id, street_id, name FROM offices WHERE street_id = $1 ORDER BY id', [streetId]);
    },

    findOfficesByStreetIds(streetIds: readonly string[]): Promise<OfficeRow[]> {
      return db.query<OfficeRow>('SELECT id, street_id, name FROM offices WHERE street_id = ANY($1) ORDER BY id', [streetIds]);
    },

    findOfficesByIds(ids: readonly string[]): Promise<OfficeRow[]> {
      return db.query<OfficeRow>('SELECT id, street_id, name FROM offices WHERE id = ANY($1)', [ids]);
    },

    findCommunitiesByIds(ids: readonly string[]): Promise<CommunityRow[]> {
      return db.query<CommunityRow>(`SELECT ${COMMUNITY_COLUMNS} FROM communities WHERE id = ANY($1)`, [ids]);
    },

    findCommunitiesByOfficeIds(officeIds: readonly string[]): Promise<CommunityRow[]> {
      return db.query<CommunityRow>(`SELECT ${COMMUNITY_COLUMNS} FROM communities WHERE office_id = ANY($1) ORDER BY id`, [officeIds]);
    },

    findCommunitiesPage(filter: CommunityFilter, page: PageRequest) {
      const where = new Conditions()
        .add(filter.streetId, (p) => `street_id = ${p}`)
        .add(filter.kind, (p) => `kind = ${p}`)
        .add(filter.officeId, (p) => `office_id = ${p}`)
        .add(filter.nameContains, (p) => `strpos(lower(name), lower(${p})) > 0`);
      return selectPage<CommunityRow>(db, 'communities', COMMUNITY_COLUMNS, where, page);
    },

    findGridsByIds(ids: readonly string[]): Promise<GridRow[]> {
      return db.query<GridRow>(`SELECT ${GRID_COLUMNS} FROM grids WHERE id = ANY($1)`, [ids]);
    },

    /**
     * The communities' grids; `withMicroGridCounts` adds each grid's number of micro-grids (counted on
     * micro_grids_grid_id), so that a community's grids and its microGridCount, asked together by a
     * dashboard, come in one statement.
     */
    findGridsByCommunityIds(communityIds: readonly string[], withMicroGridCounts: boolean): Promise<(GridRow & { micro_grid_count?: number })[]> {
      const counts = withMicroGridCounts ? ', (SELECT count(*) FROM micro_grids m WHERE m.grid_id = grids.id) AS micro_grid_count' : '';
      return db.query<GridRow & { micro_grid_count?: number }>(`SELECT ${GRID_COLUMNS}${counts} FROM grids WHERE community_id = ANY($1) ORDER BY id`, [
        communityIds,
      ]);
    },

    findMicroGridsByIds(ids: readonly string[]): Promise<MicroGridRow[]> {
      return db.query<MicroGridRow>(`SELECT ${MICRO_GRID_COLUMNS} FROM micro_grids WHERE id = ANY($1)`, [ids]);
    },

    findMicroGridsByGridIds(gridIds: readonly string[]): Promise<MicroGridRow[]> {
      return db.query<MicroGridRow>(`SELECT ${MICRO_GRID_COLUMNS} FROM micro_grids WHERE grid_id = ANY($1) ORDER BY id`, [gridIds]);
    },

    findIncidentsByIds(ids: readonly string[], scope: ReadScope): Promise<IncidentRow[]> {
      return db.query<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = ANY($1) AND ${incidentScopeSql(scope, '$2')}`, [
        ids,
        readScopeIds(scope),
      ]);
    },

    /**
     * Locks the row for the rest of the transaction `db` must be, so concurrent transitions queue up.
     * An incident out of `scope` is not locked and reads as absent, like one that does not exist.
     */
    async lockIncident(id: string, scope: ReadScope): Promise<IncidentRow | undefined> {
      const [row] = await db.query<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = $1 AND ${incidentScopeSql(scope, '$2')} FOR UPDATE`, [
        id,
        readScopeIds(scope),
      ]);
      return row;
    },

    findDuplicatesByIncidentIds(ids: readonly string[], scope: ReadScope): Promise<IncidentRow[]> {
      return db.query<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE duplicate_of = ANY($1) AND ${incidentScopeSql(scope, '$2')} ORDER BY id`, [
        ids,
        readScopeIds(scope),
      ]);
    },

    findIncidentsPage(filter: IncidentFilter, page: PageRequest, now: Date, scope: ReadScope) {
      const where = new Conditions()
        .add(readScopeIds(scope), (p) => incidentScopeSql(scope, p))
        .add(filter.streetId, (p) => `street_id = ${p}`)
        .add(filter.status, (p) => `status = ${p}`)
        .add(filter.category, (p) => `category = ${p}`)
        .add(filter.communityId, (p) => `community_id = ${p}`);
      if (filter.overdue !== null && filter.overdue !== undefined) {
        const negate = filter.overdue ? '' : 'NOT ';
        where.add(now, (p) => `${negate}${OVERDUE_SQL(p)}`);
      }
      return selectPage<IncidentRow>(db, 'incidents', INCIDENT_COLUMNS, where, page);
    },

    /**
     * The same page of incidents for many grids (or departments) at once, optionally of one status.
     * `keyColumn` is a code constant: grid_id or lead_department_id.
     */
    findIncidentPagesByKey(
      keyColumn: 'grid_id' | 'lead_department_id',
      keys: readonly string[],
      status: IncidentStatus | null,
      request: PageRequest,
      scope: ReadScope,
    ): Promise<Map<string, IncidentPage>> {
      const where = new Conditions().add(status, (p) => `status = ${p}`).add(readScopeIds(scope), (p) => incidentScopeSql(scope, p));
      return selectPagesByKey<IncidentRow>(db, 'incidents', INCIDENT_COLUMNS, keyColumn, keys, request, where);
    },

    findIncidentEventsByIncidentIds(ids: readonly string[], scope: ReadScope): Promise<IncidentEventRow[]> {
      return db.query<IncidentEventRow>(
        `SELECT e.incident_id, e.kind, e.from_status, e.to_status, e.actor, e.actor_key, e.note, e.occurred_at
           FROM incident_events e JOIN incidents i ON i.id = e.incident_id
          WHERE e.incident_id = ANY($1) AND ${incidentScopeSql(scope, '$2', 'i')} ORDER BY e.incident_id, e.occurred_at, e.id`,
        [ids, readScopeIds(scope)],
      );
    },

    /** A community's figures over the incidents the caller reads (a grid worker's: its grid's only). */
    findIncidentStatsByCommunityIds(communityIds: readonly string[], now: Date, scope: ReadScope): Promise<IncidentStatsRow[]> {
      return db.query<IncidentStatsRow>(
        `SELECT community_id AS key,
                count(*) FILTER (WHERE status IN (${OPEN_STATUS_LIST})) AS open,
                count(*) FILTER (WHERE ${OVERDUE_SQL('$2')}) AS overdue,
                count(*) FILTER (WHERE status = 'CLOSED' AND closed_at > $2::timestamptz - interval '30 days' AND closed_at <= $2) AS closed_last_30_days,
                (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - reported_at) / 3600)
                   FILTER (WHERE status = 'CLOSED'))::float8 AS median_hours_to_close,
                (avg(CASE WHEN rating >= 4 THEN 1 ELSE 0 END) FILTER (WHERE rating IS NOT NULL))::float8 AS satisfaction
           FROM incidents WHERE community_id = ANY($1) AND ${incidentScopeSql(scope, '$3')} GROUP BY community_id`,
        [communityIds, now, readScopeIds(scope)],
      );
    },

    /**
     * The open incident of `category` that a new report at (lat, lng) likely duplicates: reported in
     * the last 7 days within 50 m, itself not a duplicate; the nearest, then the earliest. Street-wide
     * on purpose (a report at a grid's edge may repeat one of the next grid): the link is stored, and
     * read back through the reader's scope like every other path to an incident.
     */
    async findLikelyOriginal(category: IncidentCategory, location: { lat: number; lng: number }, now: Date): Promise<string | null> {
      const [row] = await db.query<{ id: string }>(
        `SELECT id FROM incidents
          WHERE category = $1 AND status = ANY($4) AND duplicate_of IS NULL
            AND reported_at > $5::timestamptz - make_interval(days => $6) AND reported_at <= $5
            AND ${DISTANCE_SQL('$2', '$3')} <= $7
          ORDER BY ${DISTANCE_SQL('$2', '$3')}, reported_at, id LIMIT 1`,
        [category, location.lat, location.lng, [...OPEN_STATUSES], now, DUPLICATE_WINDOW_DAYS, DUPLICATE_RADIUS_M],
      );
      return row?.id ?? null;
    },

    async insertIncident(incident: NewIncident): Promise<IncidentRow> {
      const columns = INCIDENT_COLUMNS.split(',')
        .map((column) => column.trim())
        .filter((column) => column !== 'id' && column !== 'street_id');
      const [row] = await db.query<IncidentRow>(
        `INSERT INTO incidents (${columns.join(', ')})
         SELECT ${columns.join(', ')} FROM json_populate_record(NULL::incidents, $1::json) RETURNING ${INCIDENT_COLUMNS}`,
        [JSON.stringify(incident)],
      );
      return row!;
    },

    async updateIncident(id: string, fields: IncidentMutableFields): Promise<IncidentRow> {
      const [row] = await db.query<IncidentRow>(
        `UPDATE incidents i SET status = f.status, escalation_level = f.escalation_level,
                lead_department_id = f.lead_department_id, assisting_department_ids = f.assisting_department_ids,
                due_at = f.due_at, paused_since = f.paused_since, paused_seconds = f.paused_seconds,
                resolved_at = f.resolved_at, closed_at = f.closed_at, deadline_kept = f.deadline_kept,
                return_reason = f.return_reason, rating = f.rating, rating_comment = f.rating_comment, rated_at = f.rated_at
           FROM json_populate_record(NULL::incidents, $2::json) f WHERE i.id = $1 RETURNING ${INCIDENT_COLUMNS.replace(/(\w+)/g, 'i.$1')}`,
        [id, JSON.stringify(fields)],
      );
      return row!;
    },

    insertIncidentEvents(events: readonly IncidentEventRow[]): Promise<void> {
      return insertEvents(db, events);
    },

    /**
     * Locks up to `limit` incidents whose clock runs, that are past their deadline and can still go
     * up a level. SKIP LOCKED: a second escalation job (another instance) takes other rows or none.
     */
    lockOverdueForEscalation(now: Date, limit: number): Promise<IncidentRow[]> {
      return db.query<IncidentRow>(
        `SELECT ${INCIDENT_COLUMNS} FROM incidents
          WHERE status = ANY($1) AND escalation_level <> 'DISTRICT' AND due_at < $2
          ORDER BY due_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [[...CLOCK_RUNNING_STATUSES], now, limit],
      );
    },

    /**
     * The rules a street's incidents follow, one per category: the street's own where it has one,
     * else the district's default; `streetId` null: the district's defaults.
     */
    findRoutingRules(streetId: string | null, categories: readonly string[] | null = null): Promise<IncidentRoutingRuleRow[]> {
      return db.query<IncidentRoutingRuleRow>(
        `SELECT d.category, coalesce(s.lead_department_id, d.lead_department_id) AS lead_department_id,
                coalesce(s.assisting_department_ids, d.assisting_department_ids) AS assisting_department_ids,
                coalesce(s.deadline_hours, d.deadline_hours) AS deadline_hours
           FROM incident_routing_rules d LEFT JOIN street_routing_rules s ON s.category = d.category AND s.street_id = $1
          WHERE $2::text[] IS NULL OR d.category = ANY($2)
          ORDER BY d.category`,
        [streetId, categories],
      );
    },

    /** Writes a street's own rule for a category (`streetId` null: the district's default). */
    async upsertRoutingRule(streetId: string | null, rule: IncidentRoutingRuleRow, now: Date): Promise<IncidentRoutingRuleRow> {
      const values = [rule.category, rule.lead_department_id, rule.assisting_department_ids, rule.deadline_hours, now];
      const set = `lead_department_id = EXCLUDED.lead_department_id, assisting_department_ids = EXCLUDED.assisting_department_ids,
           deadline_hours = EXCLUDED.deadline_hours, updated_at = EXCLUDED.updated_at`;
      const [row] =
        streetId === null
          ? await db.query<IncidentRoutingRuleRow>(
              `INSERT INTO incident_routing_rules (category, lead_department_id, assisting_department_ids, deadline_hours, updated_at)
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT (category) DO UPDATE SET ${set} RETURNING ${ROUTING_COLUMNS}`,
              values,
            )
          : await db.query<IncidentRoutingRuleRow>(
              `INSERT INTO street_routing_rules (street_id, category, lead_department_id, assisting_department_ids, deadline_hours, updated_at)
               VALUES ($6, $1, $2, $3, $4, $5) ON CONFLICT (street_id, category) DO UPDATE SET ${set} RETURNING ${ROUTING_COLUMNS}`,
              [...values, streetId],
            );
      return row!;
    },

    /** Communities whose id or external code is one of `keys` (the import resolves community columns with it). */
    findCommunityKeys(keys: readonly string[]): Promise<{ id: string; external_code: string | null }[]> {
      return db.query(`SELECT id, external_code FROM communities WHERE id = ANY($1) OR external_code = ANY($1)`, [keys]);
    },

    /** Creates or updates imported communities by external code (`npm run import -- … --kind communities`). */
    upsertCommunitiesByExternalCode(rows: readonly ImportedCommunityRow[]): Promise<ExternalCodeUpsert> {
      return upsertByExternalCode(db, 'communities', rows, ['office_id', 'name', 'kind', 'households', 'population', 'lat', 'lng']);
    },

    /** Creates or updates imported grids by external code (`npm run import -- … --kind grids`). */
    upsertGridsByExternalCode(rows: readonly ImportedGridRow[]): Promise<ExternalCodeUpsert> {
      return upsertByExternalCode(db, 'grids', rows, ['community_id', 'name', 'kind', 'dedicated_to', 'households']);
    },

    async isEmpty(): Promise<boolean> {
      const [row] = await db.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM streets) AS empty');
      return row?.empty ?? true;
    },

    /** Bulk load, one statement per table, in foreign-key order. */
    async insertDataset(data: GridsDataset): Promise<void> {
      // One by one, in the dataset's order: each street takes the next place in taken_on_order (migration 006).
      for (const street of data.streets) {
        await db.query(`INSERT INTO streets (${STREET_COLUMNS}) VALUES ($1, $2, $3, $4)`, [street.id, street.name, street.area_km2, street.residents]);
      }
      await insertRows(db, 'offices', data.offices);
      await insertRows(db, 'communities', data.communities);
      await insertRows(db, 'grids', data.grids);
      await insertRows(db, 'micro_grids', data.microGrids);
      await insertRows(db, 'incidents', data.incidents ?? []);
      await insertEvents(db, data.incidentEvents ?? []);
      // New reports continue the seeded numbering.
      if ((data.incidents ?? []).length > 0) {
        await db.query(`SELECT setval('incident_numbers', $1)`, [data.incidents!.length]);
      }
    },
  };
}

export type GridsStore = ReturnType<typeof createGridsStore>;

function insertEvents(db: Queryable, events: readonly IncidentEventRow[]): Promise<void> {
  if (events.length === 0) return Promise.resolve();
  // Not insertRows: the bigserial id must come from its sequence, not from the (absent) JSON field.
  return db
    .query(
      `INSERT INTO incident_events (incident_id, kind, from_status, to_status, actor, actor_key, note, occurred_at)
       SELECT incident_id, kind, from_status, to_status, actor, actor_key, note, occurred_at
         FROM json_populate_recordset(NULL::incident_events, $1::json)`,
      [JSON.stringify(events)],
    )
    .then(() => undefined);
}
