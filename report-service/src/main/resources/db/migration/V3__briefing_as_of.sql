-- The day whose figures a commissioned briefing shows (compliance's answers as of the end of that day, UTC); null: the
-- figures current when it ran.
ALTER TABLE briefing ADD COLUMN as_of DATE;
