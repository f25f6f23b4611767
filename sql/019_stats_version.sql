-- 019: the version of the statistics' summary (issue 10, speed). Each console worker keeps the
-- summed rows of the statistics views it has shown (cgi/admin/stats_cache.c) and uses them
-- again only while this number, read with one statement per view, is the one they were read
-- at. A provincial page summed some 2,000 summary rows in 27 DECIMAL sums each on every view
-- (about 8 ms of MariaDB's CPU at any number of reports).
--
-- The summary is written in three places only, and each adds 1 here in its own transaction:
-- stats_record (every change of a case: the row of the report's part, id modulo 8 as in
-- stats_cube, so that concurrent submissions do not wait on one row), jubaoctl stats-rebuild
-- and its fold of past months, and the assessment's weights. A statement in C, not a trigger
-- on stats_cube: a submission writes 12 cube rows, and a trigger would add 12 updates to it.
-- Whoever edits stats_cube, stats_dept or stats_weight by hand adds 1 here too.
-- The version is the sum of the parts plus list_version (sql/016: its triggers cover a
-- renamed department, whose name the department rows show).
CREATE TABLE stats_version (
  part  TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  n     BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;

-- Started from the clock, as list_version: a database restored from an older backup does not
-- come back to a number a running worker holds rows for.
INSERT INTO stats_version (part, n) VALUES (0, UNIX_TIMESTAMP() * 1000), (1, 0), (2, 0), (3, 0),
  (4, 0), (5, 0), (6, 0), (7, 0);

INSERT INTO schema_version (version, name) VALUES (19, '019_stats_version');
