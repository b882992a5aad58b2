-- Units serving several streets (#17, docs/streets.md): a district-level unit (a district hospital,
-- a district agency) works in more than its home street (street_id). served_street_ids lists every
-- street it serves, its home street always among them. Existing units serve their own street.
ALTER TABLE units ADD COLUMN served_street_ids text[];
UPDATE units SET served_street_ids = ARRAY[street_id];

-- A unit written without served streets (the import, bulk loads) serves its home street; a unit
-- moved to another street serves its new one too.
CREATE FUNCTION unit_serves_home_street() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.served_street_ids IS NULL OR cardinality(NEW.served_street_ids) = 0 THEN
    NEW.served_street_ids := ARRAY[NEW.street_id];
  ELSIF NOT NEW.street_id = ANY (NEW.served_street_ids) THEN
    NEW.served_street_ids := NEW.served_street_ids || NEW.street_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER units_serve_home_street BEFORE INSERT OR UPDATE OF street_id ON units
  FOR EACH ROW EXECUTE FUNCTION unit_serves_home_street();

ALTER TABLE units ALTER COLUMN served_street_ids SET NOT NULL;
ALTER TABLE units ADD CONSTRAINT units_serve_home_street CHECK (street_id = ANY (served_street_ids));
