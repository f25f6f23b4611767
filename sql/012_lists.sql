-- 012: the published lists (issue 9; seed 003 §一, seed 004 §(二十一), seed 002 §四). One row per
-- entry of a list; lib/lists.c is the table of the list types, the fields each shows and the
-- moves of an entry (draft -> notice 公示 -> announcement 公告 -> archived, or withdrawn with a
-- reason). An entry never holds anything about a reporter: it is made from a case's verified
-- facts (report_id says which) or typed in by a publisher.
CREATE TABLE list_entry (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  list_type       ENUM('violation','elimination','rectification','forced_exit','compliant')
                  NOT NULL,
  state           ENUM('draft','notice','announcement','archived','withdrawn') NOT NULL
                  DEFAULT 'draft',
  report_id       BIGINT UNSIGNED NULL,          -- the closed case it follows, if any
  department_id   INT          NOT NULL,         -- the responsible department, which publishes it
  region          CHAR(6)      NOT NULL,
  industry        VARCHAR(32)  NOT NULL,
  enterprise      VARCHAR(200) NOT NULL,
  credit_code     CHAR(18)     NULL,             -- 统一社会信用代码, check character verified
  address         VARCHAR(400) NOT NULL DEFAULT '',
  -- what the entry says (which of these a list shows: lib/lists.c)
  facts           TEXT         NULL,             -- the violation and its facts; the failed rectification
  legal_basis     VARCHAR(800) NULL,
  requirement     VARCHAR(800) NULL,
  deadline        DATE         NULL,             -- the deadline set for the enterprise
  equipment       VARCHAR(400) NULL,             -- equipment or line; main equipment (compliant)
  model           VARCHAR(200) NULL,
  quantity        INT UNSIGNED NULL,
  capacity        DECIMAL(16,2) NULL,
  capacity_unit   VARCHAR(16)  NULL,             -- 万吨/年, 吨/年, 万千瓦 …
  exit_method     VARCHAR(400) NULL,
  products        VARCHAR(400) NULL,
  checks_passed   VARCHAR(800) NULL,
  completion      TEXT         NULL,             -- then: completion, what was removed, the closure
  -- the deadline of the publication itself: 10 working days after the inspection or the
  -- acceptance it follows (basis_date), from the working-day calendar
  basis_date      DATE         NOT NULL,
  due_date        DATE         NOT NULL,
  year            SMALLINT     NOT NULL,         -- the year it belongs to (of basis_date)
  batch_id        BIGINT UNSIGNED NULL,          -- the batch (分批次) it was published in
  noticed_on      DATE         NULL,             -- 公示
  announced_on    DATE         NULL,             -- 公告
  archived_on     DATE         NULL,
  withdrawn_on    DATE         NULL,
  withdraw_reason VARCHAR(400) NULL,             -- shown publicly with "withdrawn on …"
  reviewed_by     INT UNSIGNED NULL,             -- the level above's review or sample (复核、抽查)
  reviewed_on     DATE         NULL,
  review_note     VARCHAR(400) NULL,
  created_by      INT UNSIGNED NOT NULL,
  created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY entry_list (list_type, state, year, region),
  KEY entry_due (state, due_date),
  KEY entry_department (department_id, state),
  KEY entry_report (report_id),
  CONSTRAINT entry_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The failed items of a rectification (黄牌) or forced-exit (红牌) entry: the measured value
-- against the standard's limit, and the standard's number.
CREATE TABLE list_item (
  entry_id     BIGINT UNSIGNED NOT NULL,
  seq          TINYINT UNSIGNED NOT NULL,
  item         VARCHAR(200) NOT NULL,            -- e.g. 单位产品综合能耗
  measured     VARCHAR(64)  NOT NULL,            -- e.g. 612 千克标准煤/吨
  limit_value  VARCHAR(64)  NOT NULL,            -- e.g. ≤ 560 千克标准煤/吨
  standard_no  VARCHAR(64)  NOT NULL,            -- e.g. GB 21256-2013
  PRIMARY KEY (entry_id, seq),
  CONSTRAINT item_entry FOREIGN KEY (entry_id) REFERENCES list_entry (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A batch (分批次): the entries one department published together, at one stage.
CREATE TABLE list_batch (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  department_id INT          NOT NULL,
  list_type     VARCHAR(16)  NOT NULL,
  stage         ENUM('notice','announcement') NOT NULL,
  published_on  DATE         NOT NULL,
  staff_id      INT UNSIGNED NOT NULL,
  KEY batch_department (department_id, published_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO schema_version (version, name) VALUES (12, '012_lists');
