import { readScopeIds, type DirectoryStreet, type ReadScope } from '../../lib/auth/policy.js';
import { directorySql, readScopeSql } from '../../lib/subgraph/read-scope-sql.js';
import { insertRows, type Queryable } from '../../lib/kernel/database.js';
import { Conditions, selectPage, selectPagesByKey, type PageRequest } from '../../lib/subgraph/pagination.js';
import type { DepartmentCode, OrganisationKind, Gender } from './__generated__/resolvers-types.js';

/** The API's enums (codegen from the SDL), the one definition of their values. */
export type { DepartmentCode, OrganisationKind, Gender };

export interface OrganisationRow {
  id: string;
  /** The street the organisation belongs to (a reference to grids' streets); its members' street too. */
  street_id: string;
  name: string;
  kind: OrganisationKind;
  parent_id: string | null;
  /** Ids from the root down to this organisation, itself last. */
  path: string[];
  community_id: string | null;
  grid_id: string | null;
  micro_grid_id: string | null;
  unit_id: string | null;
}
/** Name and phone in full: only resolvers decide what leaves the subgraph, and they mask. */
export interface PartyMemberRow {
  id: string;
  organisation_id: string;
  name: string;
  phone: string;
  gender: Gender;
  joined_on: string;
  is_secretary: boolean;
  is_grid_leader: boolean;
  residence_community_id: string | null;
  in_service_unit_id: string | null;
}
export interface DepartmentRow {
  id: string;
  code: DepartmentCode;
  name: string;
}

export interface OrganisationFilter {
  /** Set from the caller's directory street (lib/auth/policy.ts directoryStreetOf), not from the API's filter. */
  streetId?: string | null;
  kind?: OrganisationKind | null;
  parentId?: string | null;
  nameContains?: string | null;
}

/** Everything the organisations subgraph owns, as the seed generator produces it. */
export interface OrganisationsDataset {
  organisations: OrganisationRow[];
  partyMembers: PartyMemberRow[];
  departments: DepartmentRow[];
}

/**
 * Where an organisation sits in the street's scopes: the community, grid and co-building unit led by
 * an organisation on its chain (itself or above it). A micro-grid group has its grid's branch and
 * its community's organisation above it; the street committee and the new-economy organisation
 * have none of them.
 */
export interface ChainScopeRow {
  organisation_id: string;
  street_id: string;
  community_id: string | null;
  grid_id: string | null;
  unit_id: string | null;
}

/** The organisation columns that say what an organisation leads, by the entity it leads. */
export const LED_ENTITY_COLUMNS = ['community_id', 'grid_id', 'micro_grid_id', 'unit_id'] as const;
export type LedEntityColumn = (typeof LED_ENTITY_COLUMNS)[number];

const ORGANISATION_COLUMNS = 'id, street_id, name, kind, parent_id, path, community_id, grid_id, micro_grid_id, unit_id';
const MEMBER_COLUMNS = 'id, organisation_id, name, phone, gender, joined_on, is_secretary, is_grid_leader, residence_community_id, in_service_unit_id';

export { WHOLE_DISTRICT, type DirectoryStreet } from '../../lib/auth/policy.js';

/** The organisations in a directory, at `placeholder` (text). */
const organisationInDirectorySql = (directory: DirectoryStreet, placeholder: string, alias = 'organisations') =>
  directorySql(directory, placeholder, (street) => `${alias}.street_id = ${street}`);

/**
 * The party members a caller reads (lib/auth/policy.ts readScopeOf; read-scope.ts says who and why),
 * a condition on `party_members m` whose one parameter, a text[] at `placeholder`, is readScopeIds(scope).
 * A member's chain is its organisation and those above it (`path`), which hold at most one
 * community organisation, one grid branch and one unit branch: the scope ids of ChainScopeRow.
 */
function memberScopeSql(scope: ReadScope, placeholder: string): string {
  const chainHas = (condition: string) =>
    `EXISTS (SELECT 1 FROM organisations o JOIN organisations a ON a.id = ANY(o.path) WHERE o.id = m.organisation_id AND ${condition})`;
  // Departments read no members: they are outside the party chain.
  return readScopeSql(scope, placeholder, {
    street: (id) => `(SELECT o.street_id FROM organisations o WHERE o.id = m.organisation_id) = ${id}`,
    // Its community's chain, and the members living in it (who report there: 双报到).
    community: (id) => `m.residence_community_id = ${id} OR ${chainHas(`a.community_id = ${id}`)}`,
    // The grid and the community the token names must both be on the chain.
    grid: (id, communityId) => `${chainHas(`a.grid_id = ${id}`)} AND ${chainHas(`a.community_id = ${communityId}`)}`,
    unit: (id) => chainHas(`a.unit_id = ${id}`),
  });
}

