import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { Counter, type Registry } from 'prom-client';
import { currentRequest, type RequestContext } from './request-context.js';
import { traceQuery } from './tracing.js';

export type SqlValue = string | number | boolean | null | Date | readonly unknown[] | Record<string, unknown>;

/** The subset of a pg client that store code needs; satisfied by the pool and by a transaction. */
export interface Queryable {
  query<Row extends object>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
}

export interface DatabaseOptions {
  url: string;
  /** Label of the `hub_sql_statements_total` counter, e.g. the subgraph name. */
  service: string;
  registry: Registry;
  maxConnections?: number;
  /** How long taking a new connection may wait before the query fails as DATABASE_UNAVAILABLE; default 5 s. */
  connectTimeoutMs?: number;
  /**
   * A read-only replica of the same database (a streaming hot standby): statements of requests that
   * may read from it (RequestContext.readFromReplica) go there; everything else to `url`.
   */
  readUrl?: string;
  /**
   * Run every prepared statement on PostgreSQL's generic plan (plan_cache_mode force_generic_plan on
   * each connection): planned once per connection instead of on every execution. PostgreSQL's own
   * choice kept custom plans for the hub's batched lookups (`= ANY($1)` of a few ids looks cheaper
   * planned for those ids than for the ten a generic plan assumes), at 0.1–0.4 ms of planning per
   * execution, as much as executing them. Only for statements whose best plan does not depend on
   * the values: a store that sends any other (matching's boxes and batches of thousands of ids in
   * resource-pools) leaves it off.
   */
  genericPlans?: boolean;
}

/**
 * Idle pool connections are kept this long, and at least POOL_MIN_IDLE of them for good: a new
 * connection costs a backend start-up and parses and plans every statement again (its prepared
 * statements go with the connection), and pg's default (10 s) closed them between bursts.
 */
const POOL_IDLE_TIMEOUT_MS = 5 * 60_000;
const POOL_MIN_IDLE = 2;

// int8 (count(*), bigint sums) arrives as text by default; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
// Calendar dates stay 'YYYY-MM-DD' strings: a Date would shift them by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/**
 * A transaction that spans one HTTP request (see Database.beginRequestTransaction): every statement
 * the request sends through this Database runs on its connection.
 */
interface RequestTransaction {
  db: Database;
  client: pg.PoolClient;
  /** Serialises the request's own Database.transaction() calls, whose savepoints must not interleave. */
  lock: Promise<void>;
}

/**
 * Statements with parameters run as named prepared statements: each connection parses and plans a
 * text once and then only binds and executes it. PostgreSQL's parse, analysis and (once its plan
 * cache settles on a generic plan) planning were most of its CPU for the hub's short statements,
 * and the text travels once per connection instead of with every execution. Names are given per
 * text, first come first named. The stores' texts are constants with a parameter for every value,
 * so the set is small; past MAX_PREPARED_TEXTS (a text built from values by mistake) statements run
 * unnamed as before rather than fill every connection's memory. Statements without parameters keep
 * the simple protocol, which takes several statements in one text.
 */
const preparedNames = new Map<string, string>();
const MAX_PREPARED_TEXTS = 1_000;

function statementOf(sql: string, params: readonly SqlValue[]): pg.QueryConfig {
  if (params.length === 0) return { text: sql };
  let name = preparedNames.get(sql);
  if (name === undefined && preparedNames.size < MAX_PREPARED_TEXTS) {
    name = `hub_${preparedNames.size + 1}`;
    preparedNames.set(sql, name);
  }
  return name === undefined ? { text: sql, values: params as unknown[] } : { name, text: sql, values: params as unknown[] };
}

/** The request transaction of each request that has one, keyed by the request's context object. */
const requestTransactions = new WeakMap<RequestContext, RequestTransaction>();
/** Pool clients that already carry the listener of Database.checkOut (pool clients are reused). */
const lostConnectionListeners = new WeakSet<pg.PoolClient>();
/** Depth of Database.transaction() nesting inside a request transaction (savepoint names). */
const savepointDepth = new AsyncLocalStorage<number>();

