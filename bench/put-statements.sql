-- ./pledgewatch bench: exactly the statements one accepted PUT costs the database, for pgbench (one transaction of
-- this script = one PUT). In order: ingest's write transaction for a batch of one (a revision of an existing
-- submission), the feed page compliance then reads from ingest, and compliance's applying that page. The statements
-- are Hibernate's as its SQL log shows them (SubmissionStore, FeedSequencer, FeedResource, AssessmentService), with
-- pgbench's variables for the values; keep them in step when those classes change. Two differences, both
-- slightly in the database's disfavour: a revision's id is drawn with nextval each time (Hibernate's pooled ids draw
-- once per 50), and the three transactions run back to back in one session (in the suite they are three sessions).
\set k random(0, 79)
\set n 1 + :k / 5
\set y 2026 + :k % 5
\set total random(2000000000, 2999999999)

-- ingest: lock the head, read its current revision, decide, take a feed position, insert the revision
BEGIN;
SELECT s.* FROM submission s WHERE (s.country, s.budget_year) IN (SELECT * FROM unnest(CAST(ARRAY['N' || lpad(CAST(:n AS text), 2, '0')] AS varchar[]), CAST(ARRAY[:y] AS integer[]))) ORDER BY s.country, s.budget_year FOR UPDATE \gset head_
SELECT r.* FROM submission_revision r JOIN submission s ON r.submission_id = s.id AND r.revision = s.current_revision WHERE s.id = ANY(CAST(ARRAY[:head_id] AS bigint[]));
UPDATE submission SET current_revision = :head_current_revision + 1, updated_at = now() WHERE id = :head_id;
UPDATE feed_counter SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq \gset
INSERT INTO submission_revision (related_civil_preparedness, content_hash, country, related_critical_infrastructure, currency, related_cyber_and_networks, defence_pct_gdp, defence_total, equipment, equipment_pct, feed_seq, gdp, import_id, related_industrial_base, infrastructure, related_innovation, kind, military_personnel, note, other_spending, personnel, population, price_index, received_at, revision, source, status, submission_id, submitted_by, ukraine_support, usd_rate, budget_year, id) VALUES (0, md5(CAST(:total AS text)) || md5(CAST(:last_seq AS text)), ':head_country', 0, 'EUR', 0, NULL, :total, 500000000, NULL, :last_seq, 100000000000, NULL, 0, 200000000, 0, 'AMOUNTS', NULL, 'bench', :total - 1500000000, 800000000, NULL, NULL, now(), :head_current_revision + 1, NULL, 'BUDGET', :head_id, 'delegation-bench', 0, NULL, :y, nextval('submission_revision_seq'));
COMMIT;

-- ingest: the feed page compliance asks for
BEGIN;
SELECT fc1_0.id, fc1_0.last_seq FROM feed_counter fc1_0 WHERE fc1_0.id = 1;
SELECT sr1_0.* FROM submission_revision sr1_0 WHERE sr1_0.feed_seq > :last_seq - 1 ORDER BY sr1_0.feed_seq FETCH FIRST 500 ROWS ONLY;
COMMIT;

-- compliance: apply the page (the nation's inputs, the changed input, the assessment, the cursor)
BEGIN;
SELECT fc1_0.id, fc1_0.last_seq, fc1_0.updated_at FROM feed_cursor fc1_0 WHERE fc1_0.id = 1 FOR NO KEY UPDATE OF fc1_0;
SELECT * FROM revision_input WHERE country = ANY(CAST(ARRAY[':head_country'] AS varchar[]));
UPDATE revision_input SET country = ':head_country', currency = 'EUR', defence_pct_gdp = NULL, defence_total = :total, equipment = 500000000, equipment_pct = NULL, gdp = 100000000000, infrastructure = 200000000, military_personnel = NULL, other_spending = :total - 1500000000, personnel = 800000000, population = NULL, price_index = NULL, published_ratio = false, received_at = now(), related_total = 0, revision = :head_current_revision + 1, feed_seq = :last_seq, source = NULL, status = 'BUDGET', ukraine_support = 0, usd_rate = NULL, budget_year = :y WHERE id = ':head_country' || '-' || :y;
SELECT id FROM assessment WHERE id = ANY(CAST(ARRAY[':head_country' || '-' || :y] AS varchar[]));
UPDATE assessment SET assessed = true, assessed_at = now(), body = '{"country":"' || ':head_country' || '","year":' || :y || ',"targets":[' || repeat('{"ruleSet":"hague-2025","target":"core","value":2.0,"threshold":3.5,"path":2.15,"status":"BELOW_PATH"},', 12) || '],"total":' || :total || '}', country = ':head_country', revision = :head_current_revision + 1, rule_versions = 'hague-2025:1,wales-2014:1', score = 80.0, feed_seq = :last_seq, budget_year = :y WHERE id = ':head_country' || '-' || :y;
UPDATE feed_cursor SET last_seq = :last_seq, updated_at = now() WHERE id = 1;
COMMIT;
