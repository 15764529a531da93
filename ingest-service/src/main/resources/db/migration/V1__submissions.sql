-- Amounts as NUMERIC with explicit precision (whole currency units, two decimals at most).

CREATE SEQUENCE submission_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE submission_revision_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE submission (
    id               BIGINT       NOT NULL PRIMARY KEY,
    country          VARCHAR(3)   NOT NULL,
    budget_year      INTEGER      NOT NULL,
    current_revision INTEGER      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT submission_country_year_uk UNIQUE (country, budget_year)
);

CREATE TABLE submission_revision (
    id                              BIGINT         NOT NULL PRIMARY KEY,
    submission_id                   BIGINT         NOT NULL REFERENCES submission (id),
    country                         VARCHAR(3)     NOT NULL,
    budget_year                     INTEGER        NOT NULL,
    revision                        INTEGER        NOT NULL,
    feed_seq                        BIGINT         NOT NULL,
    kind                            VARCHAR(16)    NOT NULL,
    status                          VARCHAR(16)    NOT NULL,
    currency                        VARCHAR(3)     NOT NULL,
    gdp                             NUMERIC(20, 2),
    defence_total                   NUMERIC(20, 2),
    equipment                       NUMERIC(20, 2),
    personnel                       NUMERIC(20, 2),
    infrastructure                  NUMERIC(20, 2),
    other_spending                  NUMERIC(20, 2),
    ukraine_support                 NUMERIC(20, 2),
    related_critical_infrastructure NUMERIC(20, 2),
    related_cyber_and_networks      NUMERIC(20, 2),
    related_civil_preparedness      NUMERIC(20, 2),
    related_innovation              NUMERIC(20, 2),
    related_industrial_base         NUMERIC(20, 2),
    usd_rate                        NUMERIC(18, 8),
    defence_pct_gdp                 NUMERIC(12, 6),
    equipment_pct                   NUMERIC(12, 6),
    source                          VARCHAR(500),
    note                            VARCHAR(2000),
    content_hash                    VARCHAR(64)    NOT NULL,
    received_at                     TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_by                    VARCHAR(200)   NOT NULL,
    import_id                       VARCHAR(36),
    CONSTRAINT submission_revision_uk UNIQUE (submission_id, revision),
    CONSTRAINT submission_revision_feed_uk UNIQUE (feed_seq)
);

-- The single row whose lock orders the change feed (see FeedSequencer).
CREATE TABLE feed_counter (
    id       INTEGER NOT NULL PRIMARY KEY,
    last_seq BIGINT  NOT NULL
);
INSERT INTO feed_counter (id, last_seq) VALUES (1, 0);
