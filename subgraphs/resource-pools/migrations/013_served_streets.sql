-- Resources serving several streets (#17, docs/streets.md): a district department's resources, or a
-- district-level unit's, take orders in more than their home street (street_id). served_street_ids
-- lists every street a resource serves, its home street always among them; which communities of
-- those streets it serves is still resource_communities. Matching offers a demand only resources
-- serving its community's street (NOT_SERVING_STREET otherwise).
--
-- An array on the row rather than a link table: matching filters on it in the same index-only scans
-- it counts and lists resources within reach with (the kind indexes below include it), with no join
-- per resource.
ALTER TABLE resources ADD COLUMN served_street_ids text[];

-- Existing rows serve their own street; a district department's resources serve every street this
-- subgraph knows (the streets of its communities and resources): departments report to every street
-- of the district (吹哨报到).
UPDATE resources r
   SET served_street_ids = CASE
     WHEN r.provider_kind = 'DEPARTMENT' THEN
       (SELECT array_agg(s.street_id ORDER BY s.street_id)
          FROM (SELECT street_id FROM community_offices UNION SELECT street_id FROM resources) s)
     ELSE ARRAY[r.street_id]
   END;

-- A row written without served streets (the import, bulk loads) serves its home street; a resource
-- moved to another street serves its new one too.
CREATE FUNCTION resource_serves_home_street() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.served_street_ids IS NULL OR cardinality(NEW.served_street_ids) = 0 THEN
    NEW.served_street_ids := ARRAY[NEW.street_id];
  ELSIF NOT NEW.street_id = ANY (NEW.served_street_ids) THEN
    NEW.served_street_ids := NEW.served_street_ids || NEW.street_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER resources_serve_home_street BEFORE INSERT OR UPDATE OF street_id ON resources
  FOR EACH ROW EXECUTE FUNCTION resource_serves_home_street();

ALTER TABLE resources ALTER COLUMN served_street_ids SET NOT NULL;
ALTER TABLE resources ADD CONSTRAINT resources_serve_home_street CHECK (street_id = ANY (served_street_ids));

-- Matching's counts and closest-first lists of the resources of a kind within reach (migration 009)
-- tell the ones serving the demand's street from the others without reading the table.
DROP INDEX resources_kind_place;
CREATE INDEX resources_kind_place ON resources (category, sub_kind, lat, lng) INCLUDE (id, served_street_ids);
DROP INDEX resources_kind_placeless;
CREATE INDEX resources_kind_placeless ON resources (category, sub_kind) INCLUDE (id, served_street_ids) WHERE lat IS NULL;
-- The resources serving a street (the resources filter servesStreetId).
CREATE INDEX resources_served_street_ids ON resources USING gin (served_street_ids);
