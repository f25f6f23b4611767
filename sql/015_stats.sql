-- 015: statistics (issue 10). Summary tables kept by the transaction that changes a case
-- (lib/stats.c: one function, its rules a table), so that no statistics page scans the report
-- table. Every counter counts events in the month they happened (Beijing time): a report
-- received in March and closed in May adds to March's `received` and May's `closed`.
-- `jubaoctl stats-rebuild` recomputes both tables from report, report_event and the audit
-- trail (press, overdue); tests/integration/test_stats.py proves rebuild == incremental.
--
-- The counters, the same in both tables (lib/stats.h's STATS_COUNTERS, in this order):
--   received           reports received (submitted on the public form or recorded at intake)
--   accepted           accepted (受理); accepted_ontime: on or before the stage's due date
--                      (2 working days from receipt, lib/workflow.h DUE_TRANSFER)
--   refused            not accepted (不予受理)
--   needs_info         sent back to the reporter for more material; replied: the answers
--   transferred        transferred to a lead department; transferred_ontime: within the 2 days
--   started            the department took the case and started the inspection
--   inspected          inspection and verdict recorded; inspected_ontime: within 5 working
--                      days of the transfer (DUE_INSPECTION)
--   v_true, v_partly, v_false   verdicts 属实 / 部分属实 / 不属实
--   disposed           disposal decided; m_*: each measure chosen (a case may take several)
--   closed             closed with feedback to the reporter (release, or closed with its
--                      original as a linked duplicate: dup_closed); closed_ontime: a release
--                      within 10 working days of the inspection (DUE_REPORT)
--   pressed            presses (督办) by a supervisor
--   overdue            a stage marked overdue by the deadline sweep (a case can be overdue in
--                      several stages: "overdue ever" counts cases-stages)

-- stats_cube: per month and area, the counters of all reports (dim 'all', value ''), and the
-- same per category, industry, channel and standard (dim, value: a report adds to one row of
-- each, and to one per standard it cites). An event adds to its county's row and to the rows
-- of its city ('2201'), province ('22') and the whole ('') alike, so that a page reads the
-- rows of one area (and those of the areas just below it for the drill-down): a few hundred
-- rows, whatever the report table holds. One breakdown or filter at a time (no category ×
-- industry cells: those would grow with the reports again).
CREATE TABLE stats_cube (
  dim        ENUM('all','category','industry','channel','standard') NOT NULL,
  level      TINYINT     NOT NULL,       -- the length of region: 6 county … 0 the whole
  value      VARCHAR(32) NOT NULL,
  month      DATE        NOT NULL,
  region     VARCHAR(6)  NOT NULL,
  received INT NOT NULL DEFAULT 0, accepted INT NOT NULL DEFAULT 0,
  accepted_ontime INT NOT NULL DEFAULT 0, refused INT NOT NULL DEFAULT 0,
  needs_info INT NOT NULL DEFAULT 0, replied INT NOT NULL DEFAULT 0,
  transferred INT NOT NULL DEFAULT 0, transferred_ontime INT NOT NULL DEFAULT 0,
  started INT NOT NULL DEFAULT 0, inspected INT NOT NULL DEFAULT 0,
  inspected_ontime INT NOT NULL DEFAULT 0, v_true INT NOT NULL DEFAULT 0,
  v_partly INT NOT NULL DEFAULT 0, v_false INT NOT NULL DEFAULT 0,
  disposed INT NOT NULL DEFAULT 0, m_dismantle INT NOT NULL DEFAULT 0,
  m_cut_off INT NOT NULL DEFAULT 0, m_stop INT NOT NULL DEFAULT 0,
  m_close INT NOT NULL DEFAULT 0, m_stop_construction INT NOT NULL DEFAULT 0,
  m_rectify INT NOT NULL DEFAULT 0, m_notify INT NOT NULL DEFAULT 0,
  closed INT NOT NULL DEFAULT 0, closed_ontime INT NOT NULL DEFAULT 0,
  dup_closed INT NOT NULL DEFAULT 0, pressed INT NOT NULL DEFAULT 0,
  overdue INT NOT NULL DEFAULT 0,
  PRIMARY KEY (dim, level, region, value, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The rows an event adds to, as data: each dim (and each standard) at each level of the
-- region. Q_STATS_CUBE_ADD joins a report with it (a derived table of UNIONs would be
-- materialised in a temporary table at every execution).
CREATE TABLE stats_expand (
  dim   ENUM('all','category','industry','channel','standard') NOT NULL,
  s     VARCHAR(16) NOT NULL,
  level TINYINT     NOT NULL,
  PRIMARY KEY (dim, s, level)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO stats_expand (dim, s, level)
SELECT d.dim, d.s, l.n FROM (SELECT 'all' AS dim, '' AS s UNION ALL SELECT 'category', ''
  UNION ALL SELECT 'industry', '' UNION ALL SELECT 'channel', '' UNION ALL
  SELECT 'standard', 'energy' UNION ALL SELECT 'standard', 'environment' UNION ALL
  SELECT 'standard', 'quality' UNION ALL SELECT 'standard', 'safety' UNION ALL
  SELECT 'standard', 'technology' UNION ALL SELECT 'standard', 'swap' UNION ALL
  SELECT 'standard', 'approval' UNION ALL SELECT 'standard', 'other') d
  JOIN (SELECT 6 AS n UNION ALL SELECT 4 UNION ALL SELECT 2 UNION ALL SELECT 0) l;

-- The same counters per lead department: events from the transfer on (the department a case
-- is transferred to is its lead from then on).
CREATE TABLE stats_dept LIKE stats_cube;
ALTER TABLE stats_dept DROP PRIMARY KEY, DROP COLUMN dim, DROP COLUMN level, DROP COLUMN value,
  DROP COLUMN region,
  ADD COLUMN department_id INT NOT NULL FIRST,
  ADD PRIMARY KEY (department_id, month);

-- The weights of the assessment (考评) score, edited by the system administrator (audited):
-- score = 100 × Σ weight × share / Σ weight over the measures (lib/stats.h stats_score).
CREATE TABLE stats_weight (
  measure VARCHAR(32) NOT NULL PRIMARY KEY,
  weight  INT         NOT NULL,
  sort    INT         NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO stats_weight (measure, weight, sort) VALUES
  ('accepted_ontime', 20, 10), ('transferred_ontime', 20, 20), ('inspected_ontime', 25, 30),
  ('closed_ontime', 25, 40), ('not_overdue', 10, 50);

INSERT INTO schema_version (version, name) VALUES (15, '015_stats');
