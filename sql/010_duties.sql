-- 010: separation of duties (三员分立, issue 8). The administrator role splits into system
-- administration (sysadmin), security administration (secadmin) and audit (auditor). Existing
-- administrators become security administrators: they keep the accounts they managed, and a
-- system administrator and an auditor are then made by two of them (cgi/admin/users_edit.c).
ALTER TABLE staff_role MODIFY role ENUM('intake','handler','contact','supervisor','publisher',
  'admin','sysadmin','secadmin','auditor') NOT NULL;
UPDATE staff_role SET role = 'secadmin' WHERE role = 'admin';
ALTER TABLE staff_role MODIFY role ENUM('intake','handler','contact','supervisor','publisher',
  'sysadmin','secadmin','auditor') NOT NULL;

-- Changes that wait for a second security administrator: a grant of a guarded role (intake,
-- contact, any administrator) and a password or second-factor reset of an account holding
-- one. The new password is kept only as its hash until the change is approved.
CREATE TABLE staff_change (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  staff_id      INT UNSIGNED NOT NULL,           -- the account changed
  kind          ENUM('add_role','reset_password','reset_totp') NOT NULL,
  role          VARCHAR(16)  NULL,
  department_id INT          NULL,
  pw_hash       BINARY(32)   NULL,
  pw_salt       BINARY(16)   NULL,
  pw_iter       INT UNSIGNED NULL,
  requested_by  INT UNSIGNED NOT NULL,
  requested_at  BIGINT       NOT NULL,
  state         ENUM('pending','approved','refused','withdrawn') NOT NULL DEFAULT 'pending',
  decided_by    INT UNSIGNED NULL,
  decided_at    BIGINT       NULL,
  KEY change_state (state, staff_id),
  CONSTRAINT change_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What was changed on an account, by whom and when: shown to its owner at the next sign-in.
CREATE TABLE staff_notice (
  id       BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  staff_id INT UNSIGNED NOT NULL,
  at       BIGINT       NOT NULL,
  text     VARCHAR(600) NOT NULL,
  seen     TINYINT      NOT NULL DEFAULT 0,
  KEY notice_staff (staff_id, seen),
  CONSTRAINT notice_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO schema_version (version, name) VALUES (10, '010_duties');
