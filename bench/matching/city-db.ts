/**
 * The matching benchmark's city in PostgreSQL, for measuring matching the way the API runs it: in
 * resource-pools' database 6,000 communities' worth of resources (200,000, each serving one to five
 * communities around its provider), 100,000 open demands and 50,000 rated orders of the past year;
 * in co-building's the 20,000 units with their pairings (结对) and the credit their ratings earned.
 *
 * Communities sit one per cell of a square grid over 60 × 60 km (jittered), so "the communities
 * around a point" is arithmetic on cells and every large table is made by one bulk INSERT … SELECT
 * over generate_series, joined to small tables of communities, units and kinds sent as JSON. The
 * kinds, units and defaults are the hub's own (help_kinds, the seed's demand titles). Deterministic:
 * a fixed setseed and no parallel workers in the generating session.
 */
import pg from 'pg';
import { creditDelta, creditValidUntil } from '../../subgraphs/co-building/domain/credit.js';
import { capacityPeriodKey } from '../../subgraphs/resource-pools/domain/order-lifecycle.js';
import { createResourcePoolsStore } from '../../subgraphs/resource-pools/store.js';
import { Random } from '../../seed/random.js';
import { CATEGORY_UNIT, DEMAND_TITLES } from '../../seed/resource-pools.js';
import type { CitySize } from './city.js';

