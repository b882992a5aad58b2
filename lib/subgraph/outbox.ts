import type { Database, Queryable } from '../kernel/database.js';
import type { Logger } from '../kernel/log.js';

/**
 * Transactional outbox: a subgraph that must tell another one about a change (the grids subgraph
 * telling co-building that a unit kept a deadline) writes an outbox row in the same transaction as
 * the change, and a relay delivers pending rows afterwards. A change without its event, or an event
 * without its change, is impossible; delivery is at least once, so receivers must be idempotent
 * (co-building's recordCreditEvent is keyed by the event's source).
 *
 * The table every user of this module creates in its own migrations (see
 * subgraphs/grids/migrations/002_incidents.sql, subgraphs/resource-pools/migrations/004_outbox.sql):
 *
 *   CREATE TABLE outbox (id bigserial PRIMARY KEY, topic text NOT NULL, payload jsonb NOT NULL,
 *     created_at timestamptz NOT NULL DEFAULT now(), attempts integer NOT NULL DEFAULT 0,
 *     next_attempt_at timestamptz NOT NULL DEFAULT now(), delivered_at timestamptz, last_error text);
 *   CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE delivered_at IS NULL;
 */

export type OutboxPayload = Record<string, unknown>;

export interface OutboxRow {
  id: number;
  topic: string;
  payload: OutboxPayload;
  created_at: Date;
  attempts: number;
  next_attempt_at: Date;
  delivered_at: Date | null;
  last_error: string | null;
}

export interface OutboxMessage {
  topic: string;
  payload: OutboxPayload;
}

/** Call inside the transaction of the change the messages report. */
export async function enqueueOutbox(tx: Queryable, messages: readonly OutboxMessage[], now: Date): Promise<void> {
  if (messages.length === 0) return;
  await tx.query(
    `INSERT INTO outbox (topic, payload, created_at, next_attempt_at)
     SELECT m.topic, m.payload, $2, $2 FROM json_populate_recordset(NULL::outbox, $1::json) AS m`,
    [JSON.stringify(messages), now],
  );
}

/** Delivers one message; throws to have it retried later. */
export type OutboxDelivery = (message: OutboxRow) => Promise<void>;

export interface RelayOptions {
  /** Rows per pass; the pass holds their row locks while delivering them. */
  batchSize?: number;
  /** Delay before attempt n+1 after n failures; default 1 s doubling up to 10 min. */
  backoffMs?: (attempts: number) => number;
}

export interface RelayPassResult {
  delivered: number;
  failed: number;
}

export function defaultBackoffMs(attempts: number): number {
  return Math.min(600_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * One relay pass: locks due, undelivered rows with SKIP LOCKED (so two relays — two instances of the
 * subgraph — never hold the same row), delivers them in id order and marks each delivered or
 * reschedules it with back-off. A crash between delivery and commit leaves the row pending: it is
 * delivered again, which the idempotent receiver absorbs.
 */
export async function relayOutboxOnce(db: Database, deliver: OutboxDelivery, now: Date, options: RelayOptions = {}): Promise<RelayPassResult> {
  const backoff = options.backoffMs ?? defaultBackoffMs;
  return db.transaction(async (tx) => {
    const rows = await tx.query<OutboxRow>(
      `SELECT id, topic, payload, created_at, attempts, next_attempt_at, delivered_at, last_error
         FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= $1
        ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, options.batchSize ?? 50],
    );
    const delivered: number[] = [];
    const failures: { id: number; next_attempt_at: Date; last_error: string }[] = [];
    for (const row of rows) {
      try {
        await deliver(row);
        delivered.push(row.id);
      } catch (error) {
        failures.push({
          id: row.id,
          next_attempt_at: new Date(now.getTime() + backoff(row.attempts + 1)),
          last_error: error instanceof Error ? error.message.slice(0, 1000) : String(error),
        });
      }
    }
    if (delivered.length > 0) {
      await tx.query('UPDATE outbox SET delivered_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = ANY($1)', [delivered, now]);
    }
    if (failures.length > 0) {
      await tx.query(
        `UPDATE outbox o SET attempts = o.attempts + 1, next_attempt_at = f.next_attempt_at, last_error = f.last_error
           FROM json_populate_recordset(NULL::outbox, $1::json) AS f WHERE o.id = f.id`,
        [JSON.stringify(failures)],
      );
    }
    return { delivered: delivered.length, failed: failures.length };
  });
}

export interface OutboxCounts {
  pending: number;
  delivered: number;
}

export async function countOutbox(db: Queryable): Promise<OutboxCounts> {
  const [row] = await db.query<OutboxCounts>(
    `SELECT count(*) FILTER (WHERE delivered_at IS NULL) AS pending, count(*) FILTER (WHERE delivered_at IS NOT NULL) AS delivered FROM outbox`,
  );
  return row ?? { pending: 0, delivered: 0 };
}

/** Runs `pass` every `intervalMs` (never overlapping itself); returns a stop function that waits for a running pass. */
export function startTimer(name: string, intervalMs: number, pass: () => Promise<unknown>, log?: Logger): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = pass()
      .catch((error: Error) => log?.warn(`${name} failed`, { error: error.message }))
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
