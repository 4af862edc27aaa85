-- The forecast counts' full rebuild set-based over every closed deal (no id list), with each
-- deal's group computed once per deal rather than once per stage visit (the refresh after a
-- close, over a few deals, keeps the id list).
CREATE OR REPLACE FUNCTION forecast_counts_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
DECLARE
    zone TEXT := (SELECT s.zone FROM fact_setting s);
BEGIN
    TRUNCATE forecast_deal_stage, forecast_stage_count, forecast_path_count;
    IF zone IS NULL THEN
        RETURN;
    END IF;
    WITH deal AS (
        SELECT o.id, o.stage = 'CLOSED_WON' AS won,
               CASE WHEN o.partner_id IS NULL THEN 'DIRECT'
                    ELSE 'PARTNER:' || COALESCE(partner_tier_on(o.partner_id, CAST(o.created_at AT TIME ZONE zone AS DATE)), p.tier) END AS grp
        FROM opportunity o LEFT JOIN partner p ON p.id = o.partner_id
        WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST')),
    visits AS (
        SELECT sc.opportunity_id, sc.to_stage AS stage,
               extract(epoch FROM lead(sc.changed_at) OVER (PARTITION BY sc.opportunity_id ORDER BY sc.changed_at, sc.id)
                 - sc.changed_at) / 86400 AS days, sc.changed_at
        FROM opportunity_stage_change sc JOIN deal d ON d.id = sc.opportunity_id)
    INSERT INTO forecast_deal_stage (opportunity_id, stage, grp, won, days, first_at, last_at)
    SELECT v.opportunity_id, v.stage, d.grp, d.won, sum(v.days), min(v.changed_at), max(v.changed_at)
    FROM visits v JOIN deal d ON d.id = v.opportunity_id
    WHERE v.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
    GROUP BY v.opportunity_id, v.stage, d.grp, d.won;

    INSERT INTO forecast_stage_count (stage, grp, closed, won)
    SELECT stage, grp, count(*), count(*) FILTER (WHERE won) FROM forecast_deal_stage GROUP BY stage, grp;

    INSERT INTO forecast_path_count (from_stage, to_stage, grp, deals)
    SELECT f.stage, t.stage, f.grp, count(*)
    FROM forecast_deal_stage f JOIN forecast_deal_stage t ON t.opportunity_id = f.opportunity_id
      AND (t.stage = f.stage OR t.last_at > f.first_at)
    GROUP BY f.stage, t.stage, f.grp;
END
$fn$;

-- A partner's tier history or current tier decides the group its closed deals were counted
-- in: a change to either recounts that partner's closed deals.
CREATE FUNCTION forecast_counts_on_tiers() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    partners TEXT;
    closed BIGINT[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    partners := CASE
        WHEN TG_TABLE_NAME = 'partner' THEN
            'SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.tier IS DISTINCT FROM o.tier'
        WHEN TG_OP = 'INSERT' THEN 'SELECT partner_id FROM new_rows'
        WHEN TG_OP = 'DELETE' THEN 'SELECT partner_id FROM old_rows'
        ELSE 'SELECT partner_id FROM new_rows UNION SELECT partner_id FROM old_rows' END;
    EXECUTE 'SELECT ARRAY(SELECT o.id FROM opportunity o WHERE o.partner_id IN (' || partners || ') '
        'AND o.stage IN (''CLOSED_WON'', ''CLOSED_LOST''))' INTO closed;
    PERFORM forecast_counts_refresh(closed);
    RETURN NULL;
END
$fn$;

CREATE TRIGGER forecast_counts_tier_changes_inserted AFTER INSERT ON tier_change
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_counts_on_tiers();
CREATE TRIGGER forecast_counts_tier_changes_updated AFTER UPDATE ON tier_change
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_counts_on_tiers();
CREATE TRIGGER forecast_counts_tier_changes_deleted AFTER DELETE ON tier_change
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_counts_on_tiers();
CREATE TRIGGER forecast_counts_partner_tier_changed AFTER UPDATE ON partner
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_counts_on_tiers();
