-- Many streets (#17, docs/streets.md): every resource belongs to one street, and this subgraph's
-- copy of the community → office mapping names each community's street too (demands are in their
-- community's street). The grids subgraph owns streets, so street_id is a reference, not a foreign
-- key. An existing database holds the one street the hub served, seeded as 'street-haimen'
-- (seed/plan.ts), the only street a database could hold before this migration: it becomes theirs.
ALTER TABLE resources ADD COLUMN street_id text NOT NULL DEFAULT 'street-haimen';
ALTER TABLE resources ALTER COLUMN street_id DROP DEFAULT;
CREATE INDEX resources_street_id ON resources (street_id, id);

ALTER TABLE community_offices ADD COLUMN street_id text NOT NULL DEFAULT 'street-haimen';
ALTER TABLE community_offices ALTER COLUMN street_id DROP DEFAULT;
CREATE INDEX community_offices_street_id ON community_offices (street_id, community_id);
