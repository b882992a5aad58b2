-- Shared by every subgraph database: one row per mutation field run over HTTP (lib/audit.ts) —
-- who (the signed caller), what (mutation and the ids it named and returned), when and the outcome.
-- Only ids are kept, never input values, so personal data (names, phone numbers) never lands here.
CREATE TABLE audit_log (
  id              bigserial PRIMARY KEY,
  occurred_at     timestamptz NOT NULL DEFAULT now(),
  subject         text NOT NULL,
  role            text NOT NULL,
  operation_name  text,
  mutation        text NOT NULL,
  -- Ids named in the arguments (input.id, input.communityId …): what the mutation was aimed at.
  target_ids      text[] NOT NULL DEFAULT '{}',
  -- Ids of what the mutation returned (the created or changed entity).
  result_ids      text[] NOT NULL DEFAULT '{}',
  -- OK, or the error code it was refused with (FORBIDDEN, ILLEGAL_TRANSITION …).
  outcome         text NOT NULL,
  request_id      text
);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at DESC, id DESC);