const ORIGIN = { lat: 31.75, lng: 120.75 };
const SIDE_DEG = 0.55; // about 60 km
const UNIT_KINDS = ['AGENCY', 'STATE_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'SCHOOL', 'HOSPITAL', 'SOCIAL_ORGANISATION', 'PROPERTY_COMPANY'] as const;
const DEPARTMENTS = 40;
const OFFICE_SIZE = 100;

/** The street of the city's community number `idx` (`communityIds` are in that order): each office's communities are one street. */
export function cityStreetOf(idx: number): string {
  return `street-c${String(Math.floor(idx / OFFICE_SIZE) + 1).padStart(2, '0')}`;
}
/** Rated orders of the past year (ratings, credit, fairness history). */
const PAST_ORDERS_PER_DEMAND = 0.5;

export interface CityFacts {
  communityIds: string[];
  officeIds: string[];
  /** Every open demand's id, in id order. */
  openDemandIds: string[];
  counts: Record<string, number>;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'bench-matching-city' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Rows sent in JSON chunks, so no statement carries tens of megabytes. */
async function insertJson(client: pg.Client, sql: string, rows: readonly object[], chunk = 20_000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await client.query(sql, [JSON.stringify(rows.slice(i, i + chunk))]);
}

export async function loadCity(
  urls: { resourcePools: string; coBuilding: string },
  size: CitySize,
  now: Date,
  log: (line: string) => void,
): Promise<CityFacts> {
  const random = new Random(20_261_101);
  const columns = Math.ceil(Math.sqrt(size.communities));
  const rows = Math.ceil(size.communities / columns);
  const cell = { lat: SIDE_DEG / rows, lng: SIDE_DEG / columns };
  const communities = Array.from({ length: size.communities }, (_, idx) => {
    const gx = idx % columns;
    const gy = Math.floor(idx / columns);
    return {
      idx,
      id: `community-c${String(idx).padStart(5, '0')}`,
      gx,
      gy,
      lat: ORIGIN.lat + (gy + random.float(0.2, 0.8)) * cell.lat,
      lng: ORIGIN.lng + (gx + random.float(0.2, 0.8)) * cell.lng,
      // A fifth of the communities raise most of the demand.
      busy: random.chance(0.2),
      office_id: `office-c${String(Math.floor(idx / OFFICE_SIZE) + 1).padStart(2, '0')}`,
      // Each office's communities are one street of the city (docs/streets.md).
      street_id: cityStreetOf(idx),
    };
  });
  const units = Array.from({ length: size.units }, (_, idx) => {
    const lat = ORIGIN.lat + random.float(0, SIDE_DEG * 0.999);
    const lng = ORIGIN.lng + random.float(0, SIDE_DEG * 0.999);
    const gx = Math.min(columns - 1, Math.floor((lng - ORIGIN.lng) / cell.lng));
    const gy = Math.min(rows - 1, Math.floor((lat - ORIGIN.lat) / cell.lat));
    const home = communities[Math.min(communities.length - 1, gy * columns + gx)]!;
    return {
      idx,
      id: `unit-c${String(idx).padStart(5, '0')}`,
      lat,
      lng,
      gx: home.gx,
      gy: home.gy,
      kind: random.pick(UNIT_KINDS),
      home: home.id,
      street_id: home.street_id,
    };
  });
  const titles = Object.entries(DEMAND_TITLES).flatMap(([category, list]) =>
    list.map((entry) => ({
      category,
      sub_kind: entry.subKind,
      title: entry.title,
      unit: CATEGORY_UNIT[category as keyof typeof CATEGORY_UNIT],
      amounts: [...entry.amounts],
    })),
  );
  const periodKey = (period: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR' | 'ONCE') => capacityPeriodKey(period, now);
  const pastOrders = Math.round(size.demands * PAST_ORDERS_PER_DEMAND);

  const ratedUnitOrders = await withClient(urls.resourcePools, async (client) => {
    await client.query('SET max_parallel_workers_per_gather = 0');
    await client.query('SELECT setseed(0.20261101)');
    await client.query(
      `CREATE TEMP TABLE city_communities AS SELECT * FROM json_to_recordset($1::json)
      AS c(idx int, id text, gx int, gy int, lat float8, lng float8, busy boolean, office_id text)`,
      [JSON.stringify(communities)],
    );
    await client.query('CREATE UNIQUE INDEX ON city_communities (gx, gy)');
    await client.query('CREATE UNIQUE INDEX ON city_communities (idx)');
    await client.query('CREATE TEMP TABLE city_busy AS SELECT (row_number() OVER (ORDER BY idx) - 1)::int AS b, idx FROM city_communities WHERE busy');
    await client.query('CREATE UNIQUE INDEX ON city_busy (b)');
    await client.query(
      `CREATE TEMP TABLE city_units AS SELECT * FROM json_to_recordset($1::json) AS u(idx int, id text, lat float8, lng float8, gx int, gy int, street_id text)`,
      [JSON.stringify(units)],
    );
    await client.query('CREATE UNIQUE INDEX ON city_units (idx)');
    // Offset 0 is the cell itself, 1–8 its neighbours.
    await client.query(`CREATE TEMP TABLE city_offsets AS SELECT row_number() OVER (ORDER BY (dx, dy) <> (0, 0), dx, dy) - 1 AS o, dx, dy
      FROM generate_series(-1, 1) dx CROSS JOIN generate_series(-1, 1) dy`);
    await client.query(
      'CREATE TEMP TABLE city_kinds AS SELECT row_number() OVER (ORDER BY category, sub_kind) - 1 AS k, category, sub_kind, unit FROM help_kinds',
    );
    // What a resource of each category can give per period (as the seeded street's).
    await client.query(`CREATE TEMP TABLE city_capacity (category text, period text, low int, high int, step int)`);
    await client.query(`INSERT INTO city_capacity VALUES
      ('VENUE', 'WEEK', 2, 10, 1), ('FUNDS', 'YEAR', 10, 200, 1000), ('VOLUNTEER_SERVICE', 'MONTH', 20, 200, 1),
      ('PROFESSIONAL_SERVICE', 'MONTH', 4, 40, 1), ('FACILITY_EQUIPMENT', 'ONCE', 5, 50, 1), ('MATERIALS', 'ONCE', 50, 500, 1),
      ('TRAINING_EDUCATION', 'MONTH', 1, 8, 1), ('CARE_SERVICE', 'MONTH', 20, 300, 1)`);
    await client.query(
      `CREATE TEMP TABLE city_titles AS SELECT row_number() OVER () - 1 AS t, * FROM json_to_recordset($1::json)
      AS t(category text, sub_kind text, title text, unit text, amounts int[])`,
      [JSON.stringify(titles)],
    );
    const [{ kinds }] = (await client.query<{ kinds: number }>('SELECT count(*)::int AS kinds FROM city_kinds')).rows as [{ kinds: number }];

    let started = Date.now();
    // One row per resource with its draws: kind, provider, place, how many communities, capacity, use.
    await client.query(
      `CREATE TEMP TABLE city_resources AS
       SELECT i, 'resource-c' || lpad(i::text, 6, '0') AS id, g.k, g.department, g.unit_idx, g.centre,
              1 + floor(g.r_served * CASE WHEN g.department THEN 6 ELSE 5 END)::int + CASE WHEN g.department THEN 2 ELSE 0 END AS served,
              floor(g.r_hash * 8)::int AS h, g.r_capacity, g.r_used, g.r_period
         FROM (SELECT i, floor(random() * $2)::int AS k, random() < 0.05 AS department, floor(random() * $3)::int AS unit_idx,
                      floor(random() * $4)::int AS centre, random() AS r_served, random() AS r_hash, random() AS r_capacity,
                      random() AS r_used, random() AS r_period
                 FROM generate_series(0, $1 - 1) i) g`,
      [size.resources, kinds, size.units, size.communities],
    );
    await client.query(
      `INSERT INTO resources (id, street_id, name, description, category, sub_kind, source, provider_kind, provider_id,
                              capacity_amount, capacity_unit, capacity_period, lat, lng, address, availability)
       SELECT r.id, u.street_id, kk.sub_kind || ' ' || r.i, 'city benchmark resource', kk.category, kk.sub_kind,
              CASE WHEN r.department THEN 'GOVERNMENT_SERVICE' ELSE 'ENTERPRISE_CSR' END,
              CASE WHEN r.department THEN 'DEPARTMENT' ELSE 'CO_BUILDING_UNIT' END,
              CASE WHEN r.department THEN 'department-c' || lpad((r.unit_idx % $1)::text, 2, '0') ELSE u.id END,
              (cc.low + floor(r.r_capacity * (cc.high - cc.low + 1)))::int * cc.step, kk.unit,
              CASE WHEN cc.category = 'VENUE' AND r.r_period < 0.5 THEN 'DAY' ELSE cc.period END,
              CASE WHEN r.department OR kk.category = 'FUNDS' THEN NULL ELSE u.lat END,
              CASE WHEN r.department OR kk.category = 'FUNDS' THEN NULL ELSE u.lng END,
              NULL, '[]'::jsonb
         FROM city_resources r
         JOIN city_kinds kk ON kk.k = r.k
         JOIN city_capacity cc ON cc.category = kk.category
         JOIN city_units u ON u.idx = r.unit_idx`,
      [DEPARTMENTS],
    );
    log(`  resources: ${size.resources} in ${Date.now() - started} ms`);
    started = Date.now();
    // A unit's resource serves the community of its cell and some around it; a department's, those around a centre.
    await client.query(
      `INSERT INTO resource_communities (resource_id, community_id)
       SELECT DISTINCT r.id, c.id
         FROM city_resources r
         JOIN city_units u ON u.idx = r.unit_idx
         JOIN city_communities centre ON centre.idx = r.centre
         JOIN generate_series(0, 8) j ON j < r.served
         JOIN city_offsets o ON o.o = CASE WHEN j = 0 THEN 0 ELSE 1 + (r.h + j * 3) % 8 END
         JOIN city_communities c ON c.gx = CASE WHEN r.department THEN centre.gx ELSE u.gx END + o.dx
                                AND c.gy = CASE WHEN r.department THEN centre.gy ELSE u.gy END + o.dy`,
    );
    log(`  service areas in ${Date.now() - started} ms`);
    started = Date.now();
    // Four in ten resources have given all of this period's capacity, three in ten half of it.
    await client.query(
      `INSERT INTO capacity_usage (resource_id, period_start, used)
       SELECT r.id, CASE x.capacity_period WHEN 'DAY' THEN $1 WHEN 'WEEK' THEN $2 WHEN 'MONTH' THEN $3 WHEN 'YEAR' THEN $4 ELSE 'ONCE' END,
              CASE WHEN r.r_used < 0.4 THEN x.capacity_amount ELSE x.capacity_amount / 2 END
         FROM city_resources r JOIN resources x ON x.id = r.id
        WHERE r.r_used < 0.7`,
      [periodKey('DAY'), periodKey('WEEK'), periodKey('MONTH'), periodKey('YEAR')],
    );
    await client.query(
      `INSERT INTO demands (id, title, description, category, sub_kind, community_id, grid_id, source, status, created_at, lat, lng, amount, unit)
       SELECT 'demand-c' || lpad(g.i::text, 7, '0'), t.title, t.title, t.category, t.sub_kind, c.id, NULL, 'RESIDENT_ORDER', 'OPEN',
              $2::timestamptz - (g.r_age * interval '60 days'), c.lat, c.lng, t.amounts[1 + floor(g.r_amount * array_length(t.amounts, 1))::int], t.unit
         FROM (SELECT i, random() AS r_busy, random() AS r_where, random() AS r_title, random() AS r_amount, random() AS r_age
                 FROM generate_series(0, $1 - 1) i) g
         JOIN city_titles t ON t.t = floor(g.r_title * (SELECT count(*) FROM city_titles))
         JOIN city_communities c ON c.idx = CASE WHEN g.r_busy < 0.6
                                               THEN (SELECT b.idx FROM city_busy b WHERE b.b = floor(g.r_where * (SELECT count(*) FROM city_busy))::int)
                                               ELSE floor(g.r_where * $3)::int END`,
      [size.demands, now.toISOString(), size.communities],
    );
    log(`  usage and ${size.demands} open demands in ${Date.now() - started} ms`);
    started = Date.now();
    // The past year's rated orders, rated after the provider's record: most well, some unevenly, a few poorly.
    await client.query(
      `INSERT INTO demands (id, title, description, category, sub_kind, community_id, grid_id, source, status, created_at, lat, lng,
                            amount, unit, resource_id, usage_period, rating, rating_comment)
       SELECT 'demand-h' || lpad(g.i::text, 7, '0'), x.name, x.name, x.category, x.sub_kind, home.id, NULL, 'RESIDENT_ORDER', 'RATED',
              $2::timestamptz - ((100 + g.r_age * 200) * interval '1 day'), home.lat, home.lng, 1, x.capacity_unit, x.id, NULL,
              (CASE abs(hashtext(x.provider_id)) % 8 WHEN 7 THEN ARRAY[1, 2, 2, 3, 4] WHEN 6 THEN ARRAY[3, 4, 4, 5] WHEN 5 THEN ARRAY[3, 4, 4, 5]
                    ELSE ARRAY[4, 5, 5, 5, 5] END)[1 + floor(g.r_rating * 4)::int],
              NULL
         FROM (SELECT i, floor(random() * $3)::int AS r, random() AS r_age, random() AS r_rating FROM generate_series(0, $1 - 1) i) g
         JOIN city_resources r ON r.i = g.r
         JOIN resources x ON x.id = r.id
         JOIN city_units u ON u.idx = r.unit_idx
         JOIN city_communities centre ON centre.idx = r.centre
         JOIN city_communities home ON home.gx = CASE WHEN r.department THEN centre.gx ELSE u.gx END
                                   AND home.gy = CASE WHEN r.department THEN centre.gy ELSE u.gy END`,
      [pastOrders, now.toISOString(), size.resources],
    );
    await insertJson(
      client,
      `INSERT INTO community_offices (community_id, office_id, street_id)
       SELECT community_id, office_id, street_id FROM json_to_recordset($1::json) AS c(community_id text, office_id text, street_id text)`,
      communities.map((community) => ({ community_id: community.id, office_id: community.office_id, street_id: community.street_id })),
    );
    // A resource whose service area crosses into another street serves that street too (docs/streets.md),
    // as a district-level provider would: matching offers it there.
    await client.query(
      `UPDATE resources r SET served_street_ids = ARRAY(SELECT DISTINCT s FROM unnest(x.streets || r.street_id) s ORDER BY s)
         FROM (SELECT rc.resource_id, array_agg(DISTINCT co.street_id) AS streets
                 FROM resource_communities rc JOIN community_offices co USING (community_id) GROUP BY rc.resource_id) x
        WHERE x.resource_id = r.id AND NOT x.streets <@ ARRAY[r.street_id]`,
    );
    // The providers' rating summaries (provider_ratings), as the seeds leave them.
    await createResourcePoolsStore({ query: async (sql, params) => (await client.query(sql, params as unknown[])).rows }).rebuildProviderRatings();
    log(`  ${pastOrders} rated past orders in ${Date.now() - started} ms`);
    const rated = await client.query<{ unit_id: string; demand_id: string; rating: number; rated_at: Date }>(
      `SELECT r.provider_id AS unit_id, d.id AS demand_id, d.rating, d.created_at + interval '10 days' AS rated_at
         FROM demands d JOIN resources r ON r.id = d.resource_id
        WHERE d.status = 'RATED' AND r.provider_kind = 'CO_BUILDING_UNIT'`,
    );
    started = Date.now();
    await client.query('VACUUM ANALYZE');
    // Once more for resources: the first pass left about 40 % of its pages not all-visible (the rows
    // the served-streets UPDATE rewrote; a snapshot held elsewhere, an autovacuum ANALYZE's likely,
    // kept them from counting as visible to all), so the rankings' index-only scans went to the
    // table for six rows in ten. A database whose vacuum has caught up does not.
    await client.query('VACUUM resources');
    const [visible] = (
      await client.query<{ pages: number; visible: number }>(
        `SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE oid = 'resources'::regclass`,
      )
    ).rows;
    log(`  vacuum and statistics in ${Date.now() - started} ms (resources: ${visible?.visible} of ${visible?.pages} pages all-visible)`);
    return rated.rows;
  });

  await withClient(urls.coBuilding, async (client) => {
    const started = Date.now();
    await insertJson(
      client,
      `INSERT INTO units (id, street_id, name, kind, lat, lng, address, contact_name, contact_phone)
       SELECT id, street_id, '共建单位' || idx, kind, lat, lng, '城区' || idx || '号', '联系人', '13800000000'
         FROM json_to_recordset($1::json) AS u(idx int, id text, street_id text, kind text, lat float8, lng float8)`,
      units,
    );
    // Every unit is paired (结对) with the community of its cell; a quarter with a neighbour too.
    const pairings = units.flatMap((unit) => {
      const list = [{ unit_id: unit.id, community_id: unit.home }];
      if (random.chance(0.25)) {
        const neighbour = communities.find((community) => community.gx === unit.gx + 1 && community.gy === unit.gy);
        if (neighbour) list.push({ unit_id: unit.id, community_id: neighbour.id });
      }
      return list;
    });
    await insertJson(
      client,
      `INSERT INTO pairings (id, unit_id, community_id, starts_on, ends_on)
       SELECT 'pairing-c' || lpad(k::text, 6, '0'), unit_id, community_id, DATE '2024-01-01', DATE '2030-12-31'
         FROM json_to_recordset($1::json) AS p(unit_id text, community_id text, k int)`,
      pairings.map((pairing, k) => ({ ...pairing, k })),
    );
    await insertJson(
      client,
      `INSERT INTO credit_events (unit_id, reason, delta, rating, source_subgraph, source_type, source_id, occurred_at, valid_until)
       SELECT unit_id, 'RATING_RECEIVED', delta, rating, 'resource-pools', 'Demand', demand_id, occurred_at, valid_until
         FROM json_to_recordset($1::json) AS e(unit_id text, delta float8, rating int, demand_id text, occurred_at timestamptz, valid_until timestamptz)`,
      ratedUnitOrders.map((order) => ({
        unit_id: order.unit_id,
        delta: creditDelta('RATING_RECEIVED', order.rating)!,
        rating: order.rating,
        demand_id: order.demand_id,
        occurred_at: order.rated_at.toISOString(),
        valid_until: creditValidUntil(order.rated_at).toISOString(),
      })),
    );
    await client.query('VACUUM ANALYZE');
    log(`  co-building: ${units.length} units, ${pairings.length} pairings, ${ratedUnitOrders.length} credit events in ${Date.now() - started} ms`);
  });

  const facts = await withClient(urls.resourcePools, async (client) => {
    const open = await client.query<{ id: string }>(`SELECT id FROM demands WHERE status = 'OPEN' ORDER BY id`);
    const counts = await client.query<{ table: string; count: number }>(
      `SELECT 'resources' AS table, count(*)::int AS count FROM resources UNION ALL
       SELECT 'resource_communities', count(*)::int FROM resource_communities UNION ALL
       SELECT 'demands', count(*)::int FROM demands UNION ALL
       SELECT 'capacity_usage', count(*)::int FROM capacity_usage`,
    );
    return { openDemandIds: open.rows.map((row) => row.id), counts: Object.fromEntries(counts.rows.map((row) => [row.table, row.count])) };
  });
  return {
    communityIds: communities.map((community) => community.id),
    officeIds: [...new Set(communities.map((community) => community.office_id))],
    ...facts,
  };
}
