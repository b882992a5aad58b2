-- Many streets (#17, docs/streets.md): every co-building unit belongs to one street (the grids
-- subgraph owns streets, so street_id is a reference, not a foreign key). An existing database
-- holds the units of the one street the hub served, seeded as 'street-haimen' (seed/plan.ts), the
-- only street a database could hold before this migration: it becomes their street.
ALTER TABLE units ADD COLUMN street_id text NOT NULL DEFAULT 'street-haimen';
ALTER TABLE units ALTER COLUMN street_id DROP DEFAULT;
CREATE INDEX units_street_id ON units (street_id, id);
