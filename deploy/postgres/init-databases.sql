-- One database per subgraph (docs/overview.md → Design decisions: a subgraph never reads another's). Run by
-- the postgres image on its first start (docker-entrypoint-initdb.d), as POSTGRES_USER, who then
-- owns them; each subgraph creates its tables itself when it starts (migrations).
CREATE DATABASE hub_organisations;
CREATE DATABASE hub_grids;
CREATE DATABASE hub_resource_pools;
CREATE DATABASE hub_co_building;
-- The gateways' shared rate limits (gateway/migrations).
CREATE DATABASE hub_gateway;
