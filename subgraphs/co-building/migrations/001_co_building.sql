CREATE TABLE units (
  id             text PRIMARY KEY,
  name           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('AGENCY', 'STATE_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'SCHOOL',
                                               'HOSPITAL', 'SOCIAL_ORGANISATION', 'PROPERTY_COMPANY')),
  lat            double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng            double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  address        text NOT NULL,
  -- Stored unmasked: masking is a presentation rule of the API, and the unit itself may need the number.
  contact_name   text NOT NULL,
  contact_phone  text NOT NULL
);
CREATE INDEX units_kind ON units (kind);

-- community_id references the grids subgraph's database, so it cannot be a foreign key here.
CREATE TABLE pairings (
  id             text PRIMARY KEY,
  unit_id        text NOT NULL REFERENCES units (id),
  community_id   text NOT NULL,
  starts_on      date NOT NULL,
  ends_on        date NOT NULL,
  commitments    text[] NOT NULL DEFAULT '{}',
  -- Only early termination is stored; PENDING/ACTIVE/EXPIRED follow from the dates and today.
  terminated_on  date,
  CHECK (ends_on >= starts_on),
  CHECK (terminated_on IS NULL OR terminated_on >= starts_on),
  UNIQUE (unit_id, community_id)
);
CREATE INDEX pairings_community_id ON pairings (community_id);

CREATE TABLE service_reports (
  id            text PRIMARY KEY,
  unit_id       text NOT NULL REFERENCES units (id),
  reporter      text NOT NULL CHECK (reporter IN ('UNIT', 'IN_SERVICE_MEMBER')),
  -- A party member of the organisations subgraph (no foreign key across databases).
  member_id     text,
  community_id  text NOT NULL,
  activity      text NOT NULL,
  hours         double precision NOT NULL CHECK (hours > 0 AND hours <= 24),
  served_on     date NOT NULL,
  verified      boolean NOT NULL,
  CHECK ((reporter = 'IN_SERVICE_MEMBER') = (member_id IS NOT NULL))
);
CREATE INDEX service_reports_unit_id ON service_reports (unit_id);
