-- PostgreSQL is the only engine now (the embedded default runs it too): a briefing's snapshot, which grows with
-- the measures it carries, is no longer capped at the 32,000 characters a portable VARCHAR allowed.
ALTER TABLE briefing ALTER COLUMN snapshot TYPE TEXT;
