-- 016: the version of the published lists (issue 9, speed). Each lists worker keeps whole
-- rendered pages of filtered views (lib/listcache.h) and answers one again only while this
-- number is the one the page was built at. The triggers bump it inside the transaction that
-- changes an entry, an item or a department (whose name the entries show), whoever writes:
-- the console, jubaoctl, an administrator's SQL. Committed with the change, it is seen by
-- every web node on the next request (one primary-key read; in the Galera cluster
-- wsrep_sync_wait=1 makes that read wait for what other nodes committed first). A trigger,
-- not a statement after each change in C: no writer can forget it.
CREATE TABLE list_version (
  id       TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  version  BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;

-- Started from the clock, not from 1, so that a database restored from an older backup or
-- made anew does not come back to a number a running worker holds pages for.
INSERT INTO list_version (id, version) VALUES (1, UNIX_TIMESTAMP() * 1000);

CREATE TRIGGER list_entry_ins_version AFTER INSERT ON list_entry FOR EACH ROW
  UPDATE list_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER list_entry_upd_version AFTER UPDATE ON list_entry FOR EACH ROW
  UPDATE list_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER list_entry_del_version AFTER DELETE ON list_entry FOR EACH ROW
  UPDATE list_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER list_item_ins_version AFTER INSERT ON list_item FOR EACH ROW
  UPDATE list_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER list_item_upd_version AFTER UPDATE ON list_item FOR EACH ROW
  UPDATE list_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER list_item_del_version AFTER DELETE ON list_item FOR EACH ROW
  UPDATE list_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER department_upd_version AFTER UPDATE ON department FOR EACH ROW
  UPDATE list_version SET version = version + 1 WHERE id = 1;

INSERT INTO schema_version (version, name) VALUES (16, '016_list_version');
