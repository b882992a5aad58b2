import { createHash } from 'node:crypto';
import { Registry } from 'prom-client';
import { Database, type ExternalCodeUpsert, type Queryable } from '../../lib/kernel/database.js';
import { assertNever } from '../../lib/kernel/errors.js';
import type { SubgraphName } from '../../lib/subgraph/names.js';
import { createCoBuildingStore, type ImportedUnitRow } from '../../subgraphs/co-building/store.js';
import { createGridsStore, type ImportedCommunityRow, type ImportedGridRow } from '../../subgraphs/grids/store.js';
import { createOrganisationsStore } from '../../subgraphs/organisations/store.js';
import { createResourcePoolsStore, type ImportedResourceRow } from '../../subgraphs/resource-pools/store.js';
import { REFERENCE_STREET_ID } from '../../seed/plan.js';
import { KIND_SPECS, normaliseHeader, type ColumnSpec, type ImportKind, type ParsedRow } from './columns.js';
import { readSheet, type Sheet } from './read-sheet.js';

export interface ImportOptions {
  file: string;
  kind: ImportKind;
  /** Import the valid rows and report the others, instead of importing nothing when any row is wrong. */
  partial?: boolean;
  /** The database of each subgraph the kind writes to or resolves references in. */
  databaseUrls: Partial<Record<SubgraphName, string>>;
  /** Receives progress lines (the CLI prints them on stderr). */
  progress?: (line: string) => void;
  /** Rows per write batch and between progress lines (default 1000). */
  batchSize?: number;
}

export interface ImportReport {
  kind: ImportKind;
  /** Data rows in the file. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows not imported (all of them when `imported` is false). */
  rejected: number;
  /** Row-numbered problems, e.g. "row 7: households must be a non-negative integer". */
  errors: string[];
  /** False when nothing was written (some row was wrong and --partial was not given). */
  imported: boolean;
}

/** "3 created, 1 updated, 0 unchanged" (+ ", 2 rejected" when rows were left out). */
export function summarise(report: ImportReport): string {
  const counts = `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`;
  return report.rejected > 0 ? `${counts}, ${report.rejected} rejected` : counts;
}

/** A row that passed validation, with the line it came from. */
interface ValidRow<Kind extends ImportKind> {
  rowNumber: number;
  value: ParsedRow<Kind>;
}

/** What differs between kinds: resolving references to other records, and the write. */
interface KindImporter<Kind extends ImportKind, StoreRow> {
  /** Turns valid rows into store rows; a row whose reference does not resolve gets an error instead. */
  resolve(rows: readonly ValidRow<Kind>[], databases: Databases): Promise<{ rowNumber: number; row?: StoreRow; error?: string }[]>;
  write(tx: Queryable, rows: readonly StoreRow[]): Promise<ExternalCodeUpsert>;
  /** After a write has committed: copies another subgraph keeps of what was written (idempotent). */
  mirror?(rows: readonly StoreRow[], databases: Databases): Promise<void>;
}

type Databases = { get(name: SubgraphName): Database };

/**
 * Imports one sheet. Every row is validated first (columns, values, references); unless `partial`,
 * any error means nothing is written. Rows are upserted by external code in one transaction (with
 * `partial`: one per batch, so a failing batch does not undo the others), so importing the same
 * file twice changes nothing the second time.
 */
export async function importFile(options: ImportOptions): Promise<ImportReport> {
  const sheet = await readSheet(options.file);
  const databases = openDatabases(options.databaseUrls);
  try {
    switch (options.kind) {
      case 'units':
        return await importSheet('units', sheet, options, databases, unitsImporter);
      case 'communities':
        return await importSheet('communities', sheet, options, databases, communitiesImporter);
      case 'grids':
        return await importSheet('grids', sheet, options, databases, gridsImporter);
      case 'resources':
        return await importSheet('resources', sheet, options, databases, resourcesImporter);
      default:
        return assertNever(options.kind, 'import kind');
    }
  } finally {
    await databases.close();
  }
}

