-- Transactional outbox (lib/outbox.ts, lib/credit-outbox.ts): rating an order a co-building unit
-- fulfilled writes a credit event here in the rating's transaction; the relay delivers it to
-- co-building afterwards. The same table as grids' (subgraphs/grids/migrations/002_incidents.sql).
-- Not a shared migration (lib/migrations): grids created its own before, and migrations are
-- forward-only, so each subgraph that reports credit events creates the table itself.
CREATE TABLE outbox (
  id               bigserial PRIMARY KEY,
  topic            text NOT NULL,
  payload          jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  delivered_at     timestamptz,
  last_error       text
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE delivered_at IS NULL;

-- Order-based commitment progress (co-building asks fulfilledOrderCounts): fulfilment times by demand.
CREATE INDEX demand_events_fulfil ON demand_events (demand_id, occurred_at) WHERE kind = 'FULFIL';
