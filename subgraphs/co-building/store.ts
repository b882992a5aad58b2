import { readScopeIds, type DirectoryStreet, type ReadScope } from '../../lib/auth/policy.js';
import { directorySql, readScopeSql } from '../../lib/subgraph/read-scope-sql.js';
import { insertRows, upsertByExternalCode, type ExternalCodeUpsert, type Queryable } from '../../lib/kernel/database.js';
import { Conditions, selectPage, selectPagesByKey, type PageRequest } from '../../lib/subgraph/pagination.js';
import type { CommitmentKind, CommitmentPeriod, UnitOfMeasure } from './domain/commitments.js';
import type { CreditReason } from './domain/credit.js';
import type { UnitKind, ReporterKind } from './__generated__/resolvers-types.js';

/** The API's enums (codegen from the SDL), the one definition of their values. */
export type { UnitKind, ReporterKind };

export interface UnitRow {
  id: string;
  /** The street the unit belongs to (a reference to grids' streets). */
  street_id: string;
  /** Every street it serves, `street_id` among them (the database adds the home street to a row written without it). */
  served_street_ids: string[];
  name: string;
  kind: UnitKind;
  lat: number;
  lng: number;
  address: string;
  /** Unmasked; the API masks it. */
  contact_name: string;
  /** Unmasked; the API masks it. */
  contact_phone: string;
}
/** A unit from an imported sheet, keyed by the code it has in the district's ledger; ledgers name no served streets. */
export interface ImportedUnitRow extends Omit<UnitRow, 'served_street_ids'> {
  external_code: string;
}
export interface PairingRow {
  id: string;
  unit_id: string;
  /** Read from its unit (a pairing is in its unit's street); never written. */
  street_id: string;
  community_id: string;
  /** YYYY-MM-DD */
  starts_on: string;
  /** YYYY-MM-DD */
  ends_on: string;
  commitments: string[];
  /** YYYY-MM-DD; set only when the pairing was ended early. */
  terminated_on: string | null;
}
export interface ServiceReportRow {
  id: string;
  unit_id: string;
  /** Read from its unit (a report is in its unit's street); never written. */
  street_id: string;
  reporter: ReporterKind;
  /** Set exactly when reporter is IN_SERVICE_MEMBER. */
  member_id: string | null;
  community_id: string;
  activity: string;
  hours: number;
  /** YYYY-MM-DD */
  served_on: string;
  verified: boolean;
  /** Null for seeded reports. */
  submitted_at?: Date | null;
  verified_at?: Date | null;
  verified_by?: string | null;
}

export interface CommitmentRow {
  id: string;
  pairing_id: string;
  position: number;
  text: string;
  kind: CommitmentKind;
  target: number;
  unit_of_measure: UnitOfMeasure;
  period: CommitmentPeriod;
  per_member: boolean;
}

/** A verified report as seen from the pairing it counts for. */
export interface PairingReportRow {
  pairing_id: string;
  hours: number;
  served_on: string;
  member_id: string | null;
}

export interface CreditEventRow {
  id: number;
  unit_id: string;
  reason: CreditReason;
  delta: number;
  rating: number | null;
  source_subgraph: string;
  source_type: string;
  source_id: string;
  occurred_at: Date;
  valid_until: Date;
}

export type NewCreditEvent = Omit<CreditEventRow, 'id'>;

/** An order a unit's resource fulfilled, as resource-pools reported it (order_fulfilments). */
export interface OrderFulfilmentRow {
  order_id: string;
  unit_id: string;
  community_id: string;
  /** resource-pools' DemandSource (MICRO_WISH …). */
  demand_source: string;
  fulfilled_at: Date;
  /** YYYY-MM-DD, China Standard Time. */
  fulfilled_on: string;
}

/** One count of order-based commitment progress; days YYYY-MM-DD, inclusive, China Standard Time. */
export interface OrderFulfilmentCount {
  unitId: string;
  communityId: string;
  demandSources: readonly string[];
  from: string;
  to: string;
}

/** The parent of CoBuildingUnit.creditScore: the unit whose events make it up, and its street (who reads its history). */
export interface CreditScoreParent {
  unit_id: string;
  street_id: string;
}

export interface UnitFilter {
  /**
   * Set from the caller's directory street (lib/auth/policy.ts directoryStreetOf), not from the API's
   * filter: the units serving that street (its home street's among them).
   */
  streetId?: string | null;
  kind?: UnitKind | null;
  communityId?: string | null;
  nameContains?: string | null;
}

