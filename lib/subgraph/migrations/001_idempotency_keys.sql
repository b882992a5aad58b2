-- Shared by every subgraph database: the responses of mutations sent with an Idempotency-Key
-- header, so that a retried request returns the first result instead of acting twice.
CREATE TABLE idempotency_keys (
  -- A digest of the caller's Authorization header: two callers never share a key space.
  caller        text NOT NULL,
  key           text NOT NULL,
  -- A digest of the operation text, name and variables: a key reused for another request is refused.
  request_hash  text NOT NULL,
  -- The formatted GraphQL result; null while the first request is still running.
  response      jsonb,
  claimed_at    timestamptz NOT NULL DEFAULT now(),
  completed_at  timestamptz,
  PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_keys_completed_at ON idempotency_keys (completed_at);
