-- 006: the staff console (issue 3): staff accounts and roles scoped to departments, sessions,
-- the append-only audit trail, the routing table, and the case workflow's records.

-- Staff accounts. Password: PBKDF2-HMAC-SHA256 with a per-user salt and an explicit count.
-- totp_secret, when set, is sealed like a reporter's identity (alg/key id in its header).
CREATE TABLE staff (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login         VARCHAR(64)  NOT NULL,
  display_name  VARCHAR(64)  NOT NULL,
  email         VARCHAR(254) NULL,
  pw_hash       BINARY(32)   NOT NULL,
  pw_salt       BINARY(16)   NOT NULL,
  pw_iter       INT UNSIGNED NOT NULL,
  must_change   TINYINT      NOT NULL DEFAULT 1,
  totp_secret   VARBINARY(128) NULL,
  failed_logins INT UNSIGNED NOT NULL DEFAULT 0,
  locked_until  BIGINT       NOT NULL DEFAULT 0,
  disabled      TINYINT      NOT NULL DEFAULT 0,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY staff_login (login)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Roles, combinable, each scoped to a department (a department at a region level). A user sees
-- the cases of that department's region and the regions below it.
CREATE TABLE staff_role (
  staff_id      INT UNSIGNED NOT NULL,
  role          ENUM('intake','handler','contact','supervisor','publisher','admin') NOT NULL,
  department_id INT          NOT NULL,
  PRIMARY KEY (staff_id, role, department_id),
  KEY role_department (department_id),
  CONSTRAINT role_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT role_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Sessions: only a hash of the cookie's token is stored. csrf is the token console forms carry.
CREATE TABLE staff_session (
  token_hash BINARY(32)   NOT NULL PRIMARY KEY,
  staff_id   INT UNSIGNED NOT NULL,
  csrf       CHAR(32)     NOT NULL,
  created_at BIGINT       NOT NULL,
  last_seen  BIGINT       NOT NULL,
  totp_ok    TINYINT      NOT NULL DEFAULT 0,
  KEY session_staff (staff_id),
  CONSTRAINT session_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The audit trail. The application's database user may INSERT and SELECT here, never UPDATE or
-- DELETE (scripts/stack.sh and the README grant it so): append-only.
CREATE TABLE audit (
  id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at        DATETIME     NOT NULL,
  staff_id  INT UNSIGNED NULL,
  login     VARCHAR(64)  NULL,
  action    VARCHAR(32)  NOT NULL,
  report_id BIGINT UNSIGNED NULL,
  detail    VARCHAR(1000) NOT NULL DEFAULT '',
  client    VARCHAR(45)  NOT NULL DEFAULT '',
  KEY audit_at (at),
  KEY audit_report (report_id, at),
  KEY audit_staff (staff_id, at),
  KEY audit_action (action, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Belt and braces for append-only: even a user with UPDATE or DELETE cannot change history.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit is append-only';
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit is append-only';

-- The routing table: which departments a report goes to. NULL or '' in a match column matches
-- anything; the most specific rule (most columns set, longest region prefix) wins, then the
-- lowest id. level: the level of the lead department relative to the report's place.
CREATE TABLE routing_rule (
  id            INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category      ENUM('violation','backward','false_exit','dereliction') NULL,
  standard      ENUM('energy','environment','quality','safety','technology','swap','approval','other') NULL,
  industry      VARCHAR(32) NULL,
  region_prefix VARCHAR(6)  NOT NULL DEFAULT '',
  subject_type  ENUM('enterprise','government') NULL,
  lead_kind     VARCHAR(16) NOT NULL,
  coop_kinds    VARCHAR(100) NOT NULL DEFAULT '',
  level         ENUM('county','city','province') NOT NULL DEFAULT 'county',
  enabled       TINYINT NOT NULL DEFAULT 1,
  note          VARCHAR(200) NOT NULL DEFAULT ''
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The case workflow's records on a report.
ALTER TABLE report
  ADD COLUMN intake_staff_id  INT UNSIGNED NULL,
  ADD COLUMN contact_staff_id INT UNSIGNED NULL,
  ADD COLUMN lead_department_id INT NULL,
  ADD COLUMN stage_started    DATE NULL,
  ADD COLUMN overdue          TINYINT NOT NULL DEFAULT 0,
  ADD COLUMN verdict          ENUM('true','partly','false') NULL,
  ADD COLUMN disposal         VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN hazard_notified  TINYINT NOT NULL DEFAULT 0,
  ADD COLUMN duplicate_of     BIGINT UNSIGNED NULL,
  ADD COLUMN feedback_text    TEXT NULL,
  ADD COLUMN feedback_state   ENUM('none','draft','approved') NOT NULL DEFAULT 'none',
  ADD COLUMN updated_at       DATETIME NULL,
  ADD KEY report_lead (lead_department_id, state),
  ADD KEY report_duplicate (duplicate_of),
  ADD KEY report_submitted (submitted_at);

-- Departments a report is transferred to: one lead, any co-operating.
CREATE TABLE report_department (
  report_id     BIGINT UNSIGNED NOT NULL,
  department_id INT NOT NULL,
  role          ENUM('lead','coop') NOT NULL,
  PRIMARY KEY (report_id, department_id),
  KEY department_reports (department_id, report_id),
  CONSTRAINT rd_report FOREIGN KEY (report_id) REFERENCES report (id),
  CONSTRAINT rd_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Staff-only records: notes, inspections, progress, presses (督办). Never on the status page.
CREATE TABLE report_note (
  id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  report_id BIGINT UNSIGNED NOT NULL,
  at        DATETIME NOT NULL,
  staff_id  INT UNSIGNED NOT NULL,
  kind      ENUM('note','inspection','progress','press','hazard_notice') NOT NULL,
  text      TEXT NOT NULL,
  KEY note_report (report_id, at),
  CONSTRAINT note_report FOREIGN KEY (report_id) REFERENCES report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Mail queued by the deadline sweep for the local sendmail; never carries an identity.
CREATE TABLE mail_queue (
  id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at        DATETIME NOT NULL,
  recipient VARCHAR(254) NOT NULL,
  subject   VARCHAR(200) NOT NULL,
  body      TEXT NOT NULL,
  sent_at   DATETIME NULL,
  KEY mail_unsent (sent_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A sensible default routing table from seed 004 §二 and seed 002's annex:
-- 能耗 → 工信 (with 发改), 环保 → 生态环境, 质量 → 市场监管, 安全 → 应急管理,
-- 技术 → 工信 (with 发改, 能源); swaps and approvals → 工信 (with 发改);
-- reports about a government go to the level above (seed 001 §三(三)), handled in code.
INSERT INTO routing_rule (category, standard, lead_kind, coop_kinds, note) VALUES
  (NULL, 'energy',      'gongxin',  'fagai',         '能耗：工业和信息化、发展改革主管部门'),
  (NULL, 'environment', 'shengtai', '',              '环保：生态环境主管部门'),
  (NULL, 'quality',     'shichang', '',              '质量：市场监管部门'),
  (NULL, 'safety',      'yingji',   '',              '安全：应急管理部门'),
  (NULL, 'technology',  'gongxin',  'fagai,nengyuan','技术：工业和信息化、发展改革、能源主管部门'),
  (NULL, 'swap',        'gongxin',  'fagai',         '产能置换：工业和信息化主管部门'),
  (NULL, 'approval',    'fagai',    'gongxin',       '审批许可：投资主管部门'),
  (NULL, NULL,          'gongxin',  '',              '其他：工业和信息化主管部门');
INSERT INTO routing_rule (category, standard, industry, lead_kind, coop_kinds, note) VALUES
  (NULL, NULL, 'coal', 'nengyuan', 'gongxin', '煤炭行业：能源主管部门'),
  (NULL, NULL, 'coal_power', 'nengyuan', 'fagai', '煤电：能源主管部门');

INSERT INTO schema_version (version, name) VALUES (6, '006_console');
