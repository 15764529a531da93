CREATE SEQUENCE briefing_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE briefing (
    id               BIGINT        NOT NULL PRIMARY KEY,
    kind             VARCHAR(16)   NOT NULL,
    country          VARCHAR(3),
    period           VARCHAR(40)   NOT NULL,
    -- One row per scheduled period (SCHEDULED:<kind>:<fire time>) whichever replica fires first; the
    -- unique key is what makes the schedule exactly-once across replicas.
    period_key       VARCHAR(100)  NOT NULL,
    trigger_type     VARCHAR(16)   NOT NULL,
    focus_year       INTEGER,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    lease_until      TIMESTAMP WITH TIME ZONE,
    failure_reason   VARCHAR(2000),
    requested_by     VARCHAR(200)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE,
    size_bytes       BIGINT,
    page_count       INTEGER,
    sha256           VARCHAR(64),
    data_cutoff      TIMESTAMP WITH TIME ZONE,
    snapshot         TEXT,
    CONSTRAINT briefing_period_uk UNIQUE (period_key)
);
CREATE INDEX briefing_status_ix ON briefing (status, next_attempt_at);

-- The PDF is written in the same transaction that marks its briefing READY: never half a file.
CREATE TABLE briefing_pdf (
    briefing_id  BIGINT NOT NULL PRIMARY KEY REFERENCES briefing (id) ON DELETE CASCADE,
    content      BYTEA  NOT NULL
);
