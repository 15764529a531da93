-- DEVELOPMENT ONLY: one database and owner per service (each service owns its data).
CREATE USER ingest WITH PASSWORD 'dev-only-ingest';
CREATE DATABASE ingest OWNER ingest;
CREATE USER compliance WITH PASSWORD 'dev-only-compliance';
CREATE DATABASE compliance OWNER compliance;
CREATE USER report WITH PASSWORD 'dev-only-report';
CREATE DATABASE report OWNER report;
