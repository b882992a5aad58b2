import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { callerKey, type Caller } from '../auth/caller.js';
import type { Database, Queryable } from '../kernel/database.js';
import { currentRequest } from '../kernel/request-context.js';

/**
 * How long after a write a caller's reads are checked against the replica's replay position. A
 * replica further behind than this is broken; alert on `pg_stat_replication.replay_lag` well before.
 */
export const RECENT_WRITE_WINDOW_SECONDS = 60;

/**
 * Which requests a subgraph with a read replica (DATABASE_READ_URL) answers from it, with
 * read-your-writes: a query goes to the replica, unless its caller wrote within the window and the
 * replica has not yet replayed everything the primary had written when the query came (the
 * primary's pg_current_wal_lsn() then, which is at or past the commit of every write the caller was
 * told about). Mutations mark their caller in `recent_writes` (on the primary) before they run, and
 * run on the primary with everything else: transactions, background jobs, peer calls' writes.
 *
 * Cost: one upsert per mutation; per query one primary lookup by caller key, plus one replica
 * statement for callers who wrote lately.
 */
export function readRoutingPlugin<Context extends BaseContext>(db: Database): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const request = currentRequest();
          if (!request || !operation || !db.readPool) return;
          const caller = (contextValue as { caller?: Caller }).caller;
          const key = caller ? callerKey(caller) : undefined;
          if (operation.operation === OperationTypeNode.MUTATION) {
            if (key !== undefined) await markWrite(db, key);
            return;
          }
          if (operation.operation === OperationTypeNode.QUERY) request.readFromReplica = await replicaIsCurrentFor(db, key);
        },
      };
    },
  };
}

async function markWrite(db: Queryable, key: string): Promise<void> {
  await db.query(
    `INSERT INTO recent_writes (caller_key, written_at) VALUES ($1, now())
     ON CONFLICT (caller_key) DO UPDATE SET written_at = EXCLUDED.written_at`,
    [key],
  );
}

/** Whether the replica has everything `key`'s caller may have written (true for callers who did not write lately). */
async function replicaIsCurrentFor(db: Database, key: string | undefined): Promise<boolean> {
  if (key === undefined || !db.readPool) return true;
  const [write] = await db.query<{ primary_lsn: string }>(
    `SELECT pg_current_wal_lsn()::text AS primary_lsn FROM recent_writes
      WHERE caller_key = $1 AND written_at > now() - make_interval(secs => $2)`,
    [key, RECENT_WRITE_WINDOW_SECONDS],
  );
  if (!write) return true;
  try {
    const { rows } = await db.readPool.query<{ caught_up: boolean | null }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up', [write.primary_lsn]);
    return rows[0]?.caught_up === true;
  } catch {
    return false; // the replica does not answer: the primary does
  }
}

/** Forgets writes older than the window (hourly, with the idempotency keys). */
export async function pruneRecentWrites(db: Queryable): Promise<void> {
  await db.query('DELETE FROM recent_writes WHERE written_at < now() - make_interval(secs => $1)', [RECENT_WRITE_WINDOW_SECONDS]);
}
