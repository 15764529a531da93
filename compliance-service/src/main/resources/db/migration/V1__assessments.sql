-- How far this service has applied ingest's feed. Updated in the same transaction as the assessments it
-- produced, so a restart neither skips nor re-applies a revision.
CREATE TABLE feed_cursor (
    id          INTEGER NOT NULL PRIMARY KEY,
    last_seq    BIGINT  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO feed_cursor (id, last_seq, updated_at) VALUES (1, 0, CURRENT_TIMESTAMP);

-- The current revision of each (country, year) as far as scoring needs it; kept to re-score history when a
-- 2025 baseline or a rule set changes.
CREATE TABLE revision_input (
    id               VARCHAR(8)     NOT NULL PRIMARY KEY,
    country          VARCHAR(3)     NOT NULL,
    budget_year      INTEGER        NOT NULL,
    revision         INTEGER        NOT NULL,
    feed_seq         BIGINT         NOT NULL,
    published_ratio  BOOLEAN        NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    gdp              NUMERIC(20, 2),
    defence_total    NUMERIC(20, 2),
    equipment        NUMERIC(20, 2),
    related_total    NUMERIC(21, 2),
    usd_rate         NUMERIC(18, 8),
    defence_pct_gdp  NUMERIC(12, 6),
    equipment_pct    NUMERIC(12, 6),
    source           VARCHAR(500),
    received_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX revision_input_year_ix ON revision_input (budget_year);

CREATE TABLE assessment (
    id             VARCHAR(8)     NOT NULL PRIMARY KEY,
    country        VARCHAR(3)     NOT NULL,
    budget_year    INTEGER        NOT NULL,
    revision       INTEGER        NOT NULL,
    feed_seq       BIGINT         NOT NULL,
    assessed       BOOLEAN        NOT NULL,
    score          NUMERIC(5, 1),
    rule_versions  VARCHAR(200)   NOT NULL,
    body           TEXT           NOT NULL,
    assessed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX assessment_year_ix ON assessment (budget_year);

-- Every version of every rule set ever in force; the newest activation of an id is the one in force.
CREATE TABLE rule_set_version (
    id            VARCHAR(50)   NOT NULL PRIMARY KEY,
    rule_set_id   VARCHAR(32)   NOT NULL,
    version       VARCHAR(16)   NOT NULL,
    definition    TEXT          NOT NULL,
    activated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_by  VARCHAR(200)  NOT NULL
);
