-- Inserted deals have no stage changes yet: opportunity_stage_change.opportunity_id references
-- opportunity (id) with an immediate foreign key, so a change can only be inserted after its deal.
-- The insert path of facts_on_deals (V64) still joined the inserted rows to every stage change;
-- with 5,000 deals per statement (the CRM import's pages) the planner chose a merge join over the
-- whole opportunity_stage_change index, so each page read every stage change written before it:
-- quadratic in an import's deals (COPY of a page from 1.8 s to 4 s within the first 30 pages of a
-- 1,000,000-deal import). The insert path now counts no moves; the stage changes count themselves
-- as they are inserted (facts_on_stage_changes). Updates and deletes are unchanged, and so is
-- V64_1's refresh of the forecast counts of deals closed before or after.
CREATE OR REPLACE FUNCTION facts_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    closing BIGINT[];
    changes TEXT;
    moves TEXT := 'SELECT c.sign, c.partner_id, c.credit_type, c.owner_id, c.currency, sc.changed_at '
        'FROM changes c JOIN opportunity_stage_change sc ON sc.opportunity_id = c.id';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL; -- not built yet: the application builds them at start
    END IF;
    IF TG_OP = 'INSERT' THEN
        changes := 'SELECT 1 AS sign, ' || facts_deal_columns('n') || ' FROM new_rows n';
        moves := 'SELECT c.sign, c.partner_id, c.credit_type, c.owner_id, c.currency, NULL::TIMESTAMPTZ AS changed_at '
            'FROM changes c WHERE FALSE';
        closing := ARRAY(SELECT id FROM new_rows WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST'));
    ELSIF TG_OP = 'DELETE' THEN
        changes := 'SELECT -1 AS sign, ' || facts_deal_columns('o') || ' FROM old_rows o';
        closing := ARRAY(SELECT id FROM old_rows WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST'));
    ELSE
        -- only deals whose counted columns changed (a renamed deal changes nothing)
        changes := 'WITH moved AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id '
            'WHERE (n.partner_id, n.credit_type, n.owner_id, n.currency, n.amount, n.stage, n.created_at, n.closed_at) '
            'IS DISTINCT FROM (o.partner_id, o.credit_type, o.owner_id, o.currency, o.amount, o.stage, o.created_at, o.closed_at)) '
            'SELECT 1 AS sign, ' || facts_deal_columns('n') || ' FROM new_rows n WHERE n.id IN (SELECT id FROM moved) '
            'UNION ALL SELECT -1, ' || facts_deal_columns('o') || ' FROM old_rows o WHERE o.id IN (SELECT id FROM moved)';
        -- closed before or after, and its stage, partner or creation changed
        closing := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.stage IN ('CLOSED_WON', 'CLOSED_LOST') OR o.stage IN ('CLOSED_WON', 'CLOSED_LOST'))
              AND (n.stage, n.partner_id, n.created_at) IS DISTINCT FROM (o.stage, o.partner_id, o.created_at));
    END IF;
    EXECUTE facts_delta_sql(changes, moves);
    PERFORM forecast_counts_refresh(closing);
    RETURN NULL;
END
$fn$;
