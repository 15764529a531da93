-- The analyst measures' inputs (optional): residents, armed forces (NATO definition) and the GDP deflator (2021 = 100).
ALTER TABLE submission_revision ADD COLUMN population NUMERIC(12, 0);
ALTER TABLE submission_revision ADD COLUMN military_personnel NUMERIC(12, 0);
ALTER TABLE submission_revision ADD COLUMN price_index NUMERIC(12, 4);
