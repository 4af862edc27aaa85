-- Global search matches names anywhere in them (ILIKE '%text%'); trigram indexes answer
-- that without reading whole tables (2M opportunities in the large demo). Search asks for
-- three characters at least, the length a trigram needs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS partner_name_search_idx ON partner USING gin (name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS account_name_search_idx ON account USING gin (name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS account_domain_search_idx ON account USING gin (web_domain gin_trgm_ops);
CREATE INDEX IF NOT EXISTS opportunity_name_search_idx ON opportunity USING gin (name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS deal_registration_customer_search_idx ON deal_registration USING gin (customer_name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS partner_lead_company_search_idx ON partner_lead USING gin (company_name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS partner_lead_contact_search_idx ON partner_lead USING gin (contact_name gin_trgm_ops);