async function importSheet<Kind extends ImportKind, StoreRow>(
  kind: Kind,
  sheet: Sheet,
  options: ImportOptions,
  databases: Databases,
  importer: KindImporter<Kind, StoreRow>,
): Promise<ImportReport> {
  const spec = KIND_SPECS[kind];
  const batchSize = options.batchSize ?? 1000;
  const progress = options.progress ?? (() => undefined);
  const total = sheet.rows.length;
  const report: ImportReport = { kind, rows: total, created: 0, updated: 0, unchanged: 0, rejected: 0, errors: [], imported: false };
  const fail = (errors: string[]): ImportReport => ({ ...report, created: 0, updated: 0, unchanged: 0, rejected: total, errors });

  const columns = mapHeaders(sheet.headers, spec.columns);
  if (typeof columns === 'string') return fail([columns]);

  const errorsByRow = new Map<number, string[]>();
  const addError = (rowNumber: number, message: string) => errorsByRow.set(rowNumber, [...(errorsByRow.get(rowNumber) ?? []), `row ${rowNumber}: ${message}`]);
  const valid: ValidRow<Kind>[] = [];
  const firstRowOfCode = new Map<string, number>();
  sheet.rows.forEach((sheetRow, i) => {
    const record = Object.fromEntries(spec.columns.map((column) => [column.name, sheetRow.cells[columns.get(column.name) ?? -1] ?? '']));
    const parsed = spec.schema.safeParse(record);
    if (!parsed.success) {
      const reported = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        if (reported.has(field)) continue; // one message per cell: "is required", not also "must be a number"
        reported.add(field);
        addError(sheetRow.rowNumber, `${field} ${issue.message}`);
      }
    } else {
      const code = (parsed.data as { external_code: string }).external_code;
      const first = firstRowOfCode.get(code);
      if (first !== undefined) addError(sheetRow.rowNumber, `external_code ${code} repeats row ${first}`);
      else {
        firstRowOfCode.set(code, sheetRow.rowNumber);
        valid.push({ rowNumber: sheetRow.rowNumber, value: parsed.data as ParsedRow<Kind> });
      }
    }
    if (total > batchSize && ((i + 1) % batchSize === 0 || i + 1 === total)) progress(`validated ${i + 1}/${total} rows (${percent(i + 1, total)})`);
  });

  const resolved = await importer.resolve(valid, databases);
  const writable: { rowNumber: number; row: StoreRow }[] = [];
  for (const entry of resolved) {
    if (entry.error !== undefined) addError(entry.rowNumber, entry.error);
    else writable.push({ rowNumber: entry.rowNumber, row: entry.row! });
  }
  const errors = [...errorsByRow.entries()].sort(([a], [b]) => a - b).flatMap(([, messages]) => messages);
  if (errors.length > 0 && !options.partial) return fail(errors);

  const db = databases.get(spec.subgraph);
  const batches: { rowNumber: number; row: StoreRow }[][] = [];
  for (let i = 0; i < writable.length; i += batchSize) batches.push(writable.slice(i, i + batchSize));
  const counted = (result: ExternalCodeUpsert) => {
    report.created += result.created.size;
    report.updated += result.updated.size;
  };
  let written = 0;
  const reportWritten = (rows: number) => {
    written += rows;
    if (writable.length > batchSize) progress(`imported ${written}/${writable.length} rows (${percent(written, writable.length)})`);
  };
  if (!options.partial) {
    try {
      await db.transaction(async (tx) => {
        for (const batch of batches) {
          counted(
            await importer.write(
              tx,
              batch.map((entry) => entry.row),
            ),
          );
          reportWritten(batch.length);
        }
      });
    } catch (error) {
      return fail([`nothing imported: ${(error as Error).message}`]);
    }
    try {
      await importer.mirror?.(
        writable.map((entry) => entry.row),
        databases,
      );
    } catch (error) {
      errors.push(`imported, but updating other subgraphs' copies failed (run the import again): ${(error as Error).message}`);
    }
  } else {
    for (const batch of batches) {
      const rows = batch.map((entry) => entry.row);
      const span = `rows ${batch[0]!.rowNumber}–${batch[batch.length - 1]!.rowNumber}`;
      try {
        counted(await db.transaction((tx) => importer.write(tx, rows)));
      } catch (error) {
        errors.push(`${span}: not imported: ${(error as Error).message}`);
        report.rejected += batch.length;
        reportWritten(batch.length);
        continue;
      }
      await importer.mirror?.(rows, databases).catch((error: Error) => {
        errors.push(`${span}: imported, but updating other subgraphs' copies failed (run the import again): ${error.message}`);
      });
      reportWritten(batch.length);
    }
  }
  report.rejected += total - writable.length;
  report.unchanged = total - report.rejected - report.created - report.updated;
  return { ...report, errors, imported: true };
}

