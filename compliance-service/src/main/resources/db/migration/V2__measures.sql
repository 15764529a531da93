-- The analyst measures' inputs, kept with each current revision: the categories of D besides equipment, Ukraine
-- support, residents, armed forces and the GDP deflator (all optional; published ratios carry none of them).
ALTER TABLE revision_input ADD COLUMN personnel NUMERIC(20, 2);
ALTER TABLE revision_input ADD COLUMN infrastructure NUMERIC(20, 2);
ALTER TABLE revision_input ADD COLUMN other_spending NUMERIC(20, 2);
ALTER TABLE revision_input ADD COLUMN ukraine_support NUMERIC(20, 2);
ALTER TABLE revision_input ADD COLUMN population NUMERIC(12, 0);
ALTER TABLE revision_input ADD COLUMN military_personnel NUMERIC(12, 0);
ALTER TABLE revision_input ADD COLUMN price_index NUMERIC(12, 4);