/** Everything the co-building subgraph owns, as the seed generator produces it. */
/** How many units of a street have a duty credit score in [band_from, band_from + band width). */
export interface StreetCreditBandRow {
  street_id: string;
  band_from: number;
  units: number;
}

export interface CoBuildingDataset {
  units: UnitRow[];
  pairings: Omit<PairingRow, 'street_id'>[];
  serviceReports: Omit<ServiceReportRow, 'street_id'>[];
  commitments?: CommitmentRow[];
  creditEvents?: NewCreditEvent[];
  orderFulfilments?: OrderFulfilmentRow[];
}

export interface ServiceReportPage {
  rows: ServiceReportRow[];
  totalCount: number;
}

const UNIT_COLUMNS = 'id, street_id, served_street_ids, name, kind, lat, lng, address, contact_name, contact_phone';
/** A pairing's and a report's street is their unit's: read along, so that read scopes need no second lookup. */
const unitStreetOf = (table: string) => `(SELECT u.street_id FROM units u WHERE u.id = ${table}.unit_id) AS street_id`;
const PAIRING_COLUMNS = `id, unit_id, ${unitStreetOf('pairings')}, community_id, starts_on, ends_on, commitments, terminated_on`;
const SERVICE_REPORT_COLUMNS = `id, unit_id, ${unitStreetOf('service_reports')}, reporter, member_id, community_id, activity, hours, served_on, verified, submitted_at, verified_at, verified_by`;
const COMMITMENT_COLUMNS = 'id, pairing_id, position, text, kind, target, unit_of_measure, period, per_member';
const CREDIT_EVENT_COLUMNS = 'id, unit_id, reason, delta, rating, source_subgraph, source_type, source_id, occurred_at, valid_until';

export { WHOLE_DISTRICT, type DirectoryStreet } from '../../lib/auth/policy.js';

/** Every service report: for writes (whose policy decides) and in-process callers, never for a request's reads. */
export const ALL_SERVICE_REPORTS: ReadScope = { kind: 'all' };

/** The units in a directory, at `placeholder` (text): those serving the street — their home street's among them. */
const unitInDirectorySql = (directory: DirectoryStreet, placeholder: string, alias = 'units') =>
  directorySql(directory, placeholder, (street) => `${alias}.served_street_ids @> ARRAY[${street}]`);

/** The pairings in a directory, at `placeholder` (text): a pairing is in its unit's (home) street. */
const pairingInDirectorySql = (directory: DirectoryStreet, placeholder: string) =>
  directorySql(directory, placeholder, (street) => `(SELECT u.street_id FROM units u WHERE u.id = pairings.unit_id) = ${street}`);

/**
 * The service reports a caller reads (lib/auth/policy.ts readScopeOf), with its one parameter, a
 * text[] at `placeholder` (readScopeIds): district-wide roles all; a street admin its street's (a
 * report's street is its unit's); a unit's members their unit's; a community worker the single
 * reports addressed to its community (the ones it verifies); nobody else any.
 */
function serviceReportScopeSql(scope: ReadScope, placeholder: string): string {
  return readScopeSql(scope, placeholder, {
    street: (id) => `(SELECT u.street_id FROM units u WHERE u.id = service_reports.unit_id) = ${id}`,
    unit: (id) => `service_reports.unit_id = ${id}`,
    community: (id) => `service_reports.community_id = ${id}`,
  });
}

