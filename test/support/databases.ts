import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Registry } from 'prom-client';
import { Database, ensureDatabase, withDatabaseName } from '../../lib/kernel/database.js';
import { migrate } from '../../lib/kernel/migrate.js';
import { migrateSubgraph } from '../../lib/subgraph/runtime.js';
import { migrationsDirOf, type SubgraphName } from '../../lib/subgraph/names.js';
import { SEEDERS } from '../../seed/index.js';
import { planStreet } from '../../seed/plan.js';
import { SERVICE_CALL_TIMEOUT_MS } from './wait.js';

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (npm test)');
  return url;
}

export interface TestDatabase {
  url: string;
  db: Database;
  registry: Registry;
  drop(): Promise<void>;
}

/**
 * What a new test database holds: `migrated` the subgraph's schema only, `street` the schema and
 * the reference street (planStreet(1)), as a test hub serves it.
 */
export type TestDatabaseContent = 'migrated' | 'street';

/**
 * A new database of one subgraph, owned by the calling test alone (it may write anything). It is a
 * copy of a template database (CREATE DATABASE … TEMPLATE): migrating and seeding happen once per
 * run and content, not once per test file. With `migratedUpTo` (a migration's file name) it is
 * instead a new database with only the subgraph's own migrations up to that one: a migration test
 * writes rows as an older version would, then runs `migrateSubgraph`.
 */
export async function createTestDatabase(
  subgraph: SubgraphName,
  options: { content?: TestDatabaseContent; migratedUpTo?: string } = {},
): Promise<TestDatabase> {
  const name = `test_${subgraph.replace('-', '_')}_${randomBytes(4).toString('hex')}`;
  if (options.migratedUpTo === undefined) {
    const template = await templateDatabase(subgraph, options.content ?? 'migrated');
    await withAdmin(async (admin) => {
      // FILE_COPY copies the template's files as they are, 2–3 times faster than the default (WAL_LOG,
      // which writes every page to the WAL) for databases this small; PostgreSQL 15 and later.
      const version = (await admin.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0]!.server_version_num;
      const strategy = Number(version) >= 150000 ? ' STRATEGY FILE_COPY' : '';
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(template)}${strategy}`);
    });
  } else {
    await ensureDatabase(testServerUrl(), name);
    await migrateUpTo(withDatabaseName(testServerUrl(), name), subgraph, options.migratedUpTo);
  }
  const url = withDatabaseName(testServerUrl(), name);
  const registry = new Registry();
  const db = new Database({ url, service: subgraph, registry, connectTimeoutMs: SERVICE_CALL_TIMEOUT_MS });
  return {
    url,
    db,
    registry,
    async drop() {
      await db.close();
      await dropDatabase(name);
    },
  };
}

async function migrateUpTo(url: string, subgraph: SubgraphName, last: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `${subgraph}-migrations-`));
  try {
    for (const file of (await readdir(migrationsDirOf(subgraph))).filter((file) => file <= last)) {
      await copyFile(join(migrationsDirOf(subgraph), file), join(dir, file));
    }
    await migrate(url, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The run's templates are named after the run (TEST_RUN_ID, set by global-setup.js), so a server
 * that outlives a run (TEST_DATABASE_URL) never hands a later run a template of older migrations.
 */
export function templateNamePrefix(): string {
  return `template_${process.env.TEST_RUN_ID ?? 'local'}_`;
}

/** Templates this process made or found, by name (each jest worker is one process). */
const templates = new Map<string, Promise<string>>();

/**
 * The template of one subgraph and content, made by whichever jest worker asks first. Workers are
 * separate processes, so an advisory lock on the server lets one of them build it while the others
 * wait; the template flag (datistemplate) is set last and marks a template as complete.
 */
function templateDatabase(subgraph: SubgraphName, content: TestDatabaseContent): Promise<string> {
  const name = `${templateNamePrefix()}${subgraph.replace('-', '_')}_${content}`;
  let template = templates.get(name);
  if (!template) {
    template = buildTemplate(name, subgraph, content);
    templates.set(name, template);
    template.catch(() => templates.delete(name));
  }
  return template;
}

async function buildTemplate(name: string, subgraph: SubgraphName, content: TestDatabaseContent): Promise<string> {
  return withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const found = await admin.query<{ datistemplate: boolean }>('SELECT datistemplate FROM pg_database WHERE datname = $1', [name]);
      if (found.rows[0]?.datistemplate) return name;
      // Left half-built by a worker that died while building it.
      if (found.rows[0]) await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      await ensureDatabase(testServerUrl(), name);
      const url = withDatabaseName(testServerUrl(), name);
      await migrateSubgraph(url, subgraph);
      if (content === 'street') {
        const db = new Database({ url, service: `template-${subgraph}`, registry: new Registry(), connectTimeoutMs: SERVICE_CALL_TIMEOUT_MS });
        try {
          await db.transaction((tx) => SEEDERS[subgraph].insert(tx, planStreet(1)));
        } finally {
          await db.close();
        }
      }
      await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(name)} IS_TEMPLATE true`);
      return name;
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`));
}

/** Drops this run's templates (global-teardown.js; an embedded server goes away with them anyway). */
export async function dropTemplates(): Promise<void> {
  const names = await withAdmin(async (admin) => {
    const rows = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [templateNamePrefix()]);
    return rows.rows.map((row) => row.datname);
  });
  for (const name of names) {
    await withAdmin((admin) => admin.query(`ALTER DATABASE ${admin.escapeIdentifier(name)} IS_TEMPLATE false`));
    await dropDatabase(name);
  }
}
