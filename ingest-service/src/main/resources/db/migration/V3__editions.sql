-- Editions (issue 32). Every revision records since when its figures were known: the import's publishedOn (that
-- day, 00:00 UTC) or, without one, the instant it was received; revisions stored before are known since receipt.
ALTER TABLE submission_revision ADD COLUMN known_since TIMESTAMP WITH TIME ZONE;
UPDATE submission_revision SET known_since = received_at;
ALTER TABLE submission_revision ALTER COLUMN known_since SET NOT NULL;

-- NATO's published shares of personnel and real change, beside equipment_pct, on published-ratio revisions.
ALTER TABLE submission_revision ADD COLUMN personnel_pct NUMERIC(12, 6);
ALTER TABLE submission_revision ADD COLUMN real_change_pct NUMERIC(12, 6);

-- The current revision is the one known since the latest time, so an older edition loaded later is stored after it
-- without becoming current: the head keeps the last revision number it handed out besides the current one.
ALTER TABLE submission ADD COLUMN last_revision INTEGER;
UPDATE submission SET last_revision = current_revision;
ALTER TABLE submission ALTER COLUMN last_revision SET NOT NULL;