export function createOrganisationsStore(db: Queryable) {
  return {
    findOrganisationsByIds(ids: readonly string[], directory: DirectoryStreet): Promise<OrganisationRow[]> {
      return db.query<OrganisationRow>(
        `SELECT ${ORGANISATION_COLUMNS} FROM organisations WHERE id = ANY($1) AND ${organisationInDirectorySql(directory, '$2')}`,
        [ids, directory],
      );
    },

    findOrganisationsByParentIds(parentIds: readonly string[], directory: DirectoryStreet): Promise<OrganisationRow[]> {
      return db.query<OrganisationRow>(
        `SELECT ${ORGANISATION_COLUMNS} FROM organisations WHERE parent_id = ANY($1) AND ${organisationInDirectorySql(directory, '$2')} ORDER BY id COLLATE "C"`,
        [parentIds, directory],
      );
    },

    /**
     * The organisations leading the given communities, grids, micro-grids and units, in one statement:
     * a request's entities ask for several kinds at once (a dashboard's communities, their grids and
     * micro-grids). One arm per column, each on its column's unique index; a kind without ids costs
     * its arm nothing.
     */
    findOrganisationsLeading(
      ids: Readonly<Record<LedEntityColumn, readonly string[]>>,
      directory: DirectoryStreet,
    ): Promise<(OrganisationRow & { led_column: LedEntityColumn; led_id: string })[]> {
      const directoryParam = `$${LED_ENTITY_COLUMNS.length + 1}`;
      return db.query<OrganisationRow & { led_column: LedEntityColumn; led_id: string }>(
        LED_ENTITY_COLUMNS.map(
          (column, i) =>
            `SELECT ${ORGANISATION_COLUMNS}, '${column}' AS led_column, ${column} AS led_id FROM organisations
              WHERE ${column} = ANY($${i + 1}) AND ${organisationInDirectorySql(directory, directoryParam)}`,
        ).join(' UNION ALL '),
        [...LED_ENTITY_COLUMNS.map((column) => ids[column]), directory],
      );
    },

    /** The party working committee of each street (one per street). */
    findStreetCommitteesOf(streetIds: readonly string[], directory: DirectoryStreet): Promise<OrganisationRow[]> {
      return db.query<OrganisationRow>(
        `SELECT ${ORGANISATION_COLUMNS} FROM organisations
          WHERE kind = 'STREET_PARTY_WORKING_COMMITTEE' AND street_id = ANY($1) AND ${organisationInDirectorySql(directory, '$2')} ORDER BY id COLLATE "C"`,
        [streetIds, directory],
      );
    },

    /** Each chain holds at most one community organisation, one grid branch and one unit branch. */
    findChainScopesOf(organisationIds: readonly string[]): Promise<ChainScopeRow[]> {
      return db.query<ChainScopeRow>(
        `SELECT o.id AS organisation_id, o.street_id, max(a.community_id) AS community_id, max(a.grid_id) AS grid_id, max(a.unit_id) AS unit_id
           FROM organisations o JOIN organisations a ON a.id = ANY(o.path)
          WHERE o.id = ANY($1)
          GROUP BY o.id, o.street_id`,
        [organisationIds],
      );
    },

    findOrganisationsPage(filter: OrganisationFilter, page: PageRequest) {
      const where = new Conditions()
        .add(filter.streetId, (p) => organisationInDirectorySql(filter.streetId ?? null, p))
        .add(filter.kind, (p) => `kind = ${p}`)
        .add(filter.parentId, (p) => `parent_id = ${p}`)
        .add(filter.nameContains, (p) => `strpos(lower(name), lower(${p})) > 0`);
      return selectPage<OrganisationRow>(db, 'organisations', ORGANISATION_COLUMNS, where, page);
    },

    /** Members of each organisation's whole subtree (the path index finds the subtree). */
    countMembersInSubtrees(organisationIds: readonly string[]): Promise<{ key: string; value: number }[]> {
      return db.query<{ key: string; value: number }>(
        `SELECT root.id AS key, count(m.id) AS value
           FROM unnest($1::text[]) AS root(id)
           JOIN organisations o ON o.path @> ARRAY[root.id]
           JOIN party_members m ON m.organisation_id = o.id
          GROUP BY root.id`,
        [organisationIds],
      );
    },

    findSecretariesOf(organisationIds: readonly string[], scope: ReadScope): Promise<PartyMemberRow[]> {
      return db.query<PartyMemberRow>(
        `SELECT ${MEMBER_COLUMNS} FROM party_members m WHERE is_secretary AND organisation_id = ANY($1) AND ${memberScopeSql(scope, '$2')}`,
        [organisationIds, readScopeIds(scope)],
      );
    },

    findMemberPagesOf(organisationIds: readonly string[], page: PageRequest) {
      return selectPagesByKey<PartyMemberRow>(db, 'party_members', MEMBER_COLUMNS, 'organisation_id', organisationIds, page);
    },

    findPartyMembersByIds(ids: readonly string[], scope: ReadScope): Promise<PartyMemberRow[]> {
      return db.query<PartyMemberRow>(`SELECT ${MEMBER_COLUMNS} FROM party_members m WHERE id = ANY($1) AND ${memberScopeSql(scope, '$2')}`, [
        ids,
        readScopeIds(scope),
      ]);
    },

    findDepartments(): Promise<DepartmentRow[]> {
      return db.query<DepartmentRow>('SELECT id, code, name FROM departments ORDER BY id');
    },

    findDepartmentsByIds(ids: readonly string[]): Promise<DepartmentRow[]> {
      return db.query<DepartmentRow>('SELECT id, code, name FROM departments WHERE id = ANY($1)', [ids]);
    },

    async isEmpty(): Promise<boolean> {
      const [row] = await db.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM organisations) AS empty');
      return row?.empty ?? true;
    },

    /** Bulk load, one statement per table; parents come before children in `organisations`. */
    async insertDataset(data: OrganisationsDataset): Promise<void> {
      await insertRows(db, 'departments', data.departments);
      await insertRows(db, 'organisations', data.organisations);
      await insertRows(db, 'party_members', data.partyMembers);
    },
  };
}

export type OrganisationsStore = ReturnType<typeof createOrganisationsStore>;
