-- The code a resource has in the district's own ledger (Excel import, `npm run import`): re-importing
-- the same sheet updates the rows it created instead of adding them again.
ALTER TABLE resources ADD COLUMN external_code text;
CREATE UNIQUE INDEX resources_external_code ON resources (external_code);
