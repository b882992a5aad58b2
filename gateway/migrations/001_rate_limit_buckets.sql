-- The gateway's per-caller token buckets, shared by every gateway replica (gateway/src/shared-rate-limit.ts).
-- UNLOGGED: no WAL for a row written on every request; after a crash of PostgreSQL the table comes
-- back empty, which only means every caller starts again with a full burst.
CREATE UNLOGGED TABLE rate_limit_buckets (
  key text PRIMARY KEY,
  -- Tokens left after the last request; refilled at the configured rate from at_ms onwards.
  tokens double precision NOT NULL,
  -- The limiter's clock (milliseconds) at the last request.
  at_ms bigint NOT NULL,
  -- Whether the last request was let through: what the one upsert per request returns.
  granted boolean NOT NULL
);
CREATE INDEX rate_limit_buckets_idle ON rate_limit_buckets (at_ms);
