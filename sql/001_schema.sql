-- 001: the core schema of jubao. Applied by scripts/migrate, which records each applied file in
-- schema_version. Every table is InnoDB and utf8mb4; times are Beijing time (the connection sets
-- time_zone '+08:00').

CREATE TABLE schema_version (
  version    INT          NOT NULL PRIMARY KEY,
  name       VARCHAR(200) NOT NULL,
  applied_at DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Administrative divisions (GB/T 2260). level: 1 province, 2 prefecture city, 3 county.
CREATE TABLE region (
  code   CHAR(6)     NOT NULL PRIMARY KEY,
  name   VARCHAR(64) NOT NULL,
  level  TINYINT     NOT NULL,
  parent CHAR(6)     NULL,
  KEY region_parent (parent)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The industry table the report form offers (contract: the seeded codes).
CREATE TABLE industry (
  code    VARCHAR(32) NOT NULL PRIMARY KEY,
  name    VARCHAR(64) NOT NULL,
  sort    INT         NOT NULL DEFAULT 0,
  enabled TINYINT     NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The directory of report channels (seed 000's annex). province_code NULL: a national body.
CREATE TABLE channel (
  id            INT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
  province_code CHAR(6)      NULL,
  authority     VARCHAR(100) NOT NULL,
  kind          ENUM('email','fax','phone','web','wechat','hotline') NOT NULL,
  label         VARCHAR(64)  NOT NULL,
  value         VARCHAR(255) NOT NULL,
  note          VARCHAR(255) NULL,
  sort          INT          NOT NULL,
  KEY channel_sort (sort)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The working-day calendar: only the exceptions to the weekday/weekend rule. is_off 1: a holiday
-- on a weekday; is_off 0: an adjusted working weekend day (调休).
CREATE TABLE holiday (
  day    DATE        NOT NULL PRIMARY KEY,
  is_off TINYINT     NOT NULL,
  name   VARCHAR(32) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Government departments that handle reports, one per kind and region.
-- kind: gongxin 工信, fagai 发改, shengtai 生态环境, shichang 市场监管, yingji 应急管理,
-- nengyuan 能源, ziran 自然资源, shuiwu 税务, jinrong 金融监管.
CREATE TABLE department (
  id          INT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code CHAR(6)      NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  enabled     TINYINT      NOT NULL DEFAULT 1,
  UNIQUE KEY department_region_kind (region_code, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One report (举报). The reporter's identity lives only in report_identity, sealed.
-- code_mac: HMAC of ticket and query code; submit_key: HMAC of the form's CSRF token, so that the
-- same form sent twice finds the first report (idempotent submission).
CREATE TABLE report (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket          CHAR(16)     NOT NULL,
  code_mac        BINARY(32)   NOT NULL,
  submit_key      BINARY(32)   NULL,
  channel         ENUM('web','phone','fax','email','letter','visit') NOT NULL DEFAULT 'web',
  state           ENUM('submitted','accepted','rejected','needs_info','transferred','inspecting',
                       'verified','disposing','closed') NOT NULL DEFAULT 'submitted',
  category        ENUM('violation','backward','false_exit','dereliction') NOT NULL,
  standards       SET('energy','environment','quality','safety','technology','swap','approval','other') NOT NULL,
  industry        VARCHAR(32)  NOT NULL,
  region          CHAR(6)      NOT NULL,
  subject_type    ENUM('enterprise','government') NOT NULL,
  subject_name    VARCHAR(100) NOT NULL,
  subject_address VARCHAR(200) NULL,
  credit_code     CHAR(18)     NULL,
  description     TEXT         NOT NULL,
  hazard          TINYINT      NOT NULL DEFAULT 0,
  anonymous       TINYINT      NOT NULL,
  submitted_at    DATETIME     NOT NULL,
  due_date        DATE         NULL,
  UNIQUE KEY report_ticket (ticket),
  UNIQUE KEY report_submit_key (submit_key),
  KEY report_state (state, due_date),
  KEY report_region (region)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The sealed identity: alg 1 AES-256-GCM, 2 SM4-CTR + HMAC-SM3; key_id names the key in the key
-- file, so that rotation can find records under an old key. The same two values head the blob.
CREATE TABLE report_identity (
  report_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  alg       TINYINT UNSIGNED NOT NULL,
  key_id    INT UNSIGNED NOT NULL,
  sealed    VARBINARY(4096) NOT NULL,
  KEY identity_key (key_id),
  CONSTRAINT identity_report FOREIGN KEY (report_id) REFERENCES report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Public events: what the reporter sees on the status page, never a staff note.
CREATE TABLE report_event (
  id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  report_id BIGINT UNSIGNED NOT NULL,
  at        DATETIME NOT NULL,
  state     ENUM('submitted','accepted','rejected','needs_info','transferred','inspecting',
                 'verified','disposing','closed') NOT NULL,
  text      VARCHAR(2000) NOT NULL,
  KEY event_report (report_id, at),
  CONSTRAINT event_report FOREIGN KEY (report_id) REFERENCES report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Evidence files, stored under the attachment directory with server-made names.
CREATE TABLE attachment (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  report_id   BIGINT UNSIGNED NOT NULL,
  stored_name CHAR(32)     NOT NULL,
  mime        VARCHAR(32)  NOT NULL,
  size        INT UNSIGNED NOT NULL,
  sha256      BINARY(32)   NOT NULL,
  added_at    DATETIME     NOT NULL,
  UNIQUE KEY attachment_name (stored_name),
  KEY attachment_report (report_id),
  CONSTRAINT attachment_report FOREIGN KEY (report_id) REFERENCES report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Rate limiting shared by every worker: a fixed window per (client, bucket). subject is a keyed
-- hash of the client address, never the address itself.
CREATE TABLE rate_limit (
  subject      BINARY(16) NOT NULL,
  bucket       TINYINT UNSIGNED NOT NULL,
  window_start BIGINT NOT NULL,
  hits         INT UNSIGNED NOT NULL,
  PRIMARY KEY (subject, bucket)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO industry (code, name, sort) VALUES
  ('steel', '钢铁', 10), ('coal', '煤炭', 20), ('cement', '水泥', 30), ('aluminium', '电解铝', 40),
  ('flat_glass', '平板玻璃', 50), ('brick', '烧结砖瓦', 60), ('chemical', '化工', 70),
  ('coal_power', '煤电', 80), ('boiler', '燃煤锅炉', 90), ('other', '其他', 1000);

INSERT INTO schema_version (version, name) VALUES (1, '001_schema');
