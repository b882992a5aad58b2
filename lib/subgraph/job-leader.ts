import type pg from 'pg';
import type { Database } from '../kernel/database.js';

/**
 * First key of the two-key advisory locks of background jobs; the second is the hash of the job's
 * name. Two-key locks never collide with the one-key locks of migrations and seeding.
 */
const JOB_LOCK_NAMESPACE = 727_465_100;

/**
 * Leadership of one background job among the instances of a subgraph over one database: the
 * instance holding the job's PostgreSQL advisory lock runs it, the others skip their passes. The
 * lock belongs to the leader's connection, so a leader that dies (process killed, connection lost)
 * lets go of it at once and the next instance whose timer fires takes over.
 *
 * For jobs that cannot share their work by row claims (FOR UPDATE SKIP LOCKED), such as judging
 * every commitment's last period: two instances doing it at once, or each once an interval, would
 * do the same work twice.
 */
export class JobLeader {
  /** The connection holding the lock while this instance leads; out of the pool until resign(). */
  private connection: pg.PoolClient | undefined;

  constructor(
    private readonly db: Database,
    readonly job: string,
  ) {}

  /** Whether this instance leads the job now: still holds the lock, or took it because it was free. */
  async lead(): Promise<boolean> {
    if (this.connection) {
      try {
        await this.connection.query('SELECT 1');
        return true;
      } catch (error) {
        // The connection is gone and the lock with it: try to take it again below.
        this.connection.release(error as Error);
        this.connection = undefined;
      }
    }
    const connection = await this.db.pool.connect();
    connection.on('error', () => undefined); // a lost connection surfaces at the next lead()
    try {
      const [row] = (await connection.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [JOB_LOCK_NAMESPACE, this.job]))
        .rows;
      if (row?.locked) {
        this.connection = connection;
        return true;
      }
      connection.release();
      return false;
    } catch (error) {
      connection.release(error as Error);
      throw error;
    }
  }

  /** Lets another instance lead (on stop); the connection goes back to the pool. */
  async resign(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    this.connection = undefined;
    try {
      await connection.query('SELECT pg_advisory_unlock($1, hashtext($2))', [JOB_LOCK_NAMESPACE, this.job]);
      connection.release();
    } catch (error) {
      connection.release(error as Error);
    }
  }
}

/** `pass` run only while this instance leads `leader`'s job; resolves to undefined on the passes it skips. */
export function asLeader<T>(leader: JobLeader, pass: () => Promise<T>): () => Promise<T | undefined> {
  return async () => ((await leader.lead()) ? pass() : undefined);
}