export function createCoBuildingStore(db: Queryable) {
  return {
    findUnitsByIds(ids: readonly string[], directory: DirectoryStreet): Promise<UnitRow[]> {
      return db.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = ANY($1) AND ${unitInDirectorySql(directory, '$2')}`, [ids, directory]);
    },

    async updateUnitServedStreets(id: string, streetIds: readonly string[]): Promise<UnitRow> {
      const [row] = await db.query<UnitRow>(`UPDATE units SET served_street_ids = $2 WHERE id = $1 RETURNING ${UNIT_COLUMNS}`, [id, streetIds]);
      if (!row) throw new Error(`unit ${id} vanished`);
      return row;
    },

    findUnitsPage(filter: UnitFilter, page: PageRequest) {
      const where = new Conditions()
        .add(filter.streetId, (p) => unitInDirectorySql(filter.streetId ?? null, p))
        .add(filter.kind, (p) => `kind = ${p}`)
        .add(filter.communityId, (p) => `id IN (SELECT unit_id FROM pairings WHERE community_id = ${p})`)
        .add(filter.nameContains, (p) => `strpos(lower(name), lower(${p})) > 0`);
      return selectPage<UnitRow>(db, 'units', UNIT_COLUMNS, where, page);
    },

    findPairingsByIds(ids: readonly string[], directory: DirectoryStreet): Promise<PairingRow[]> {
      return db.query<PairingRow>(`SELECT ${PAIRING_COLUMNS} FROM pairings WHERE id = ANY($1) AND ${pairingInDirectorySql(directory, '$2')}`, [ids, directory]);
    },

    findPairingsByUnitIds(unitIds: readonly string[], directory: DirectoryStreet): Promise<PairingRow[]> {
      return db.query<PairingRow>(`SELECT ${PAIRING_COLUMNS} FROM pairings WHERE unit_id = ANY($1) AND ${pairingInDirectorySql(directory, '$2')} ORDER BY id`, [
        unitIds,
        directory,
      ]);
    },

    findPairingsByCommunityIds(communityIds: readonly string[], directory: DirectoryStreet): Promise<PairingRow[]> {
      return db.query<PairingRow>(
        `SELECT ${PAIRING_COLUMNS} FROM pairings WHERE community_id = ANY($1) AND ${pairingInDirectorySql(directory, '$2')} ORDER BY id`,
        [communityIds, directory],
      );
    },

    findServiceReportsByIds(ids: readonly string[], scope: ReadScope): Promise<ServiceReportRow[]> {
      return db.query<ServiceReportRow>(`SELECT ${SERVICE_REPORT_COLUMNS} FROM service_reports WHERE id = ANY($1) AND ${serviceReportScopeSql(scope, '$2')}`, [
        ids,
        readScopeIds(scope),
      ]);
    },

    /** The same page of reports for many units in one statement. */
    findServiceReportPagesByUnitIds(unitIds: readonly string[], page: PageRequest): Promise<Map<string, ServiceReportPage>> {
      return selectPagesByKey<ServiceReportRow>(db, 'service_reports', SERVICE_REPORT_COLUMNS, 'unit_id', unitIds, page);
    },

    /** Unverified reports do not count: only hours a community has confirmed are credited. */
    sumVerifiedHoursByUnitIds(unitIds: readonly string[]): Promise<{ key: string; value: number }[]> {
      return db.query<{ key: string; value: number }>(
        `SELECT unit_id AS key, sum(hours) AS value FROM service_reports
          WHERE unit_id = ANY($1) AND verified GROUP BY unit_id`,
        [unitIds],
      );
    },

    async insertServiceReport(report: Omit<ServiceReportRow, 'id' | 'street_id'>): Promise<ServiceReportRow> {
      const [row] = await db.query<ServiceReportRow>(
        `INSERT INTO service_reports (unit_id, reporter, member_id, community_id, activity, hours, served_on, verified, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${SERVICE_REPORT_COLUMNS}`,
        [
          report.unit_id,
          report.reporter,
          report.member_id,
          report.community_id,
          report.activity,
          report.hours,
          report.served_on,
          report.verified,
          report.submitted_at ?? null,
        ],
      );
      return row!;
    },

    /** Verifies a report that is not verified yet; undefined when it does not exist or already was. */
    async verifyServiceReport(id: string, verifiedBy: string, now: Date): Promise<ServiceReportRow | undefined> {
      const [row] = await db.query<ServiceReportRow>(
        `UPDATE service_reports SET verified = true, verified_at = $3, verified_by = $2
          WHERE id = $1 AND NOT verified RETURNING ${SERVICE_REPORT_COLUMNS}`,
        [id, verifiedBy, now],
      );
      return row;
    },

    /** The pairing of a unit with a community, if any (one at most: UNIQUE (unit_id, community_id)). */
    async findPairingOf(unitId: string, communityId: string): Promise<PairingRow | undefined> {
      const [row] = await db.query<PairingRow>(`SELECT ${PAIRING_COLUMNS} FROM pairings WHERE unit_id = $1 AND community_id = $2`, [unitId, communityId]);
      return row;
    },

    /**
     * Serialises the reports of one reporter on one day until the transaction ends, so that two
     * concurrent reports cannot both fit under the daily limit (an advisory lock on the key's hash;
     * a collision only serialises two unrelated reports).
     */
    async lockServiceDay(key: string): Promise<void> {
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
    },

    /** Hours already reported for one day: by the unit itself (memberId null) or by one in-service member. */
    async sumServiceHoursOn(day: string, reporter: { unitId: string; memberId: string | null }): Promise<number> {
      const [row] = await db.query<{ hours: number }>(
        `SELECT coalesce(sum(hours), 0)::float AS hours FROM service_reports
          WHERE served_on = $1::date AND (CASE WHEN $3::text IS NULL THEN unit_id = $2 AND reporter = 'UNIT' ELSE member_id = $3 END)`,
        [day, reporter.unitId, reporter.memberId],
      );
      return row?.hours ?? 0;
    },

    findCommitmentsByPairingIds(pairingIds: readonly string[]): Promise<CommitmentRow[]> {
      return db.query<CommitmentRow>(`SELECT ${COMMITMENT_COLUMNS} FROM agreement_commitments WHERE pairing_id = ANY($1) ORDER BY pairing_id, position`, [
        pairingIds,
      ]);
    },

    /** Verified reports of each pairing's unit to that pairing's community. */
    findVerifiedReportsByPairingIds(pairingIds: readonly string[]): Promise<PairingReportRow[]> {
      return db.query<PairingReportRow>(
        `SELECT p.id AS pairing_id, r.hours, r.served_on, r.member_id
           FROM pairings p JOIN service_reports r ON r.unit_id = p.unit_id AND r.community_id = p.community_id AND r.verified
          WHERE p.id = ANY($1) ORDER BY p.id, r.served_on, r.id`,
        [pairingIds],
      );
    },

    /**
     * Records a credit event once per (source, reason): a redelivered event finds the first one and
     * changes nothing. Returns the stored event and whether this call created it.
     */
    async recordCreditEvent(event: NewCreditEvent): Promise<{ event: CreditEventRow; created: boolean }> {
      const [inserted] = await db.query<CreditEventRow>(
        `INSERT INTO credit_events (unit_id, reason, delta, rating, source_subgraph, source_type, source_id, occurred_at, valid_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (source_subgraph, source_type, source_id, reason) DO NOTHING
         RETURNING ${CREDIT_EVENT_COLUMNS}`,
        [
          event.unit_id,
          event.reason,
          event.delta,
          event.rating,
          event.source_subgraph,
          event.source_type,
          event.source_id,
          event.occurred_at,
          event.valid_until,
        ],
      );
      if (inserted) return { event: inserted, created: true };
      const [existing] = await db.query<CreditEventRow>(
        `SELECT ${CREDIT_EVENT_COLUMNS} FROM credit_events
          WHERE source_subgraph = $1 AND source_type = $2 AND source_id = $3 AND reason = $4`,
        [event.source_subgraph, event.source_type, event.source_id, event.reason],
      );
      return { event: existing!, created: false };
    },

    /** Records an order once: a redelivered fulfilment changes nothing. Returns whether this call created it. */
    async recordOrderFulfilment(row: OrderFulfilmentRow): Promise<{ created: boolean }> {
      const inserted = await db.query(
        `INSERT INTO order_fulfilments (order_id, unit_id, community_id, demand_source, fulfilled_at, fulfilled_on)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
        [row.order_id, row.unit_id, row.community_id, row.demand_source, row.fulfilled_at, row.fulfilled_on],
      );
      return { created: inserted.length > 0 };
    },

    /** Orders each unit fulfilled for a community from the sources, by day of fulfilment; one count per query, in query order. */
    async countOrderFulfilments(queries: readonly OrderFulfilmentCount[]): Promise<number[]> {
      if (queries.length === 0) return [];
      const rows = await db.query<{ count: number }>(
        `SELECT (SELECT count(*)::int FROM order_fulfilments f
                  WHERE f.unit_id = q.unit_id AND f.community_id = q.community_id AND f.demand_source = ANY(q.sources)
                    AND f.fulfilled_on BETWEEN q.from_day AND q.to_day) AS count
           FROM json_to_recordset($1::json) AS q(i int, unit_id text, community_id text, sources text[], from_day date, to_day date)
          ORDER BY q.i`,
        [
          JSON.stringify(
            queries.map((query, i) => ({
              i,
              unit_id: query.unitId,
              community_id: query.communityId,
              sources: query.demandSources,
              from_day: query.from,
              to_day: query.to,
            })),
          ),
        ],
      );
      return rows.map((row) => row.count);
    },

    /** Every structured commitment with its pairing's unit, community and days in force. */
    findAllCommitmentsWithPairings(): Promise<
      (CommitmentRow & { unit_id: string; community_id: string; starts_on: string; ends_on: string; terminated_on: string | null })[]
    > {
      return db.query(
        `SELECT ${COMMITMENT_COLUMNS.split(', ')
          .map((column) => `c.${column}`)
          .join(', ')}, p.unit_id, p.community_id, p.starts_on, p.ends_on, p.terminated_on
           FROM agreement_commitments c JOIN pairings p ON p.id = c.pairing_id ORDER BY c.id`,
      );
    },

    findCreditEventsByUnitIds(unitIds: readonly string[]): Promise<CreditEventRow[]> {
      return db.query<CreditEventRow>(`SELECT ${CREDIT_EVENT_COLUMNS} FROM credit_events WHERE unit_id = ANY($1) ORDER BY unit_id, occurred_at DESC, id DESC`, [
        unitIds,
      ]);
    },

    /**
     * Units per street and band of `bandWidth` points of their duty credit score at `now` (base plus
     * the deltas valid then), in one statement however many streets (`null`: every street).
     */
    findStreetCreditBands(streetIds: readonly string[] | null, now: Date, base: number, bandWidth: number): Promise<StreetCreditBandRow[]> {
      return db.query<StreetCreditBandRow>(
        `SELECT u.street_id, (floor(($3 + coalesce(e.delta, 0)) / $4) * $4)::float8 AS band_from, count(*)::int AS units
           FROM units u
           LEFT JOIN (SELECT unit_id, sum(delta) AS delta FROM credit_events WHERE occurred_at <= $2 AND valid_until > $2 GROUP BY unit_id) e
             ON e.unit_id = u.id
          WHERE $1::text[] IS NULL OR u.street_id = ANY($1)
          GROUP BY 1, 2 ORDER BY 1, 2`,
        [streetIds, now, base, bandWidth],
      );
    },

    /** The sum of the deltas valid at `now`, per unit (units without events are absent). */
    sumValidCreditByUnitIds(unitIds: readonly string[], now: Date): Promise<{ key: string; value: number }[]> {
      return db.query<{ key: string; value: number }>(
        `SELECT unit_id AS key, sum(delta) AS value FROM credit_events
          WHERE unit_id = ANY($1) AND occurred_at <= $2 AND valid_until > $2 GROUP BY unit_id`,
        [unitIds, now],
      );
    },

    /** Units whose id or external code is one of `keys` (the import resolves provider columns with it). */
    findUnitKeys(keys: readonly string[]): Promise<{ id: string; street_id: string; external_code: string | null }[]> {
      return db.query(`SELECT id, street_id, external_code FROM units WHERE id = ANY($1) OR external_code = ANY($1)`, [keys]);
    },

    /** Creates or updates imported units by external code (`npm run import -- … --kind units`). */
    upsertUnitsByExternalCode(rows: readonly ImportedUnitRow[]): Promise<ExternalCodeUpsert> {
      return upsertByExternalCode(db, 'units', rows, ['street_id', 'name', 'kind', 'lat', 'lng', 'address', 'contact_name', 'contact_phone']);
    },

    async isEmpty(): Promise<boolean> {
      const [row] = await db.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM units) AS empty');
      return row?.empty ?? true;
    },

    /** Bulk load, one statement per table, in foreign-key order. */
    async insertDataset(data: CoBuildingDataset): Promise<void> {
      await insertRows(db, 'units', data.units);
      await insertRows(db, 'pairings', data.pairings);
      await insertRows(db, 'service_reports', data.serviceReports);
      await insertRows(db, 'agreement_commitments', data.commitments ?? []);
      if ((data.creditEvents ?? []).length > 0) {
        // Not insertRows: id and recorded_at come from their column defaults.
        await db.query(
          `INSERT INTO credit_events (unit_id, reason, delta, rating, source_subgraph, source_type, source_id, occurred_at, valid_until)
           SELECT unit_id, reason, delta, rating, source_subgraph, source_type, source_id, occurred_at, valid_until
             FROM json_populate_recordset(NULL::credit_events, $1::json)`,
          [JSON.stringify(data.creditEvents)],
        );
      }
      if ((data.orderFulfilments ?? []).length > 0) {
        // Not insertRows: recorded_at comes from its column default.
        await db.query(
          `INSERT INTO order_fulfilments (order_id, unit_id, community_id, demand_source, fulfilled_at, fulfilled_on)
           SELECT order_id, unit_id, community_id, demand_source, fulfilled_at, fulfilled_on FROM json_populate_recordset(NULL::order_fulfilments, $1::json)`,
          [JSON.stringify(data.orderFulfilments)],
        );
      }
      // Reports submitted later continue after the seeded ones.
      if (data.serviceReports.length > 0) {
        await db.query(`SELECT setval('service_report_numbers', $1)`, [data.serviceReports.length]);
      }
    },
  };
}

export type CoBuildingStore = ReturnType<typeof createCoBuildingStore>;
