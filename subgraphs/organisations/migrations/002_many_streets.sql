-- Many streets (#17, docs/streets.md): every party organisation belongs to one street, and so do its
-- members (through it). The grids subgraph owns streets, so street_id is a reference, not a foreign
-- key. An existing database holds the chain of the one street the hub served, seeded as
-- 'street-haimen' (seed/plan.ts), the only street a database could hold before this migration: it
-- becomes their street. A street's party working committee names its street like every other row.
ALTER TABLE organisations ADD COLUMN street_id text NOT NULL DEFAULT 'street-haimen';
ALTER TABLE organisations ALTER COLUMN street_id DROP DEFAULT;
CREATE INDEX organisations_street_id ON organisations (street_id, id);
