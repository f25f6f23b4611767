-- Every text limit is enforced at input and the column holds it (lib/textlimits.h): a public
-- event carries the reporter's supplement of up to 5000 characters after its prefix, which
-- VARCHAR(2000) could not hold (long ASCII answers failed, long Chinese ones were cut).
ALTER TABLE report_event MODIFY text TEXT NOT NULL;

INSERT INTO schema_version (version, name) VALUES (8, '008_text_limits');
