-- The book of scores reads the latest stored week's scores (one row per partner and pillar,
-- pivoted per partner): in partner order from this index alone, so the first page stops after
-- its partners, a PAM's book probes its partners, and a sort by a pillar reads the week's
-- index entries without visiting the table.
CREATE INDEX partner_score_week_latest_idx ON partner_score_week (week_start, partner_id, pillar)
    INCLUDE (score, fiscal_week);
