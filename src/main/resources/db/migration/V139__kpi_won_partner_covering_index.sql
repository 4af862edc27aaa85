-- A slice's sales cycle (module metrics, issue 15) reads its partners' won deals of the
-- period through opportunity_won_partner_idx and then each deal's row for its creation
-- moment and currency: on the large demo ~1,000 heap pages for a PAM's book of 200
-- partners, the largest statement left in a book's KPI request. The same index (same name,
-- key and predicate) now carries both columns, so the cycle is read from the index only;
-- the activated-partners probe and the other readers of the key are unchanged.
DROP INDEX opportunity_won_partner_idx;
CREATE INDEX opportunity_won_partner_idx ON opportunity (partner_id, closed_at) INCLUDE (created_at, currency)
    WHERE stage = 'CLOSED_WON';
