-- The incident loop (网格吹哨、部门报到): routing rules, incidents, their timeline, and the outbox
-- through which credit events reach the co-building subgraph.

-- Which department leads an incident of a category, who assists, and how long they have. Data, not
-- code, so a street can re-route a category with a mutation. Department ids belong to the
-- organisations subgraph (no foreign key across databases).
CREATE TABLE incident_routing_rules (
  category                  text PRIMARY KEY,
  lead_department_id        text NOT NULL,
  assisting_department_ids  text[] NOT NULL DEFAULT '{}',
  deadline_hours            integer NOT NULL CHECK (deadline_hours BETWEEN 1 AND 8760),
  updated_at                timestamptz NOT NULL DEFAULT now()
);

-- Department ids follow seed/plan.ts DEPARTMENTS: 01 urban management, 02 market supervision,
-- 03 commerce, 05 natural resources, 06 housing, 07 police, 08 civil affairs, 10 emergency
-- management, 11 ecology and environment, 12 fire rescue.
INSERT INTO incident_routing_rules (category, lead_department_id, assisting_department_ids, deadline_hours) VALUES
  ('FIRE_LANE_BLOCKED',    'department-12', '{department-01,department-07}', 24),
  ('BROKEN_LIFT',          'department-02', '{department-06}',               48),
  ('PARKING_DISPUTE',      'department-07', '{department-01}',               72),
  ('ILLEGAL_CONSTRUCTION', 'department-01', '{department-05,department-06}', 120),
  ('SANITATION',           'department-01', '{department-11}',               48),
  ('NOISE',                'department-11', '{department-07}',               72),
  ('ROAD_DAMAGE',          'department-06', '{department-01}',               96),
  ('UNLICENSED_BUSINESS',  'department-02', '{department-03,department-01}', 120),
  ('SAFETY_HAZARD',        'department-10', '{department-12}',               24),
  ('NEIGHBOUR_DISPUTE',    'department-07', '{department-08}',               168),
  ('OTHER',                'department-01', '{}',                            168);

CREATE SEQUENCE incident_numbers;

CREATE TABLE incidents (
  id                        text PRIMARY KEY DEFAULT ('incident-' || lpad(nextval('incident_numbers')::text, 6, '0')),
  community_id              text NOT NULL REFERENCES communities (id),
  grid_id                   text NOT NULL REFERENCES grids (id),
  micro_grid_id             text REFERENCES micro_grids (id),
  category                  text NOT NULL REFERENCES incident_routing_rules (category),
  description               text NOT NULL,
  lat                       double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng                       double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  photo_urls                text[] NOT NULL DEFAULT '{}',
  -- Stored unmasked: the handler may need to call back; the API masks it.
  reporter_name             text NOT NULL,
  reporter_phone            text,
  channel                   text NOT NULL CHECK (channel IN ('GRID_APP', 'HOTLINE_12345', 'MINI_PROGRAM')),
  status                    text NOT NULL CHECK (status IN ('REPORTED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS',
                              'WAITING_ON_RESIDENT', 'RESOLVED', 'VERIFIED', 'CLOSED', 'RETURNED', 'ESCALATED')),
  escalation_level          text NOT NULL DEFAULT 'GRID' CHECK (escalation_level IN ('GRID', 'COMMUNITY', 'STREET', 'DISTRICT')),
  lead_department_id        text NOT NULL,
  assisting_department_ids  text[] NOT NULL DEFAULT '{}',
  -- A co-building unit (e.g. the property company of a compound) answerable for the incident; its
  -- duty credit score moves with the deadline kept or missed and the resident's rating.
  responsible_unit_id       text,
  -- Flagged, not merged: a likely duplicate still stands on its own.
  duplicate_of              text REFERENCES incidents (id),
  deadline_hours            integer NOT NULL CHECK (deadline_hours > 0),
  reported_at               timestamptz NOT NULL,
  -- Already extended by every finished pause; while paused, the running pause is added on read.
  due_at                    timestamptz NOT NULL,
  paused_since              timestamptz,
  paused_seconds            bigint NOT NULL DEFAULT 0 CHECK (paused_seconds >= 0),
  resolved_at               timestamptz,
  closed_at                 timestamptz,
  deadline_kept             boolean,
  return_reason             text,
  rating                    integer CHECK (rating BETWEEN 1 AND 5),
  rating_comment            text,
  rated_at                  timestamptz,
  CHECK ((status = 'WAITING_ON_RESIDENT') = (paused_since IS NOT NULL)),
  CHECK ((rating IS NULL) = (rated_at IS NULL))
);
CREATE INDEX incidents_community_id ON incidents (community_id);
CREATE INDEX incidents_grid_id ON incidents (grid_id);
CREATE INDEX incidents_lead_department_id ON incidents (lead_department_id);
CREATE INDEX incidents_duplicate_of ON incidents (duplicate_of);
CREATE INDEX incidents_category_reported_at ON incidents (category, reported_at);
-- The escalation job scans only incidents whose clock runs.
CREATE INDEX incidents_due_at_running ON incidents (due_at)
  WHERE status IN ('REPORTED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED', 'ESCALATED');

-- The full timeline: every report, status change and rating with who did it and when.
CREATE TABLE incident_events (
  id           bigserial PRIMARY KEY,
  incident_id  text NOT NULL REFERENCES incidents (id),
  kind         text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  actor        text NOT NULL,
  note         text,
  occurred_at  timestamptz NOT NULL
);
CREATE INDEX incident_events_incident_id ON incident_events (incident_id, id);

-- Transactional outbox (lib/outbox.ts): a row is written in the same transaction as the change that
-- causes it, and a relay delivers it afterwards, so an event is never lost and never invented.
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
