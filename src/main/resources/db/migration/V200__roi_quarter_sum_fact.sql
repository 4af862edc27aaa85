-- The ROI page's trend (module roi, issue 15, roi24) summed, per request, the kept quarter
-- rows of every partner of the program (roi_partner_quarter_fact, V150: about 30,000 rows
-- per quarter on the large data) for each of its three past quarters: 219 ms of the admin's
-- 567 ms of server time per request. For the program those sums are kept per quarter:
--
-- roi_quarter_sum_fact: per fiscal quarter (its first day) and group of partner rows of
-- roi_partner_quarter_fact with the same enablement hours (has_hours: the row has month
-- rows of hours; hours and hours_scale: the row's hours, value and scale, 0 without), the
-- rows counted (partners), those with month rows of pipeline and revenue (made_partners),
-- and the sums of their pipeline and revenue each rounded to the reporting currency's
-- minor unit (USD, 2) first, as the trend rounds them per partner. The enablement cost of
-- a partner is its hours times the cost rates read when the page is shown, rounded per
-- partner, so the hours are kept as values with their counts, not summed: the trend
-- prices each value once and multiplies by its count, which is the sum of the rounded
-- per-partner costs exactly.
--
-- Kept by statement triggers on roi_partner_quarter_fact: every deleted or updated row's
-- old values taken away from its group, every inserted or updated row's new values added;
-- a group left without rows is removed; a TRUNCATE empties it.
-- roi_quarter_sum_fact_rebuild() recomputes it (the upgrade, a repair).

CREATE TABLE roi_quarter_sum_fact (
    quarter       DATE    NOT NULL,
    has_hours     BOOLEAN NOT NULL,
    hours_scale   INT     NOT NULL,
    hours         NUMERIC NOT NULL,
    partners      BIGINT  NOT NULL,
    made_partners BIGINT  NOT NULL,
    pipeline      NUMERIC NOT NULL,
    revenue       NUMERIC NOT NULL,
    PRIMARY KEY (quarter, has_hours, hours_scale, hours)
);

-- The statement that adds the signed partner quarter rows the query text yields (columns:
-- sign, quarter, hours_months, hours, made_months, pipeline, revenue) to their groups, keys
-- in order, then removes the groups left without rows. The text reads the trigger's
-- transition tables, so the trigger function EXECUTEs it (planned with the call's rows).
CREATE FUNCTION roi_quarter_sum_fact_sql(rows TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH r AS (%s),
        g AS (
            SELECT r.quarter, r.hours_months > 0 AS has_hours,
                   CASE WHEN r.hours_months > 0 THEN scale(r.hours) ELSE 0 END AS hours_scale,
                   CASE WHEN r.hours_months > 0 THEN r.hours ELSE 0 END AS hours,
                   r.sign, CASE WHEN r.made_months > 0 THEN 1 ELSE 0 END AS made,
                   CASE WHEN r.made_months > 0 THEN round(r.pipeline, 2) ELSE 0 END AS pipeline,
                   CASE WHEN r.made_months > 0 THEN round(r.revenue, 2) ELSE 0 END AS revenue
            FROM r
        )
        INSERT INTO roi_quarter_sum_fact AS f (quarter, has_hours, hours_scale, hours, partners, made_partners,
            pipeline, revenue)
        SELECT g.quarter, g.has_hours, g.hours_scale, g.hours, sum(g.sign), sum(g.sign * g.made),
               sum(g.sign * g.pipeline), sum(g.sign * g.revenue)
        FROM g
        GROUP BY 1, 2, 3, 4
        HAVING sum(g.sign) <> 0 OR sum(g.sign * g.made) <> 0 OR sum(g.sign * g.pipeline) <> 0
            OR sum(g.sign * g.revenue) <> 0
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (quarter, has_hours, hours_scale, hours) DO UPDATE SET
            partners = f.partners + EXCLUDED.partners, made_partners = f.made_partners + EXCLUDED.made_partners,
            pipeline = f.pipeline + EXCLUDED.pipeline, revenue = f.revenue + EXCLUDED.revenue
        $sql$, rows)
$fn$;

CREATE FUNCTION roi_quarter_sum_fact_on_quarters() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    old_part CONSTANT TEXT := 'SELECT -1 AS sign, quarter, hours_months, hours, made_months, pipeline, revenue '
        || 'FROM old_rows';
    new_part CONSTANT TEXT := 'SELECT 1 AS sign, quarter, hours_months, hours, made_months, pipeline, revenue '
        || 'FROM new_rows';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM roi_quarter_sum_fact;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE roi_quarter_sum_fact_sql(new_part);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE roi_quarter_sum_fact_sql(old_part);
    ELSE
        EXECUTE roi_quarter_sum_fact_sql(new_part || ' UNION ALL ' || old_part);
    END IF;
    DELETE FROM roi_quarter_sum_fact WHERE partners = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER roi_quarter_sum_fact_inserted AFTER INSERT ON roi_partner_quarter_fact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_quarter_sum_fact_on_quarters();
CREATE TRIGGER roi_quarter_sum_fact_updated AFTER UPDATE ON roi_partner_quarter_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_quarter_sum_fact_on_quarters();
CREATE TRIGGER roi_quarter_sum_fact_deleted AFTER DELETE ON roi_partner_quarter_fact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_quarter_sum_fact_on_quarters();
CREATE TRIGGER roi_quarter_sum_fact_truncated AFTER TRUNCATE ON roi_partner_quarter_fact
    FOR EACH STATEMENT EXECUTE FUNCTION roi_quarter_sum_fact_on_quarters();

-- Recomputes the fact from the kept partner quarters (the upgrade, a repair).
CREATE FUNCTION roi_quarter_sum_fact_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    DELETE FROM roi_quarter_sum_fact;
    EXECUTE roi_quarter_sum_fact_sql('SELECT 1 AS sign, quarter, hours_months, hours, made_months, pipeline, '
        || 'revenue FROM roi_partner_quarter_fact');
    DELETE FROM roi_quarter_sum_fact WHERE partners = 0;
END
$fn$;

SELECT roi_quarter_sum_fact_rebuild();
