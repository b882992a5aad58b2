-- The code a community or grid has in the district's own ledger (Excel import, `npm run import`):
-- re-importing the same sheet updates the rows it created instead of adding them again.
ALTER TABLE communities ADD COLUMN external_code text;
CREATE UNIQUE INDEX communities_external_code ON communities (external_code);
ALTER TABLE grids ADD COLUMN external_code text;
CREATE UNIQUE INDEX grids_external_code ON grids (external_code);
