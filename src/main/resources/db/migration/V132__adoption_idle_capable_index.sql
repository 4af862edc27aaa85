-- The adoption page's diagnosis for a PAM (module adoption, issue 15) is computed per request:
-- besides the book's KPIs it counts the program's capable partners (active, tier 1 or 2) with no
-- new deal in the last 90 days, a NOT EXISTS probe of each capable partner's deals created since
-- then. Without an index on (partner, created), each probe read every deal of the partner
-- (12,242 partners, 8 s cold on 2 million deals). With this index each probe is one descent,
-- answered from the index alone.
CREATE INDEX opportunity_partner_created_idx ON opportunity (partner_id, created_at)
    WHERE partner_id IS NOT NULL;
