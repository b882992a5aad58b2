-- Providers, communities and grids live in other subgraphs' databases, so their ids are plain text
-- here (federation references), not foreign keys.
CREATE TABLE resources (
  id               text PRIMARY KEY,
  name             text NOT NULL,
  description      text NOT NULL,
  category         text NOT NULL CHECK (category IN ('VENUE', 'FUNDS', 'VOLUNTEER_SERVICE', 'PROFESSIONAL_SERVICE',
                     'FACILITY_EQUIPMENT', 'MATERIALS', 'TRAINING_EDUCATION', 'CARE_SERVICE')),
  source           text NOT NULL CHECK (source IN ('GOVERNMENT_SERVICE', 'ENTERPRISE_CSR', 'CHARITY_FUND')),
  provider_kind    text NOT NULL CHECK (provider_kind IN ('CO_BUILDING_UNIT', 'DEPARTMENT')),
  provider_id      text NOT NULL,
  capacity_amount  integer NOT NULL CHECK (capacity_amount > 0),
  capacity_unit    text NOT NULL,
  capacity_period  text NOT NULL CHECK (capacity_period IN ('DAY', 'WEEK', 'MONTH', 'YEAR', 'ONCE')),
  lat              double precision CHECK (lat BETWEEN -90 AND 90),
  lng              double precision CHECK (lng BETWEEN -180 AND 180),
  address          text,
  -- Weekly opening hours as [{dayOfWeek, opensAt, closesAt}]: read whole, never queried into.
  availability     jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(availability) = 'array'),
  CHECK ((lat IS NULL) = (lng IS NULL))
);
CREATE INDEX resources_provider_id ON resources (provider_id);

CREATE TABLE resource_communities (
  resource_id   text NOT NULL REFERENCES resources (id),
  community_id  text NOT NULL,
  PRIMARY KEY (resource_id, community_id)
);
CREATE INDEX resource_communities_community_id ON resource_communities (community_id);

CREATE TABLE demands (
  id            text PRIMARY KEY,
  title         text NOT NULL,
  description   text NOT NULL,
  category      text NOT NULL CHECK (category IN ('VENUE', 'FUNDS', 'VOLUNTEER_SERVICE', 'PROFESSIONAL_SERVICE',
                  'FACILITY_EQUIPMENT', 'MATERIALS', 'TRAINING_EDUCATION', 'CARE_SERVICE')),
  community_id  text NOT NULL,
  grid_id       text,
  source        text NOT NULL CHECK (source IN ('RESIDENT_ORDER', 'MICRO_WISH', 'PROBLEM_LIST', 'KEY_PROJECT')),
  status        text NOT NULL CHECK (status IN ('OPEN', 'DISPATCHED', 'ACCEPTED', 'FULFILLED', 'RATED', 'CANCELLED',
                  'DECLINED', 'EXPIRED')),
  created_at    timestamptz NOT NULL
);
CREATE INDEX demands_community_id ON demands (community_id);
CREATE INDEX demands_status ON demands (status);