/** Column positions by canonical name, or the header problem. */
function mapHeaders(headers: readonly string[], specs: readonly ColumnSpec[]): Map<string, number> | string {
  const byHeader = new Map<string, ColumnSpec>();
  for (const spec of specs) for (const name of [spec.name, ...spec.aliases]) byHeader.set(normaliseHeader(name), spec);
  const positions = new Map<string, number>();
  const problems: string[] = [];
  headers.forEach((header, index) => {
    if (header === '') return;
    const spec = byHeader.get(normaliseHeader(header));
    if (!spec) problems.push(`unknown column "${header}"`);
    else if (positions.has(spec.name)) problems.push(`column ${spec.name} appears twice ("${header}")`);
    else positions.set(spec.name, index);
  });
  for (const spec of specs) {
    if (spec.required && !positions.has(spec.name)) problems.push(`missing column ${spec.name} (${spec.aliases[0]})`);
  }
  if (problems.length === 0) return positions;
  const expected = specs.map((spec) => `${spec.name}/${spec.aliases[0]}${spec.required ? '' : ' (optional)'}`).join(', ');
  return `row 1: ${problems.join('; ')}. Columns: ${expected}`;
}

function percent(done: number, total: number): string {
  return `${Math.floor((done / total) * 100)}%`;
}

/** Imported rows get a stable id derived from their external code (`unit-imp-3f9a0c12d4e5`). */
function importedId(prefix: string, externalCode: string): string {
  return `${prefix}-imp-${createHash('sha256').update(externalCode).digest('hex').slice(0, 12)}`;
}

function openDatabases(urls: Partial<Record<SubgraphName, string>>): Databases & { close(): Promise<void> } {
  const open = new Map<SubgraphName, Database>();
  return {
    get(name) {
      let db = open.get(name);
      if (!db) {
        const url = urls[name];
        if (!url) throw new Error(`no database URL for the ${name} subgraph`);
        db = new Database({ url, service: `import-${name}`, registry: new Registry(), maxConnections: 2 });
        open.set(name, db);
      }
      return db;
    },
    async close() {
      await Promise.all([...open.values()].map((db) => db.close()));
    },
  };
}

/** Maps each key (an id or an external code) to the id it names. */
function idsByKey(rows: readonly { id: string; external_code: string | null }[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const row of rows) {
    ids.set(row.id, row.id);
    if (row.external_code !== null) ids.set(row.external_code, row.id);
  }
  return ids;
}

/**
 * Ledgers name no street: units and department resources are imported into the first street
 * (docs/streets.md), the reference street while grids holds none yet; a unit's resources are in
 * its unit's street.
 */
async function firstStreetId(databases: Databases): Promise<string> {
  const street = await createGridsStore(databases.get('grids')).findFirstStreet();
  return street?.id ?? REFERENCE_STREET_ID;
}

const unitsImporter: KindImporter<'units', ImportedUnitRow> = {
  async resolve(rows, databases) {
    const streetId = await firstStreetId(databases);
    return rows.map(({ rowNumber, value }) => ({ rowNumber, row: { id: importedId('unit', value.external_code), street_id: streetId, ...value } }));
  },
  write: (tx, rows) => createCoBuildingStore(tx).upsertUnitsByExternalCode(rows),
};

const communitiesImporter: KindImporter<'communities', ImportedCommunityRow> = {
  async resolve(rows, databases) {
    const offices = await createGridsStore(databases.get('grids')).findOffices();
    const officeIds = new Map<string, string>();
    for (const office of offices) {
      officeIds.set(office.id, office.id);
      officeIds.set(office.name, office.id);
    }
    return rows.map(({ rowNumber, value }) => {
      const { office, ...rest } = value;
      const officeId = officeIds.get(office);
      if (officeId === undefined) {
        const known = offices.map((o) => `${o.id} ${o.name}`).join(', ');
        return { rowNumber, error: `office "${office}" is neither an office id nor an office name (${known})` };
      }
      return { rowNumber, row: { id: importedId('community', value.external_code), ...rest, office_id: officeId } };
    });
  },
  write: (tx, rows) => createGridsStore(tx).upsertCommunitiesByExternalCode(rows),
  // Resource pools keeps its own community → office mapping (batch allocation by office).
  mirror: async (rows, databases) => {
    const streetOf = new Map((await createGridsStore(databases.get('grids')).findOffices()).map((office) => [office.id, office.street_id]));
    await createResourcePoolsStore(databases.get('resource-pools')).upsertCommunityOffices(
      rows.map((row) => ({ community_id: row.id, office_id: row.office_id, street_id: streetOf.get(row.office_id)! })),
    );
  },
};

