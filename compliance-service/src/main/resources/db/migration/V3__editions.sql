-- Editions (issue 32). ingest's feed says since when each revision was known; the current input of a key is the
-- revision known since the latest time (ties: the later feed position), so an older edition applied after a newer
-- one does not replace it. Inputs stored before were known since they were received, as ingest records them.
ALTER TABLE revision_input ADD COLUMN known_since TIMESTAMP WITH TIME ZONE;
UPDATE revision_input SET known_since = received_at;
-- NATO's published personnel share and real change (published ratios only), shown in the measures.
ALTER TABLE revision_input ADD COLUMN personnel_pct NUMERIC(12, 6);
ALTER TABLE revision_input ADD COLUMN real_change_pct NUMERIC(12, 6);

-- Every revision applied from the feed, current or not, with what scoring needs: the figures as they stood on any
-- day are the revisions known by then. Only ever inserted, in the batch that applies a feed page.
CREATE SEQUENCE revision_history_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE revision_history (
    id               BIGINT         NOT NULL PRIMARY KEY,
    country          VARCHAR(3)     NOT NULL,
    budget_year      INTEGER        NOT NULL,
    revision         INTEGER        NOT NULL,
    feed_seq         BIGINT         NOT NULL,
    known_since      TIMESTAMP WITH TIME ZONE,
    received_at      TIMESTAMP WITH TIME ZONE,
    published_ratio  BOOLEAN        NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    gdp              NUMERIC(20, 2),
    defence_total    NUMERIC(20, 2),
    equipment        NUMERIC(20, 2),
    personnel        NUMERIC(20, 2),
    infrastructure   NUMERIC(20, 2),
    other_spending   NUMERIC(20, 2),
    ukraine_support  NUMERIC(20, 2),
    related_total    NUMERIC(21, 2),
    usd_rate         NUMERIC(18, 8),
    population       NUMERIC(12, 0),
    military_personnel NUMERIC(12, 0),
    price_index      NUMERIC(12, 4),
    defence_pct_gdp  NUMERIC(12, 6),
    equipment_pct    NUMERIC(12, 6),
    personnel_pct    NUMERIC(12, 6),
    real_change_pct  NUMERIC(12, 6),
    source           VARCHAR(500)
);
-- A figure as of a day: a key's revisions known by then, the latest first.
CREATE INDEX revision_history_key_ix ON revision_history (country, budget_year, known_since);

-- The inputs stored before this release begin the history (their earlier revisions were never kept here).
INSERT INTO revision_history (id, country, budget_year, revision, feed_seq, known_since, received_at, published_ratio,
        status, currency, gdp, defence_total, equipment, personnel, infrastructure, other_spending, ukraine_support,
        related_total, usd_rate, population, military_personnel, price_index, defence_pct_gdp, equipment_pct, source)
    SELECT nextval('revision_history_seq'), country, budget_year, revision, feed_seq, known_since, received_at,
        published_ratio, status, currency, gdp, defence_total, equipment, personnel, infrastructure, other_spending,
        ukraine_support, related_total, usd_rate, population, military_personnel, price_index, defence_pct_gdp,
        equipment_pct, source
    FROM revision_input ORDER BY feed_seq;
