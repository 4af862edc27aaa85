-- The KPIs of a PAM's book, and the program's partner counts, read through indexes alone
-- (module metrics, issue 15). Profiled on the large demo (40,000 partners, 200 per PAM):
-- every statement of a book's KPIs found the book's 200 partners by a scan of the 40,000
-- (or 200 heap pages through partner_owner_idx), and each partner's day facts of the
-- period through partner_day_fact_partner_idx and then ~11 heap pages per partner (the
-- table is ordered by day), about 2,400 pages per statement, four statements per request.
--   * partner_book_idx replaces partner_owner_idx: a book's partners with the columns the
--     KPIs test (onboarding day, lifecycle status), read from the index only.
--   * partner_onboarded_idx: partners onboarded in a period (partner recruitment) and the
--     onboarding day of the partners whose first win fell in it (time to first revenue),
--     without a scan of the table.
--   * partner_day_fact_book_idx replaces partner_day_fact_partner_idx (same key): the
--     measures the period KPIs sum, so a book's day facts are read from the index only.
CREATE INDEX partner_book_idx ON partner (owner_pam_id, id) INCLUDE (onboarded_on, lifecycle_status);
DROP INDEX partner_owner_idx;
CREATE INDEX partner_onboarded_idx ON partner (onboarded_on, id) INCLUDE (owner_pam_id);
CREATE INDEX partner_day_fact_book_idx ON partner_day_fact (partner_id, day)
    INCLUDE (credit_type, currency, created_count, won_count, lost_count, won_reporting);
DROP INDEX partner_day_fact_partner_idx;