/** A request transaction as its owner sees it: statements, then exactly one of commit or rollback. */
export interface RequestTransactionHandle extends Queryable {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * A connection pool that counts every statement it sends. The count is served at /metrics and is
 * how tests prove that a query does not fan out into N+1 statements.
 */
export class Database implements Queryable {
  readonly pool: pg.Pool;
  /** The read replica's pool (DatabaseOptions.readUrl), if there is one. */
  readonly readPool: pg.Pool | undefined;
  private readonly statements: Counter<'service'>;
  private readonly replicaStatements: Counter<'service' | 'outcome'> | undefined;
  private readonly service: string;

  constructor(options: DatabaseOptions) {
    const poolOf = (url: string) => {
      const max = options.maxConnections ?? 10;
      const pool = new pg.Pool({
        connectionString: url,
        max,
        min: Math.min(POOL_MIN_IDLE, max),
        idleTimeoutMillis: POOL_IDLE_TIMEOUT_MS,
        // Idle connections do not keep the process alive (a script that ends without close() still exits).
        allowExitOnIdle: true,
        // A database that accepts TCP but never answers (stopped, overloaded) must not hold requests
        // forever: after this the query fails as DATABASE_UNAVAILABLE.
        connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
        application_name: `hub-${options.service}`,
        ...(options.genericPlans ? { options: '-c plan_cache_mode=force_generic_plan' } : {}),
      });
      // An idle client losing its connection (database restart) must not crash the process.
      pool.on('error', () => undefined);
      return pool;
    };
    this.pool = poolOf(options.url);
    this.readPool = options.readUrl ? poolOf(options.readUrl) : undefined;
    this.service = options.service;
    this.replicaStatements = options.readUrl
      ? ((options.registry.getSingleMetric('hub_sql_replica_statements_total') as Counter<'service' | 'outcome'> | undefined) ??
        new Counter({
          name: 'hub_sql_replica_statements_total',
          help: 'SQL statements sent to the read replica (outcome: served, or failed and sent to the primary instead)',
          labelNames: ['service', 'outcome'],
          registers: [options.registry],
        }))
      : undefined;
    const existing = options.registry.getSingleMetric('hub_sql_statements_total');
    this.statements =
      (existing as Counter<'service'> | undefined) ??
      new Counter({
        name: 'hub_sql_statements_total',
        help: 'SQL statements sent to PostgreSQL',
        labelNames: ['service'],
        registers: [options.registry],
      });
  }

  async query<Row extends object>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    const joined = this.joinedRequestTransaction();
    if (joined) return this.queryOn(joined.client, sql, params);
    this.statements.inc({ service: this.service });
    if (this.readPool && currentRequest()?.readFromReplica) {
      const readPool = this.readPool;
      try {
        const result = await traceQuery(this.service, sql, () => readPool.query<Row>(statementOf(sql, params)));
        this.replicaStatements?.inc({ service: this.service, outcome: 'served' });
        return result.rows;
      } catch (error) {
        // A replica that is down (or was promoted away) must not fail reads the primary can answer.
        if (!isDatabaseUnavailable(error)) throw error;
        this.replicaStatements?.inc({ service: this.service, outcome: 'failed' });
      }
    }
    const result = await traceQuery(this.service, sql, () => this.pool.query<Row>(statementOf(sql, params)));
    return result.rows;
  }

