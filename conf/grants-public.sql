-- The public programs' database account (submit, status, pages): what they run and nothing
-- more. It may insert a sealed identity but never read one (no SELECT on report_identity), and
-- has no right at all on the staff tables, the audit trail, the routing table or the mail
-- queue: a memory-safety bug in the code that parses the internet's input reaches no more.
-- Run as the database owner after the migrations, e.g. `mariadb jubao < grants-public.sql`,
-- with the account created first:
--   CREATE USER 'jubao_public'@'localhost' IDENTIFIED BY '…';
GRANT SELECT ON region TO 'jubao_public'@'localhost';
GRANT SELECT ON industry TO 'jubao_public'@'localhost';
GRANT SELECT ON holiday TO 'jubao_public'@'localhost';
GRANT SELECT ON channel TO 'jubao_public'@'localhost';
GRANT SELECT, INSERT ON report TO 'jubao_public'@'localhost';
-- the reporter's answer to a request for more material puts the case back to 'submitted'
GRANT UPDATE (state, due_date, overdue, updated_at) ON report TO 'jubao_public'@'localhost';
GRANT INSERT ON report_identity TO 'jubao_public'@'localhost';
GRANT SELECT, INSERT ON report_event TO 'jubao_public'@'localhost';
GRANT INSERT ON attachment TO 'jubao_public'@'localhost';
GRANT SELECT, INSERT, UPDATE ON rate_limit TO 'jubao_public'@'localhost';
-- the published lists (cgi/lists.c): what the public pages show, and the responsible
-- department's name, nothing else of the department
GRANT SELECT ON list_entry TO 'jubao_public'@'localhost';
GRANT SELECT ON list_item TO 'jubao_public'@'localhost';
GRANT SELECT ON list_version TO 'jubao_public'@'localhost';
GRANT SELECT (id, name) ON department TO 'jubao_public'@'localhost';
-- statistics (sql/015): a report received and a reporter's answer add to the summary tables in
-- their transaction (lib/stats.c), and the public summary page reads them; never the weights
GRANT SELECT, INSERT, UPDATE ON stats_cube TO 'jubao_public'@'localhost';
GRANT SELECT, INSERT, UPDATE ON stats_dept TO 'jubao_public'@'localhost';
GRANT SELECT, UPDATE ON stats_version TO 'jubao_public'@'localhost';
GRANT SELECT ON stats_expand TO 'jubao_public'@'localhost';
