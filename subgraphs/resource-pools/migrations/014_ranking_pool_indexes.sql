-- A ranking reads the resources of a community that could do the demand's job (store.findRankingPool)
-- and counts the others. Both told apart in indexes alone, without visiting a table row per resource
-- of the community (a city's resource rows do not stay in shared buffers; profiled in
-- docs/performance.md):
-- the resources serving a community, read index-only (the community index alone sent every link to the table);
CREATE INDEX resource_communities_community_resource ON resource_communities (community_id, resource_id);
DROP INDEX resource_communities_community_id;
-- each resource's kind by id, read index-only.
CREATE INDEX resources_id_kind ON resources (id) INCLUDE (category, sub_kind);
