-- ./pledgewatch bench: the data bench/put-statements.sql works on, in one database holding ingest's and compliance's
-- schemas as their Flyway migrations make them. 16 nations ('N01'..'N16', one per client of the throughput run), each
-- with five submissions (2026-2030) of one revision, and compliance's inputs and assessments for every year
-- 2014-2035 of each nation (a page's apply reads all of a nation's inputs).
INSERT INTO submission (id, country, budget_year, current_revision, created_at, updated_at)
SELECT n * 10 + y - 2026, 'N' || lpad(n::text, 2, '0'), y, 1, now(), now()
FROM generate_series(1, 16) n, generate_series(2026, 2030) y;

INSERT INTO submission_revision (id, submission_id, country, budget_year, revision, feed_seq, kind, status, currency,
    gdp, defence_total, equipment, personnel, infrastructure, other_spending, ukraine_support,
    related_critical_infrastructure, related_cyber_and_networks, related_civil_preparedness, related_innovation,
    related_industrial_base, content_hash, received_at, submitted_by)
SELECT nextval('submission_revision_seq'), s.id, s.country, s.budget_year, 1, row_number() OVER (ORDER BY s.id),
    'AMOUNTS', 'BUDGET', 'EUR', 100000000000, 2000000000, 500000000, 800000000, 200000000, 500000000, 0, 0, 0, 0, 0, 0,
    md5(s.id::text) || md5(s.country), now(), 'bench'
FROM submission s;

UPDATE feed_counter SET last_seq = (SELECT count(*) FROM submission_revision) WHERE id = 1;

INSERT INTO revision_input (id, country, budget_year, revision, feed_seq, published_ratio, status, currency, gdp,
    defence_total, equipment, related_total, personnel, infrastructure, other_spending, ukraine_support, received_at)
SELECT 'N' || lpad(n::text, 2, '0') || '-' || y, 'N' || lpad(n::text, 2, '0'), y, 1, 0, false, 'BUDGET', 'EUR',
    100000000000, 2000000000, 500000000, 0, 800000000, 200000000, 500000000, 0, now()
FROM generate_series(1, 16) n, generate_series(2014, 2035) y;

INSERT INTO assessment (id, country, budget_year, revision, feed_seq, assessed, score, rule_versions, body, assessed_at)
SELECT id, country, budget_year, 1, 0, true, 80.0, 'hague-2025:1,wales-2014:1',
    '{"country":"' || country || '","year":' || budget_year || ',"targets":[' ||
    repeat('{"ruleSet":"hague-2025","target":"core","value":2.0,"threshold":3.5,"path":2.15,"status":"BELOW_PATH"},', 12)
    || ']}', now()
FROM revision_input;

ANALYZE;
