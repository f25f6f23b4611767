-- 009: strong sign-in (issue 8). A TOTP code is accepted once: the last accepted time step is
-- kept per account and a code of that step or an earlier one is refused. Failed sign-ins slow
-- down one (typed login, client address) pair, not the account (cgi/admin/login.c states the
-- rule): both are stored only as keyed hashes, so the table names neither a login nor an address.
ALTER TABLE staff ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0 AFTER totp_secret;

CREATE TABLE login_throttle (
  account  BINARY(16)   NOT NULL,           -- keyed hash of the typed login name
  subject  BINARY(16)   NOT NULL,           -- keyed hash of the client address
  failures INT UNSIGNED NOT NULL DEFAULT 0, -- attempts since the last success from there
  wait_until BIGINT     NOT NULL DEFAULT 0, -- no attempt is evaluated before this time
  PRIMARY KEY (account, subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO schema_version (version, name) VALUES (9, '009_signin');
