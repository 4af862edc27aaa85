-- The ROI page (module roi, issue 15) grouped every enablement completion of the quarter per
-- partner, joined to its item's hours, in each of its statements and for each quarter of the
-- trend (60,315 completions a quarter on the large data, the grouping spilling to disk). The
-- hours are kept per partner and calendar month instead:
--
-- roi_hours_month_fact: per partner and month of completed_on (a DATE, so no zone), the
-- completions and the sum of their items' hours. A fiscal quarter is three whole calendar
-- months, so a quarter's hours per partner are the sum of at most three rows, the same exact
-- sum of NUMERIC(5, 1) values the grouping gave. Kept by statement triggers:
-- - enablement_completion: inserted rows added (with their item's hours), deleted rows taken
--   away, an update both (old rows at their item's hours now); a TRUNCATE empties it;
-- - enablement_item: an update that changes an item's hours adds the difference times its
--   completions to each of their months.
-- A month left without completions is removed. roi_hours_month_fact_rebuild() recomputes it
-- from the completions (the upgrade, and a repair). Known limit, as V131: an item's hours
-- changed in one transaction while another records a completion of it can leave that
-- completion at the former hours until the rebuild (each trigger reads the other's table as
-- of its own snapshot).

CREATE TABLE roi_hours_month_fact (
    month       DATE    NOT NULL,
    partner_id  BIGINT  NOT NULL,
    completions BIGINT  NOT NULL,
    hours       NUMERIC NOT NULL,
    PRIMARY KEY (month, partner_id)
);
-- one partner's months (a PAM's book, a partner user); the key reads a quarter of every partner
CREATE INDEX roi_hours_month_fact_partner_idx ON roi_hours_month_fact (partner_id, month) INCLUDE (hours);

-- The first day of a date's month, without a zone (date_trunc would pass through timestamptz).
CREATE FUNCTION roi_month_of(day DATE) RETURNS DATE
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
SELECT day - (CAST(extract(DAY FROM day) AS INT) - 1)
$fn$;

-- The statement that adds the signed rows the query text yields (columns: sign, partner_id,
-- completed_on, hours) to their months, keys in order.
CREATE FUNCTION roi_hours_month_fact_sql(rows TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH r AS (%s)
        INSERT INTO roi_hours_month_fact AS f (month, partner_id, completions, hours)
        SELECT roi_month_of(completed_on), partner_id, sum(sign), sum(sign * hours)
        FROM r GROUP BY 1, 2
        HAVING sum(sign) <> 0 OR sum(sign * hours) <> 0
        ORDER BY 1, 2
        ON CONFLICT (month, partner_id) DO UPDATE SET
            completions = f.completions + EXCLUDED.completions, hours = f.hours + EXCLUDED.hours
        $sql$, rows)
$fn$;

CREATE FUNCTION roi_hours_month_fact_on_completions() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    old_part CONSTANT TEXT := 'SELECT -1 AS sign, o.partner_id, o.completed_on, i.hours FROM old_rows o '
        || 'JOIN enablement_item i ON i.id = o.item_id';
    new_part CONSTANT TEXT := 'SELECT 1 AS sign, n.partner_id, n.completed_on, i.hours FROM new_rows n '
        || 'JOIN enablement_item i ON i.id = n.item_id';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE roi_hours_month_fact;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE roi_hours_month_fact_sql(new_part);
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE roi_hours_month_fact_sql(old_part);
    ELSE
        EXECUTE roi_hours_month_fact_sql(new_part || ' UNION ALL ' || old_part);
    END IF;
    DELETE FROM roi_hours_month_fact WHERE completions = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER roi_hours_month_fact_insert AFTER INSERT ON enablement_completion
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_hours_month_fact_on_completions();
CREATE TRIGGER roi_hours_month_fact_update AFTER UPDATE ON enablement_completion
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_hours_month_fact_on_completions();
CREATE TRIGGER roi_hours_month_fact_delete AFTER DELETE ON enablement_completion
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_hours_month_fact_on_completions();
CREATE TRIGGER roi_hours_month_fact_truncate AFTER TRUNCATE ON enablement_completion
    FOR EACH STATEMENT EXECUTE FUNCTION roi_hours_month_fact_on_completions();

-- An item's hours changed: each of its completions' months gains the difference.
CREATE FUNCTION roi_hours_month_fact_on_items() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO roi_hours_month_fact AS f (month, partner_id, completions, hours)
    SELECT roi_month_of(c.completed_on), c.partner_id, 0, sum(n.hours - o.hours)
    FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.hours IS DISTINCT FROM n.hours
    JOIN enablement_completion c ON c.item_id = n.id
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (month, partner_id) DO UPDATE SET hours = f.hours + EXCLUDED.hours;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER roi_hours_month_fact_items AFTER UPDATE ON enablement_item
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_hours_month_fact_on_items();

-- Recomputes the fact from the completions (the upgrade, and a repair).
CREATE FUNCTION roi_hours_month_fact_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    DELETE FROM roi_hours_month_fact;
    INSERT INTO roi_hours_month_fact (month, partner_id, completions, hours)
    SELECT roi_month_of(c.completed_on), c.partner_id, count(*), sum(i.hours)
    FROM enablement_completion c JOIN enablement_item i ON i.id = c.item_id
    GROUP BY 1, 2;
END
$fn$;

SELECT roi_hours_month_fact_rebuild();
ANALYZE roi_hours_month_fact;
