-- 020: what each department has reported upward (issue 10, the upward-reporting calendar).
-- Every level reports its own figures: a county to its city, a city to the province, the
-- province to the ministry. The platform does not send the ledgers itself; a department's
-- supervisor marks an item filed on the dashboard (POST /admin/reporting, audited), and the
-- dashboard shows each item of the current and previous year as due, late (逾期未报) or filed.
--
-- item: the code of the item in lib/stats.c's reporting[] ("ledger_h1", "ledger_q3",
-- "summary", "ledger_year", "exit"), never renamed once used; year: the period reported on
-- (the January items of period y are due in y + 1). One filing per item, year and department:
-- marking twice finds the first (1062), the undo deletes the row. Galera: InnoDB, a primary key.
CREATE TABLE reporting_filing (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  item          VARCHAR(16)  NOT NULL,
  year          SMALLINT UNSIGNED NOT NULL,
  department_id INT          NOT NULL,
  filed_at      DATETIME     NOT NULL,          -- Beijing time (the connection's time zone)
  staff_id      INT UNSIGNED NOT NULL,
  note          VARCHAR(100) NOT NULL DEFAULT '',
  UNIQUE KEY reporting_filing_item (item, year, department_id),
  KEY reporting_filing_dept (department_id, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO schema_version (version, name) VALUES (20, '020_reporting');
