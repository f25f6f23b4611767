-- 018: fewer summary rows per event (issue 10: a submission updated ~20 stats_cube rows, about
-- 450-650 µs of server CPU). Two kinds of row were sums the reads can make instead:
--   dim 'all'  (every report): each report has exactly one category, so the 'all' row of an
--              area and month is the sum of its category rows (lib/stats.c stats_filter_params
--              reads dim 'category' with any value for it);
--   level 0    (the whole country): the sum of the province rows (level 2, region LIKE '%').
-- An event now adds to its category, industry, channel and each standard at the county, city
-- and province of its region: 12 rows for a report citing one standard, where it was 20.
-- The counters are unchanged; `jubaoctl stats-rebuild` writes the same sums.
--
-- Parts: all submissions of a month update the same province rows, and InnoDB holds their row
-- locks until the commit is on disk, so concurrent submissions committed one after another
-- (2,508 lock waits in 5,166 bench submissions). Each row is now split by `part` = the
-- report's id modulo 8 (lib/stats.h STATS_PARTS): consecutive ids lock different rows. Only
-- the current month is written (events count in the month they happen), so `jubaoctl sweep`
-- folds the parts of past months into part 0 and `stats-rebuild` writes part 0 only: the
-- reads, which sum the parts, meet more than one only in the current month.
DELETE FROM stats_expand WHERE dim = 'all' OR level = 0;
DELETE FROM stats_cube WHERE dim = 'all' OR level = 0;
ALTER TABLE stats_cube ADD COLUMN part TINYINT NOT NULL DEFAULT 0 AFTER region,
  DROP PRIMARY KEY, ADD PRIMARY KEY (dim, level, region, value, month, part);

INSERT INTO schema_version (version, name) VALUES (18, '018_stats_rows');
