-- Matching reads by indexed SQL, scoped to the question (matching-service.ts), at city scale
-- (200,000 resources, 100,000 open demands):
-- the resources of a kind within reach of a demand: a box on lat/lng per kind (plain btree, so any
-- PostgreSQL serves it, with or without cube/earthdistance) ...
CREATE INDEX resources_kind_place ON resources (category, sub_kind, lat, lng) INCLUDE (id);
-- ... and the ones without a fixed place (funds, departments' services), which reach everywhere;
CREATE INDEX resources_kind_placeless ON resources (category, sub_kind) INCLUDE (id) WHERE lat IS NULL;
-- a batch plan's open demands by community;
CREATE INDEX demands_open_community ON demands (community_id) WHERE status = 'OPEN';
-- a provider's rated orders (the RATING term) and a resource's taken orders (FAIRNESS).
CREATE INDEX demands_rated_resource ON demands (resource_id) INCLUDE (rating) WHERE status = 'RATED';
