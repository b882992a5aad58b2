-- Many streets (#17, docs/streets.md): the grids subgraph owns the streets (it already holds the
-- street and its offices), and every community, grid and incident names the street it belongs to,
-- so that per-street reads and read scopes are one indexed condition instead of a join up the tree.
-- An existing database migrates forward with its one street as the first street: the backfill takes
-- each row's street from its parent.
--
-- The street of a community is its office's, of a grid its community's, of an incident its
-- community's. Triggers fill it in from the parent on insert (and when the parent changes), so every
-- writer — the seed, the import, reportIncident — gets it right without restating it, and composite
-- foreign keys make a mismatch impossible. ON UPDATE CASCADE: moving a community to another street's
-- office moves its grids and incidents along.
ALTER TABLE offices ADD CONSTRAINT offices_street_id_id UNIQUE (street_id, id);

ALTER TABLE communities ADD COLUMN street_id text;
UPDATE communities c SET street_id = o.street_id FROM offices o WHERE o.id = c.office_id;
ALTER TABLE communities ALTER COLUMN street_id SET NOT NULL;
ALTER TABLE communities ADD CONSTRAINT communities_street_id_id UNIQUE (street_id, id);
ALTER TABLE communities ADD CONSTRAINT communities_office_in_street
  FOREIGN KEY (street_id, office_id) REFERENCES offices (street_id, id) ON UPDATE CASCADE;

ALTER TABLE grids ADD COLUMN street_id text;
UPDATE grids g SET street_id = c.street_id FROM communities c WHERE c.id = g.community_id;
ALTER TABLE grids ALTER COLUMN street_id SET NOT NULL;
ALTER TABLE grids ADD CONSTRAINT grids_community_in_street
  FOREIGN KEY (street_id, community_id) REFERENCES communities (street_id, id) ON UPDATE CASCADE;
CREATE INDEX grids_street_id ON grids (street_id, id);

ALTER TABLE incidents ADD COLUMN street_id text;
UPDATE incidents i SET street_id = c.street_id FROM communities c WHERE c.id = i.community_id;
ALTER TABLE incidents ALTER COLUMN street_id SET NOT NULL;
ALTER TABLE incidents ADD CONSTRAINT incidents_community_in_street
  FOREIGN KEY (street_id, community_id) REFERENCES communities (street_id, id) ON UPDATE CASCADE;
CREATE INDEX incidents_street_id ON incidents (street_id, id);

CREATE FUNCTION community_street_from_office() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT street_id INTO NEW.street_id FROM offices WHERE id = NEW.office_id;
  RETURN NEW;
END $$;
CREATE TRIGGER communities_street BEFORE INSERT OR UPDATE OF office_id ON communities
  FOR EACH ROW EXECUTE FUNCTION community_street_from_office();

-- Grids and incidents both hang off a community.
CREATE FUNCTION street_from_community() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT street_id INTO NEW.street_id FROM communities WHERE id = NEW.community_id;
  RETURN NEW;
END $$;
CREATE TRIGGER grids_street BEFORE INSERT OR UPDATE OF community_id ON grids
  FOR EACH ROW EXECUTE FUNCTION street_from_community();
CREATE TRIGGER incidents_street BEFORE INSERT OR UPDATE OF community_id ON incidents
  FOR EACH ROW EXECUTE FUNCTION street_from_community();