  /**
   * Runs `work` in one transaction; statements inside are counted like any other. Inside a request
   * transaction it becomes a savepoint of that transaction instead: its writes commit (or not) with
   * the request's, and a failure inside rolls back only this part.
   */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const joined = this.joinedRequestTransaction();
    if (joined) return this.savepoint(joined, work);
    const client = await this.checkOut();
    const tx = this.queryableOn(client);
    try {
      await client.query('BEGIN');
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Opens a transaction that the rest of the current HTTP request joins: every query and
   * transaction() of this Database made on behalf of the request (resolvers, DataLoaders, plugins)
   * runs on it, until the owner commits or rolls back. The idempotency plugin stores a mutation's
   * response in the mutation's own transaction this way (lib/subgraph/idempotency.ts). Outside a request
   * (no request context) this is a programming error.
   */
  async beginRequestTransaction(): Promise<RequestTransactionHandle> {
    const request = currentRequest();
    if (!request) throw new Error('beginRequestTransaction: not inside a request');
    if (requestTransactions.has(request)) throw new Error('beginRequestTransaction: the request already has one');
    const client = await this.checkOut();
    try {
      await client.query('BEGIN');
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    const transaction: RequestTransaction = { db: this, client, lock: Promise.resolve() };
    requestTransactions.set(request, transaction);
    let ended = false;
    const end = async (statement: 'COMMIT' | 'ROLLBACK') => {
      if (ended) return;
      ended = true;
      // Whatever happens next, later statements of the request go to the pool again.
      requestTransactions.delete(request);
      try {
        await client.query(statement);
        client.release();
      } catch (error) {
        // A connection that failed mid-COMMIT is discarded, never handed to another request.
        client.release(error as Error);
        throw error;
      }
    };
    return {
      query: <Row extends object>(sql: string, params: readonly SqlValue[] = []) => this.queryOn<Row>(client, sql, params),
      commit: () => end('COMMIT'),
      rollback: () => end('ROLLBACK').catch(() => undefined),
    };
  }

  /**
   * A pool client for a transaction. While checked out, a connection the server ends between two
   * statements (PostgreSQL killed or restarting) is reported as an 'error' event on the client,
   * which would crash the process without a listener; the next statement fails with the cause.
   */
  private async checkOut(): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    if (!lostConnectionListeners.has(client)) {
      lostConnectionListeners.add(client);
      client.on('error', () => undefined);
    }
    return client;
  }

  private joinedRequestTransaction(): RequestTransaction | undefined {
    const request = currentRequest();
    const transaction = request ? requestTransactions.get(request) : undefined;
    return transaction?.db === this ? transaction : undefined;
  }

  private async savepoint<T>(joined: RequestTransaction, work: (tx: Queryable) => Promise<T>): Promise<T> {
    const depth = (savepointDepth.getStore() ?? 0) + 1;
    const name = `hub_savepoint_${depth}`;
    const run = async () => {
      await this.queryOn(joined.client, `SAVEPOINT ${name}`);
      try {
        const result = await savepointDepth.run(depth, () => work(this.queryableOn(joined.client)));
        await this.queryOn(joined.client, `RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await this.queryOn(joined.client, `ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
        throw error;
      }
    };
    // A nested transaction() runs inside its parent's turn; siblings (two resolvers of one request
    // each opening a transaction) take turns, so one's rollback never undoes the other's writes.
    if (depth > 1) return run();
    const previous = joined.lock;
    let release = () => undefined as void;
    joined.lock = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await run();
    } finally {
      release();
    }
  }

  private async queryOn<Row extends object>(client: pg.PoolClient, sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    this.statements.inc({ service: this.service });
    return (await traceQuery(this.service, sql, () => client.query<Row>(statementOf(sql, params)))).rows;
  }

  private queryableOn(client: pg.PoolClient): Queryable {
    return { query: <Row extends object>(sql: string, params: readonly SqlValue[] = []) => this.queryOn<Row>(client, sql, params) };
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.readPool?.end()]);
  }
}

/**
 * Socket errors of a connection to PostgreSQL that mean "the server is not there (right now)";
 * ENOENT: no socket file in the folder of a Unix-socket URL (the server stopped and removed it).
 */
