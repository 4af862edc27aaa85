-- The ROI page (module roi, issue 15) summed, per request, the quarter's three months of
-- pipeline and revenue per partner (partner_month_fact, V131: 46,625 rows grouped to 27,645
-- partners for the program's quarter on the large data, spilling to disk) and of enablement
-- hours (roi_hours_month_fact, V143: 28,621 rows), and again for each quarter of its trend.
-- The quarter's sums per partner are kept instead:
--
-- roi_partner_quarter_fact: per fiscal quarter (its first day) and partner, the sums of the
-- partner's month rows of the two month facts in the quarter's three months, with how many
-- month rows each sum has (a partner without a month row of a fact reads as absent from
-- that fact, as the grouping gave no row for it). Kept by statement triggers on both month
-- facts: inserted month rows added, deleted ones taken away, an update both (the count
-- unchanged); a TRUNCATE of a month fact takes its part away. A quarter left without month
-- rows of either fact is removed. roi_partner_quarter_fact_rebuild() recomputes it from the
-- month facts (the upgrade, a change of the fiscal year's start, a repair).
--
-- roi_quarter_setting: the month (1, 2 or 3) whose quarters are the fiscal quarters: a
-- quarter starts in a month m with (m - first_month) divisible by 3. The application
-- writes the configured fiscal year's start there at start-up and rebuilds the fact when it
-- changed (RoiQuarterFacts); the upgrade assumes January.

CREATE TABLE roi_quarter_setting (
    id          BOOLEAN  PRIMARY KEY DEFAULT true CHECK (id),
    first_month SMALLINT NOT NULL CHECK (first_month BETWEEN 1 AND 3)
);
INSERT INTO roi_quarter_setting (id, first_month) VALUES (true, 1);

CREATE TABLE roi_partner_quarter_fact (
    quarter      DATE    NOT NULL,
    partner_id   BIGINT  NOT NULL,
    hours_months BIGINT  NOT NULL,
    hours        NUMERIC NOT NULL,
    made_months  BIGINT  NOT NULL,
    pipeline     NUMERIC NOT NULL,
    revenue      NUMERIC NOT NULL,
    PRIMARY KEY (quarter, partner_id)
);
-- one partner's quarters (a PAM's book, a partner user); the key reads a quarter of every partner
CREATE INDEX roi_partner_quarter_fact_partner_idx ON roi_partner_quarter_fact (partner_id, quarter)
    INCLUDE (hours_months, hours, made_months, pipeline, revenue);
-- the quarters left without month rows, which the triggers remove after each change
CREATE INDEX roi_partner_quarter_fact_empty_idx ON roi_partner_quarter_fact (quarter)
    WHERE hours_months = 0 AND made_months = 0;

-- The first day of the fiscal quarter a month (its first day) falls in.
CREATE FUNCTION roi_quarter_of(month DATE, first_month SMALLINT) RETURNS DATE
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
SELECT CAST(month - make_interval(months => mod(CAST(extract(MONTH FROM month) AS INT) - first_month + 12, 3))
            AS DATE)
$fn$;

-- The statement that adds the signed month rows the query text yields (columns: sign, month,
-- partner_id, hours_months, hours, made_months, pipeline, revenue) to their quarters, keys in
-- order. The text reads the trigger's transition tables, so the trigger function EXECUTEs it
-- itself, then removes the quarters left empty in a statement of its own (a data-modifying
-- CTE cannot delete a row its INSERT … ON CONFLICT just updated).
CREATE FUNCTION roi_partner_quarter_fact_sql(rows TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH r AS (%s)
        INSERT INTO roi_partner_quarter_fact AS f (quarter, partner_id, hours_months, hours, made_months, pipeline,
            revenue)
        SELECT roi_quarter_of(r.month, s.first_month), r.partner_id, sum(r.sign * r.hours_months),
               sum(r.sign * r.hours), sum(r.sign * r.made_months), sum(r.sign * r.pipeline),
               sum(r.sign * r.revenue)
        FROM r CROSS JOIN roi_quarter_setting s
        GROUP BY 1, 2
        HAVING sum(r.sign * r.hours_months) <> 0 OR sum(r.sign * r.hours) <> 0 OR sum(r.sign * r.made_months) <> 0
            OR sum(r.sign * r.pipeline) <> 0 OR sum(r.sign * r.revenue) <> 0
        ORDER BY 1, 2
        ON CONFLICT (quarter, partner_id) DO UPDATE SET
            hours_months = f.hours_months + EXCLUDED.hours_months, hours = f.hours + EXCLUDED.hours,
            made_months = f.made_months + EXCLUDED.made_months, pipeline = f.pipeline + EXCLUDED.pipeline,
            revenue = f.revenue + EXCLUDED.revenue
        $sql$, rows)
$fn$;

-- The enablement hours' month rows.
CREATE FUNCTION roi_partner_quarter_fact_on_hours() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    old_part CONSTANT TEXT := 'SELECT -1 AS sign, month, partner_id, 1 AS hours_months, hours, 0 AS made_months, '
        || '0 AS pipeline, 0 AS revenue FROM old_rows';
    new_part CONSTANT TEXT := 'SELECT 1 AS sign, month, partner_id, 1 AS hours_months, hours, 0 AS made_months, '
        || '0 AS pipeline, 0 AS revenue FROM new_rows';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE roi_partner_quarter_fact SET hours_months = 0, hours = 0 WHERE hours_months <> 0 OR hours <> 0;
        DELETE FROM roi_partner_quarter_fact WHERE hours_months = 0 AND made_months = 0;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE roi_partner_quarter_fact_sql(new_part);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE roi_partner_quarter_fact_sql(old_part);
    ELSE
        EXECUTE roi_partner_quarter_fact_sql(new_part || ' UNION ALL ' || old_part);
    END IF;
    DELETE FROM roi_partner_quarter_fact WHERE hours_months = 0 AND made_months = 0;
    RETURN NULL;
END
$fn$;

-- The pipeline and revenue's month rows.
CREATE FUNCTION roi_partner_quarter_fact_on_made() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    old_part CONSTANT TEXT := 'SELECT -1 AS sign, month, partner_id, 0 AS hours_months, 0 AS hours, 1 AS made_months, '
        || 'created_reporting AS pipeline, won_reporting AS revenue FROM old_rows';
    new_part CONSTANT TEXT := 'SELECT 1 AS sign, month, partner_id, 0 AS hours_months, 0 AS hours, 1 AS made_months, '
        || 'created_reporting AS pipeline, won_reporting AS revenue FROM new_rows';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE roi_partner_quarter_fact SET made_months = 0, pipeline = 0, revenue = 0
        WHERE made_months <> 0 OR pipeline <> 0 OR revenue <> 0;
        DELETE FROM roi_partner_quarter_fact WHERE hours_months = 0 AND made_months = 0;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE roi_partner_quarter_fact_sql(new_part);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE roi_partner_quarter_fact_sql(old_part);
    ELSE
        EXECUTE roi_partner_quarter_fact_sql(new_part || ' UNION ALL ' || old_part);
    END IF;
    DELETE FROM roi_partner_quarter_fact WHERE hours_months = 0 AND made_months = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER roi_partner_quarter_fact_hours_inserted AFTER INSERT ON roi_hours_month_fact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_quarter_fact_on_hours();
CREATE TRIGGER roi_partner_quarter_fact_hours_updated AFTER UPDATE ON roi_hours_month_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_quarter_fact_on_hours();
CREATE TRIGGER roi_partner_quarter_fact_hours_deleted AFTER DELETE ON roi_hours_month_fact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_quarter_fact_on_hours();
CREATE TRIGGER roi_partner_quarter_fact_hours_truncated AFTER TRUNCATE ON roi_hours_month_fact
    FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_quarter_fact_on_hours();

CREATE TRIGGER roi_partner_quarter_fact_made_inserted AFTER INSERT ON partner_month_fact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_quarter_fact_on_made();
CREATE TRIGGER roi_partner_quarter_fact_made_updated AFTER UPDATE ON partner_month_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_quarter_fact_on_made();
CREATE TRIGGER roi_partner_quarter_fact_made_deleted AFTER DELETE ON partner_month_fact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_quarter_fact_on_made();
CREATE TRIGGER roi_partner_quarter_fact_made_truncated AFTER TRUNCATE ON partner_month_fact
    FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_quarter_fact_on_made();

-- Recomputes the fact from the month facts (the upgrade, a change of the fiscal year's
-- start, a repair).
CREATE FUNCTION roi_partner_quarter_fact_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    DELETE FROM roi_partner_quarter_fact;
    INSERT INTO roi_partner_quarter_fact (quarter, partner_id, hours_months, hours, made_months, pipeline, revenue)
    SELECT roi_quarter_of(m.month, s.first_month), m.partner_id, sum(m.hours_months), sum(m.hours),
           sum(m.made_months), sum(m.pipeline), sum(m.revenue)
    FROM (SELECT month, partner_id, 1 AS hours_months, hours, 0 AS made_months, 0 AS pipeline, 0 AS revenue
          FROM roi_hours_month_fact
          UNION ALL
          SELECT month, partner_id, 0, 0, 1, created_reporting, won_reporting FROM partner_month_fact) m
    CROSS JOIN roi_quarter_setting s
    GROUP BY 1, 2;
END
$fn$;

SELECT roi_partner_quarter_fact_rebuild();
ANALYZE roi_partner_quarter_fact;
