-- The briefing's tables as they were when its PDF was rendered: workbooks and CSV are written from these, so they
-- never disagree with the PDF.
ALTER TABLE briefing_pdf ADD COLUMN tables TEXT;

-- Who receives the scheduled Alliance briefing.
CREATE TABLE subscription (
    email       VARCHAR(254) NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(200) NOT NULL
);

-- One row per message to send: created in the transaction that makes a scheduled briefing READY (or fails its last
-- attempt), so each briefing's messages exist once whichever replica completed it; sent after commit, retried with
-- back-off, and marked sent in its own transaction.
CREATE SEQUENCE delivery_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE delivery (
    id              BIGINT       NOT NULL PRIMARY KEY,
    briefing_id     BIGINT       NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    email           VARCHAR(254) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT delivery_uk UNIQUE (briefing_id, kind, email)
);
CREATE INDEX delivery_due_ix ON delivery (status, next_attempt_at);
