-- Which import last wrote each coverage row, so that another instance can read only the rows
-- written since the coverage it holds instead of the whole table (issue 10). Rows stored before
-- this migration have none: they are older than any mark an instance holds. Coverage writers take
-- the table lock before they log, so import ids grow in the order their rows commit.
ALTER TABLE coverage ADD COLUMN import_id bigint;
CREATE INDEX coverage_import_id_idx ON coverage (import_id);
