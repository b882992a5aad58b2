-- The code a unit has in the district's own ledger (Excel import, `npm run import`): re-importing the
-- same sheet updates the rows it created instead of adding them again. Seeded and API-created rows have none.
ALTER TABLE units ADD COLUMN external_code text;
CREATE UNIQUE INDEX units_external_code ON units (external_code);