const UNREACHABLE_CODES = new Set(['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * SQLSTATEs of a server that is going away or not ready: 57P01 admin_shutdown (fast shutdown or a
 * terminated backend), 57P02 crash_shutdown (another backend crashed), 57P03 cannot_connect_now
 * (starting up, recovering, shutting down); class 08 is connection_exception.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
/** pg's own errors for a connection that ended or never came up; they carry no code. */
const LOST_CONNECTION_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

/**
 * Whether an error means that the database is unavailable (down, restarting, connection lost)
 * rather than that a statement was wrong. The one place that decides it: lib/kernel/apollo.ts answers
 * such errors with DATABASE_UNAVAILABLE, the idempotency plugin releases the key.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Duck-typed rather than `instanceof Error`: socket errors come from node's core, which under
  // jest's module sandbox is another realm with another Error class (graphql then wraps them as
  // NonErrorThrown, keeping the original in `thrownValue`).
  for (let current: unknown = error, depth = 0; typeof current === 'object' && current !== null && depth < 4; depth++) {
    const { code, message, errors, cause, thrownValue } = current as Record<string, unknown>;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && LOST_CONNECTION_MESSAGES.test(message)) return true;
    // Node reports a refused connection to a host with several addresses as an AggregateError.
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = thrownValue ?? cause;
  }
  return false;
}

/** Replaces the database name of a postgres URL, keeping host, credentials and options. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/' + encodeURIComponent(database);
  return parsed.toString();
}

/** Creates the database when it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        // Two starters racing: the other one created it first, which is what we wanted.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/**
 * Bulk insert in one statement: rows travel as one JSON parameter and `json_populate_recordset`
 * maps them onto the table's row type by column name. Unlike `unnest` of one array per column it
 * keeps array and jsonb columns intact (unnest flattens arrays of arrays). `table` is a code
 * constant of the calling store, never user input.
 */
export async function insertRows(db: Queryable, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(rows)]);
}

/**
 * Serialises work across processes on one database for the rest of the transaction `tx`
 * (pg_advisory_xact_lock): e.g. two hubs seeding the same empty database at once.
 */
export async function lockForTransaction(tx: Queryable, key: number): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [key]);
}

/** What `upsertByExternalCode` did: every row's id by external code, and which rows it created or changed. */
export interface ExternalCodeUpsert {
  ids: Map<string, string>;
  created: Set<string>;
  updated: Set<string>;
}

/**
 * Imports rows keyed by `external_code` (the code in the district's own ledger) in one statement:
 * new codes are inserted with the given id, known codes keep their id and have `updatable` columns
 * overwritten only when a value differs, so re-importing an unchanged sheet writes nothing.
 * `table` and `updatable` are code constants of the calling store, never user input.
 */
export async function upsertByExternalCode(
  db: Queryable,
  table: string,
  rows: readonly ({ id: string; external_code: string } & object)[],
  updatable: readonly string[],
): Promise<ExternalCodeUpsert> {
  const result: ExternalCodeUpsert = { ids: new Map(), created: new Set(), updated: new Set() };
  if (rows.length === 0) return result;
  const existing = await db.query<{ id: string; external_code: string }>(`SELECT id, external_code FROM ${table} WHERE external_code = ANY($1)`, [
    rows.map((row) => row.external_code),
  ]);
  for (const row of existing) result.ids.set(row.external_code, row.id);
  const withIds = rows.map((row) => ({ ...row, id: result.ids.get(row.external_code) ?? row.id }));
  for (const row of withIds) result.ids.set(row.external_code, row.id);
  const columns = Object.keys(withIds[0]!);
  // A row whose values all match is skipped by the WHERE and not returned (unchanged); of the rows
  // returned, xmax = 0 marks a fresh insert, anything else an update.
  const changed = await db.query<{ external_code: string; created: boolean }>(
    `INSERT INTO ${table} AS t (${columns.join(', ')})
     SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${table}, $1::json)
     ON CONFLICT (external_code) DO UPDATE SET ${updatable.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}
      WHERE (${updatable.map((column) => `t.${column}`).join(', ')}) IS DISTINCT FROM (${updatable.map((column) => `EXCLUDED.${column}`).join(', ')})
     RETURNING t.external_code, (t.xmax = 0) AS created`,
    [JSON.stringify(withIds)],
  );
  for (const row of changed) (row.created ? result.created : result.updated).add(row.external_code);
  return result;
}
