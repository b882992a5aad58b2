-- The party organisation chain (五级组织链条) and the departments that report to the street.
CREATE TABLE organisations (
  id             text PRIMARY KEY,
  name           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN (
                   'STREET_PARTY_WORKING_COMMITTEE', 'COMMUNITY_PARTY_ORGANISATION', 'GRID_PARTY_BRANCH',
                   'MICRO_GRID_PARTY_GROUP', 'CENTRAL_HOUSEHOLD', 'FUNCTIONAL_BRANCH',
                   'NEW_ECONOMY_ORGANISATION', 'UNIT_PARTY_BRANCH')),
  parent_id      text REFERENCES organisations (id),
  -- Ids from the root down to this organisation itself: ancestors and subtree queries without recursion.
  path           text[] NOT NULL CHECK (path[array_upper(path, 1)] = id),
  -- What the organisation leads; ids of entities owned by other subgraphs (no foreign keys across databases).
  community_id   text,
  grid_id        text,
  micro_grid_id  text,
  unit_id        text
);
CREATE INDEX organisations_parent_id ON organisations (parent_id);
CREATE INDEX organisations_path ON organisations USING gin (path);
CREATE UNIQUE INDEX organisations_community_id ON organisations (community_id) WHERE community_id IS NOT NULL;
CREATE UNIQUE INDEX organisations_grid_id ON organisations (grid_id) WHERE grid_id IS NOT NULL;
CREATE UNIQUE INDEX organisations_micro_grid_id ON organisations (micro_grid_id) WHERE micro_grid_id IS NOT NULL;
CREATE UNIQUE INDEX organisations_unit_id ON organisations (unit_id) WHERE unit_id IS NOT NULL;

CREATE TABLE party_members (
  id                      text PRIMARY KEY,
  organisation_id         text NOT NULL REFERENCES organisations (id),
  -- Stored in full; the API masks them (PIPL).
  name                    text NOT NULL,
  phone                   text NOT NULL,
  gender                  text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
  joined_on               date NOT NULL,
  is_secretary            boolean NOT NULL DEFAULT false,
  is_grid_leader          boolean NOT NULL DEFAULT false,
  residence_community_id  text,
  in_service_unit_id      text
);
CREATE INDEX party_members_organisation_id ON party_members (organisation_id);
-- One secretary (书记) or group leader (组长) per organisation.
CREATE UNIQUE INDEX party_members_one_secretary ON party_members (organisation_id) WHERE is_secretary;

CREATE TABLE departments (
  id    text PRIMARY KEY,
  code  text NOT NULL UNIQUE,
  name  text NOT NULL
);
