import { insertRows, type Queryable } from '../../lib/database.js';
import { Conditions, selectPage, selectPagesByKey, type PageRequest } from '../../lib/pagination.js';

export type UnitKind =
  | 'AGENCY'
  | 'STATE_ENTERPRISE'
  | 'PRIVATE_ENTERPRISE'
  | 'SCHOOL'
  | 'HOSPITAL'
  | 'SOCIAL_ORGANISATION'
  | 'PROPERTY_COMPANY';
export type ReporterKind = 'UNIT' | 'IN_SERVICE_MEMBER';

export interface UnitRow {
  id: string;
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
export interface PairingRow {
  id: string;
  unit_id: string;
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
  reporter: ReporterKind;
  /** Set exactly when reporter is IN_SERVICE_MEMBER. */
  member_id: string | null;
  community_id: string;
  activity: string;
  hours: number;
  /** YYYY-MM-DD */
  served_on: string;
  verified: boolean;
}

export interface UnitFilter {
  kind?: UnitKind | null;
  communityId?: string | null;
  nameContains?: string | null;
}

/** Everything the co-building subgraph owns, as the seed generator produces it. */
export interface CoBuildingDataset {
  units: UnitRow[];
  pairings: PairingRow[];
  serviceReports: ServiceReportRow[];
}

export interface ServiceReportPage {
  rows: ServiceReportRow[];
  totalCount: number;
}

const UNIT_COLUMNS = 'id, name, kind, lat, lng, address, contact_name, contact_phone';
const PAIRING_COLUMNS = 'id, unit_id, community_id, starts_on, ends_on, commitments, terminated_on';
const SERVICE_REPORT_COLUMNS = 'id, unit_id, reporter, member_id, community_id, activity, hours, served_on, verified';

export function createCoBuildingStore(db: Queryable) {
  return {
    findUnitsByIds(ids: readonly string[]): Promise<UnitRow[]> {
      return db.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = ANY($1)`, [ids]);
    },

    findUnitsPage(filter: UnitFilter, page: PageRequest) {
      const where = new Conditions()
        .add(filter.kind, (p) => `kind = ${p}`)
        .add(filter.communityId, (p) => `id IN (SELECT unit_id FROM pairings WHERE community_id = ${p})`)
        .add(filter.nameContains, (p) => `strpos(lower(name), lower(${p})) > 0`);
      return selectPage<UnitRow>(db, 'units', UNIT_COLUMNS, where, page);
    },

    findPairingsByIds(ids: readonly string[]): Promise<PairingRow[]> {
      return db.query<PairingRow>(`SELECT ${PAIRING_COLUMNS} FROM pairings WHERE id = ANY($1)`, [ids]);
    },

    findPairingsByUnitIds(unitIds: readonly string[]): Promise<PairingRow[]> {
      return db.query<PairingRow>(`SELECT ${PAIRING_COLUMNS} FROM pairings WHERE unit_id = ANY($1) ORDER BY id`, [unitIds]);
    },

    findPairingsByCommunityIds(communityIds: readonly string[]): Promise<PairingRow[]> {
      return db.query<PairingRow>(
        `SELECT ${PAIRING_COLUMNS} FROM pairings WHERE community_id = ANY($1) ORDER BY id`,
        [communityIds],
      );
    },

    findServiceReportsByIds(ids: readonly string[]): Promise<ServiceReportRow[]> {
      return db.query<ServiceReportRow>(`SELECT ${SERVICE_REPORT_COLUMNS} FROM service_reports WHERE id = ANY($1)`, [ids]);
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

    async isEmpty(): Promise<boolean> {
      const [row] = await db.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM units) AS empty');
      return row?.empty ?? true;
    },

    /** Bulk load, one statement per table, in foreign-key order. */
    async insertDataset(data: CoBuildingDataset): Promise<void> {
      await insertRows(db, 'units', data.units);
      await insertRows(db, 'pairings', data.pairings);
      await insertRows(db, 'service_reports', data.serviceReports);
    },
  };
}

export type CoBuildingStore = ReturnType<typeof createCoBuildingStore>;
