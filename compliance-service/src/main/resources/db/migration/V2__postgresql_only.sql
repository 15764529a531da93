-- PostgreSQL is the only engine now (the embedded default runs it too): an assessment's body and a rule set's
-- definition are no longer capped at the lengths a portable VARCHAR needed.
ALTER TABLE assessment ALTER COLUMN body TYPE TEXT;
ALTER TABLE rule_set_version ALTER COLUMN definition TYPE TEXT;
