-- Callers who wrote lately (lib/subgraph/read-routing.ts): with a read replica, their reads go to the
-- replica only once it has replayed everything the primary had when they asked. Kept on the primary,
-- pruned hourly.
CREATE TABLE recent_writes (
  caller_key text PRIMARY KEY,
  written_at timestamptz NOT NULL
);