const gridsImporter: KindImporter<'grids', ImportedGridRow> = {
  async resolve(rows, databases) {
    const keys = [...new Set(rows.map((row) => row.value.community))];
    const communityIds = idsByKey(keys.length ? await createGridsStore(databases.get('grids')).findCommunityKeys(keys) : []);
    return rows.map(({ rowNumber, value }) => {
      const { community, ...rest } = value;
      const communityId = communityIds.get(community);
      if (communityId === undefined) return { rowNumber, error: `community "${community}" is neither a community id nor a community's external code` };
      return { rowNumber, row: { id: importedId('grid', value.external_code), ...rest, community_id: communityId } };
    });
  },
  write: (tx, rows) => createGridsStore(tx).upsertGridsByExternalCode(rows),
};

interface ResourceWrite {
  row: ImportedResourceRow;
  communityIds: string[];
}

const resourcesImporter: KindImporter<'resources', ResourceWrite> = {
  async resolve(rows, databases) {
    const unitKeys = [...new Set(rows.filter((row) => row.value.provider_kind === 'CO_BUILDING_UNIT').map((row) => row.value.provider))];
    const unitKeyRows = unitKeys.length ? await createCoBuildingStore(databases.get('co-building')).findUnitKeys(unitKeys) : [];
    const unitIds = idsByKey(unitKeyRows);
    const unitStreets = new Map(unitKeyRows.map((unit) => [unit.id, unit.street_id]));
    const departmentStreetId = await firstStreetId(databases);
    const needsDepartments = rows.some((row) => row.value.provider_kind === 'DEPARTMENT');
    const departments = needsDepartments ? await createOrganisationsStore(databases.get('organisations')).findDepartments() : [];
    const departmentIds = new Map<string, string>();
    for (const department of departments) {
      departmentIds.set(department.id, department.id);
      departmentIds.set(department.code, department.id);
    }
    const communityKeys = [...new Set(rows.flatMap((row) => row.value.communities))];
    const communityIds = idsByKey(communityKeys.length ? await createGridsStore(databases.get('grids')).findCommunityKeys(communityKeys) : []);
    return rows.map(({ rowNumber, value }) => {
      const { provider, communities, ...rest } = value;
      const providerId = value.provider_kind === 'CO_BUILDING_UNIT' ? unitIds.get(provider) : departmentIds.get(provider);
      if (providerId === undefined) {
        const what = value.provider_kind === 'CO_BUILDING_UNIT' ? "a co-building unit's id or external code" : "a department's id or code";
        return { rowNumber, error: `provider "${provider}" is not ${what}` };
      }
      const unknown = communities.filter((key) => !communityIds.has(key));
      if (unknown.length > 0)
        return { rowNumber, error: `communities ${unknown.map((key) => `"${key}"`).join(', ')} not found (give community ids or external codes)` };
      // Ledgers name categories only: an imported resource is of its category's GENERAL kind (help_kinds).
      const streetId = value.provider_kind === 'CO_BUILDING_UNIT' ? unitStreets.get(providerId)! : departmentStreetId;
      const row: ImportedResourceRow = {
        id: importedId('resource', value.external_code),
        street_id: streetId,
        ...rest,
        sub_kind: 'GENERAL',
        provider_id: providerId,
        availability: [],
      };
      return { rowNumber, row: { row, communityIds: communities.map((key) => communityIds.get(key)!) } };
    });
  },
  write: (tx, writes) =>
    createResourcePoolsStore(tx).upsertResourcesByExternalCode(
      writes.map((write) => write.row),
      new Map(writes.map((write) => [write.row.external_code, write.communityIds])),
    ),
};
