-- 双报到 reports submitted and verified through the API, structured agreement commitments, and the
-- duty credit score (履责信用积分) of co-building units.

-- Reports submitted through the API get sequential ids after the seeded ones and record who
-- verified them and when.
CREATE SEQUENCE service_report_numbers;
ALTER TABLE service_reports
  ALTER COLUMN id SET DEFAULT ('service-report-' || lpad(nextval('service_report_numbers')::text, 6, '0')),
  ADD COLUMN submitted_at timestamptz,
  ADD COLUMN verified_at  timestamptz,
  ADD COLUMN verified_by  text;
SELECT setval('service_report_numbers', greatest(1, (SELECT count(*) FROM service_reports)), (SELECT count(*) > 0 FROM service_reports));
CREATE INDEX service_reports_community_unit ON service_reports (community_id, unit_id);

-- A commitment of an agreement, structured so that progress can be computed: "each member adopts 2
-- micro-wishes a year" is (MICRO_WISHES_ADOPTED, 2, MICRO_WISHES, YEAR, per member). The free text
-- stays in pairings.commitments, which existing queries read.
CREATE TABLE agreement_commitments (
  id               text PRIMARY KEY,
  pairing_id       text NOT NULL REFERENCES pairings (id),
  position         integer NOT NULL CHECK (position >= 0),
  text             text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('SERVICE_HOURS', 'SERVICE_ACTIVITIES', 'MICRO_WISHES_ADOPTED', 'DONATION', 'OTHER')),
  target           double precision NOT NULL CHECK (target > 0),
  unit_of_measure  text NOT NULL CHECK (unit_of_measure IN ('HOURS', 'ACTIVITIES', 'MICRO_WISHES', 'YUAN', 'ITEMS')),
  period           text NOT NULL CHECK (period IN ('MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR', 'AGREEMENT')),
  per_member       boolean NOT NULL DEFAULT false,
  UNIQUE (pairing_id, position)
);

-- One row per event that moves a unit's credit. The source (the record that caused it, possibly in
-- another subgraph) plus the reason is unique: redelivering an event can never count it twice.
CREATE TABLE credit_events (
  id               bigserial PRIMARY KEY,
  unit_id          text NOT NULL REFERENCES units (id),
  reason           text NOT NULL CHECK (reason IN ('RATING_RECEIVED', 'DEADLINE_KEPT', 'DEADLINE_MISSED', 'COMMITMENT_MET', 'COMMITMENT_MISSED')),
  delta            double precision NOT NULL,
  rating           integer CHECK (rating BETWEEN 1 AND 5),
  source_subgraph  text NOT NULL,
  source_type      text NOT NULL,
  source_id        text NOT NULL,
  occurred_at      timestamptz NOT NULL,
  valid_until      timestamptz NOT NULL,
  recorded_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_until > occurred_at),
  UNIQUE (source_subgraph, source_type, source_id, reason)
);
CREATE INDEX credit_events_unit_id ON credit_events (unit_id, occurred_at);
