-- The order loop (点单 → 派单 → 接单 → 评单) and matching.
--
-- A demand keeps its own copy of where it is (its community's location at submission): the
-- community's location belongs to the grids subgraph, whose database this one never reads, and
-- matching must not call another service for every ranking.
ALTER TABLE demands
  ADD COLUMN lat             double precision CHECK (lat BETWEEN -90 AND 90),
  ADD COLUMN lng             double precision CHECK (lng BETWEEN -180 AND 180),
  ADD COLUMN resource_id     text REFERENCES resources (id),
  -- The capacity period the accepted order was counted in (see capacity_usage).
  ADD COLUMN usage_period    text,
  ADD COLUMN rating          integer CHECK (rating BETWEEN 1 AND 5),
  ADD COLUMN rating_comment  text,
  ADD CONSTRAINT demands_location_pair CHECK ((lat IS NULL) = (lng IS NULL)),
  -- Every status past OPEN names the resource it was dispatched to (cancelled/expired demands may
  -- never have got that far). NOT VALID: databases seeded before this migration keep their rows.
  ADD CONSTRAINT demands_resource_when_dispatched
    CHECK (status NOT IN ('DISPATCHED', 'ACCEPTED', 'FULFILLED', 'RATED', 'DECLINED') OR resource_id IS NOT NULL) NOT VALID,
  ADD CONSTRAINT demands_rating_when_rated CHECK ((status = 'RATED') = (rating IS NOT NULL)) NOT VALID;
CREATE INDEX demands_resource_id ON demands (resource_id) WHERE resource_id IS NOT NULL;

-- Every transition with its actor and time (Demand.timeline).
CREATE TABLE demand_events (
  id           bigserial PRIMARY KEY,
  demand_id    text NOT NULL REFERENCES demands (id),
  kind         text NOT NULL CHECK (kind IN ('SUBMIT', 'DISPATCH', 'ACCEPT', 'DECLINE', 'FULFIL', 'RATE', 'CANCEL', 'EXPIRE')),
  from_status  text,
  to_status    text NOT NULL,
  actor        text NOT NULL,
  note         text,
  resource_id  text,
  occurred_at  timestamptz NOT NULL
);
CREATE INDEX demand_events_demand_id ON demand_events (demand_id, id);

-- How much of a resource's capacity accepted orders used per period. The period key is the first
-- day of the period in China Standard Time ('2026-11-01' for MONTH) or 'ONCE'. Acceptance increments
-- `used` with one conditional upsert, which PostgreSQL serialises on this row across processes.
CREATE TABLE capacity_usage (
  resource_id   text NOT NULL REFERENCES resources (id),
  period_start  text NOT NULL,
  used          integer NOT NULL CHECK (used >= 0),
  PRIMARY KEY (resource_id, period_start)
);

-- Resource pools does not know offices (grids owns them); batch allocation by office needs the
-- community → office mapping, kept here as this subgraph's own copy, seeded from the street plan.
CREATE TABLE community_offices (
  community_id  text PRIMARY KEY,
  office_id     text NOT NULL
);
CREATE INDEX community_offices_office_id ON community_offices (office_id);

-- Ids of demands submitted through the API (demand-YYYYMMDD-000001); seeded ones are demand-0001.
CREATE SEQUENCE demand_ids;
