import { insertRows, type Queryable } from '../../lib/database.js';
import { Conditions, selectPage, type PageRequest } from '../../lib/pagination.js';

export type CommunityKind = 'COMMUNITY' | 'VILLAGE';
export type GridKind = 'COMPREHENSIVE' | 'DEDICATED';
export type DedicatedGridKind = 'SCHOOL' | 'HOSPITAL' | 'BUSINESS_DISTRICT' | 'INDUSTRIAL_PARK';

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
  name: string;
  kind: CommunityKind;
  households: number;
  population: number;
  lat: number;
  lng: number;
}
export interface GridRow {
  id: string;
  community_id: string;
  name: string;
  kind: GridKind;
  dedicated_to: DedicatedGridKind | null;
  households: number;
}
export interface MicroGridRow {
  id: string;
  grid_id: string;
  name: string;
  households: number;
}

export interface CommunityFilter {
  kind?: CommunityKind | null;
  officeId?: string | null;
  nameContains?: string | null;
}

/** Everything the grids subgraph owns, as the seed generator produces it. */
export interface GridsDataset {
  streets: StreetRow[];
  offices: OfficeRow[];
  communities: CommunityRow[];
  grids: GridRow[];
  microGrids: MicroGridRow[];
}

const COMMUNITY_COLUMNS = 'id, office_id, name, kind, households, population, lat, lng';
const GRID_COLUMNS = 'id, community_id, name, kind, dedicated_to, households';
const MICRO_GRID_COLUMNS = 'id, grid_id, name, households';

export function createGridsStore(db: Queryable) {
  return {
    async findStreet(): Promise<StreetRow | undefined> {
      const [street] = await db.query<StreetRow>('SELECT id, name, area_km2, residents FROM streets ORDER BY id LIMIT 1');
      return street;
    },

    findOffices(): Promise<OfficeRow[]> {
      return db.query<OfficeRow>('SELECT id, street_id, name FROM offices ORDER BY id');
    },

    findOfficesByIds(ids: readonly string[]): Promise<OfficeRow[]> {
      return db.query<OfficeRow>('SELECT id, street_id, name FROM offices WHERE id = ANY($1)', [ids]);
    },

    findCommunitiesByIds(ids: readonly string[]): Promise<CommunityRow[]> {
      return db.query<CommunityRow>(`SELECT ${COMMUNITY_COLUMNS} FROM communities WHERE id = ANY($1)`, [ids]);
    },

    findCommunitiesByOfficeIds(officeIds: readonly string[]): Promise<CommunityRow[]> {
      return db.query<CommunityRow>(
        `SELECT ${COMMUNITY_COLUMNS} FROM communities WHERE office_id = ANY($1) ORDER BY id`,
        [officeIds],
      );
    },

    findCommunitiesPage(filter: CommunityFilter, page: PageRequest) {
      const where = new Conditions()
        .add(filter.kind, (p) => `kind = ${p}`)
        .add(filter.officeId, (p) => `office_id = ${p}`)
        .add(filter.nameContains, (p) => `strpos(lower(name), lower(${p})) > 0`);
      return selectPage<CommunityRow>(db, 'communities', COMMUNITY_COLUMNS, where, page);
    },

    findGridsByIds(ids: readonly string[]): Promise<GridRow[]> {
      return db.query<GridRow>(`SELECT ${GRID_COLUMNS} FROM grids WHERE id = ANY($1)`, [ids]);
    },

    findGridsByCommunityIds(communityIds: readonly string[]): Promise<GridRow[]> {
      return db.query<GridRow>(`SELECT ${GRID_COLUMNS} FROM grids WHERE community_id = ANY($1) ORDER BY id`, [communityIds]);
    },

    findMicroGridsByIds(ids: readonly string[]): Promise<MicroGridRow[]> {
      return db.query<MicroGridRow>(`SELECT ${MICRO_GRID_COLUMNS} FROM micro_grids WHERE id = ANY($1)`, [ids]);
    },

    findMicroGridsByGridIds(gridIds: readonly string[]): Promise<MicroGridRow[]> {
      return db.query<MicroGridRow>(`SELECT ${MICRO_GRID_COLUMNS} FROM micro_grids WHERE grid_id = ANY($1) ORDER BY id`, [gridIds]);
    },

    countMicroGridsByCommunityIds(communityIds: readonly string[]): Promise<{ key: string; value: number }[]> {
      return db.query<{ key: string; value: number }>(
        `SELECT g.community_id AS key, count(*) AS value
           FROM micro_grids m JOIN grids g ON g.id = m.grid_id
          WHERE g.community_id = ANY($1) GROUP BY g.community_id`,
        [communityIds],
      );
    },

    async isEmpty(): Promise<boolean> {
      const [row] = await db.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM streets) AS empty');
      return row?.empty ?? true;
    },

    /** Bulk load, one statement per table, in foreign-key order. */
    async insertDataset(data: GridsDataset): Promise<void> {
      await insertRows(db, 'streets', data.streets);
      await insertRows(db, 'offices', data.offices);
      await insertRows(db, 'communities', data.communities);
      await insertRows(db, 'grids', data.grids);
      await insertRows(db, 'micro_grids', data.microGrids);
    },
  };
}

export type GridsStore = ReturnType<typeof createGridsStore>;
