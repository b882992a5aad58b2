CREATE TABLE streets (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  area_km2   double precision NOT NULL CHECK (area_km2 > 0),
  residents  integer NOT NULL CHECK (residents >= 0)
);

CREATE TABLE offices (
  id         text PRIMARY KEY,
  street_id  text NOT NULL REFERENCES streets (id),
  name       text NOT NULL
);

CREATE TABLE communities (
  id          text PRIMARY KEY,
  office_id   text NOT NULL REFERENCES offices (id),
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('COMMUNITY', 'VILLAGE')),
  households  integer NOT NULL CHECK (households >= 0),
  population  integer NOT NULL CHECK (population >= 0),
  lat         double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng         double precision NOT NULL CHECK (lng BETWEEN -180 AND 180)
);
CREATE INDEX communities_office_id ON communities (office_id);

CREATE TABLE grids (
  id            text PRIMARY KEY,
  community_id  text NOT NULL REFERENCES communities (id),
  name          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('COMPREHENSIVE', 'DEDICATED')),
  dedicated_to  text CHECK (dedicated_to IN ('SCHOOL', 'HOSPITAL', 'BUSINESS_DISTRICT', 'INDUSTRIAL_PARK')),
  households    integer NOT NULL CHECK (households >= 0),
  CHECK ((kind = 'DEDICATED') = (dedicated_to IS NOT NULL))
);
CREATE INDEX grids_community_id ON grids (community_id);

CREATE TABLE micro_grids (
  id          text PRIMARY KEY,
  grid_id     text NOT NULL REFERENCES grids (id),
  name        text NOT NULL,
  households  integer NOT NULL CHECK (households >= 0)
);
CREATE INDEX micro_grids_grid_id ON micro_grids (grid_id);
