-- 018: cheaper summary rows for the submission (issue 10: the summary cost a submission
-- ~24 row updates, about 450-650 µs of server CPU, and the rows of a province and month were
-- shared by every submission, so their row locks, held until each commit was on disk, let one
-- submission commit at a time).
--
-- Fewer rows: two kinds of stats_cube row were sums the reads can make instead:
--   dim 'all'  (every report): each report has exactly one category, so the 'all' row of an
--              area and month is the sum of its category rows (lib/stats.c stats_filter_params
--              reads dim 'category' with any value for it);
--   level 0    (the whole country): the sum of the province rows (level 2, region LIKE '%').
-- An event now adds to its category, industry, channel and each standard at the county, city
-- and province of its region: 12 rows for a report citing one standard, where it was 20.
--
-- Parts: every row is split by `part` = the report's id modulo 8 (lib/stats.h STATS_PARTS).
-- Concurrent submissions have consecutive ids, so they lock different rows and their commits
-- go to disk together; every read sums the parts (the queries already SUM and GROUP BY).
-- `jubaoctl stats-rebuild` writes the same rows, parts included (run it after this migration
-- to fill the parts; until then the existing rows stay in part 0 and the sums are unchanged).
DELETE FROM stats_expand WHERE dim = 'all' OR level = 0;
DELETE FROM stats_cube WHERE dim = 'all' OR level = 0;
ALTER TABLE stats_cube ADD COLUMN part TINYINT NOT NULL DEFAULT 0 AFTER region,
  DROP PRIMARY KEY, ADD PRIMARY KEY (dim, level, region, value, month, part);

INSERT INTO schema_version (version, name) VALUES (18, '018_stats_rows');
