-- The ROI page (module roi, issue 15, roi28) computed every partner's cost for its
-- quarter (fig: 40,000 partners on the large data) to sum its totals per tier. The totals
-- per tier are read from kept sums instead:
--
-- roi_partner_kept: per partner, its tier after its latest tier_change (the latest change's
-- to_tier, or partner.tier without a change: a tier set without a tier_change row counts),
-- whether its lifecycle status is charged PAM time (ONBOARDING, ACTIVE, DORMANT), and the
-- days it is there from (onboarded_on, else created_at). For a day after its latest change
-- and after it is there, that is the partner's tier and PAM charge on the day; the page
-- corrects the few partners with a change after the day or not there yet per request.
--
-- roi_tier_count: the partners per kept tier and charge.
--
-- roi_tier_quarter_fact: per fiscal quarter, kept tier and charge, and group of partner
-- quarter rows (roi_partner_quarter_fact, V150) with the same enablement hours (has_hours,
-- hours_scale, hours, as V200), the rows counted and the sums of their pipeline and revenue
-- (rows with pipeline months only, unrounded, as the page sums them). Always the join of
-- roi_partner_quarter_fact and roi_partner_kept: a partner without a kept row counts nowhere.
--
-- Kept by statement triggers: on partner (tier, status, onboarded_on, created_at changed,
-- partners added or removed) and on tier_change (any change of a partner's changes) the
-- partner's kept row is recomputed, and when its tier or charge moved its count and its
-- quarter rows move between groups; on roi_partner_quarter_fact the old rows are taken away
-- from their partner's groups and the new ones added. Groups left without rows are removed;
-- a TRUNCATE empties or rebuilds. roi_tier_kept_rebuild() recomputes all three.

CREATE TABLE roi_partner_kept (
    partner_id   BIGINT      PRIMARY KEY,
    tier         TEXT        NOT NULL,
    charged      BOOLEAN     NOT NULL,
    onboarded_on DATE,
    created_at   TIMESTAMPTZ NOT NULL
);
-- the partners not there yet on a day (onboarded after it, or created after its end)
CREATE INDEX roi_partner_kept_onboarded_idx ON roi_partner_kept (onboarded_on) WHERE onboarded_on IS NOT NULL;
CREATE INDEX roi_partner_kept_created_idx ON roi_partner_kept (created_at) WHERE onboarded_on IS NULL;

CREATE TABLE roi_tier_count (
    tier     TEXT    NOT NULL,
    charged  BOOLEAN NOT NULL,
    partners BIGINT  NOT NULL,
    PRIMARY KEY (tier, charged)
);

CREATE TABLE roi_tier_quarter_fact (
    quarter     DATE    NOT NULL,
    tier        TEXT    NOT NULL,
    charged     BOOLEAN NOT NULL,
    has_hours   BOOLEAN NOT NULL,
    hours_scale INT     NOT NULL,
    hours       NUMERIC NOT NULL,
    partners    BIGINT  NOT NULL,
    pipeline    NUMERIC NOT NULL,
    revenue     NUMERIC NOT NULL,
    PRIMARY KEY (quarter, tier, charged, has_hours, hours_scale, hours)
);
-- the groups left without rows, removed after each change
CREATE INDEX roi_tier_quarter_fact_empty_idx ON roi_tier_quarter_fact (quarter) WHERE partners = 0;

-- The page's 200 costliest partners start from the quarter's first ones by hours.
CREATE INDEX roi_partner_quarter_fact_hours_idx ON roi_partner_quarter_fact (quarter, hours DESC)
    WHERE hours_months > 0;

-- The statement that adds the signed rows the query text yields (columns: sign, quarter,
-- tier, charged, hours_months, hours, made_months, pipeline, revenue) to their groups, keys
-- in order.
CREATE FUNCTION roi_tier_quarter_fact_sql(rows TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH r AS (%s),
        g AS (
            SELECT r.quarter, r.tier, r.charged, r.hours_months > 0 AS has_hours,
                   CASE WHEN r.hours_months > 0 THEN scale(r.hours) ELSE 0 END AS hours_scale,
                   CASE WHEN r.hours_months > 0 THEN r.hours ELSE 0 END AS hours, r.sign,
                   CASE WHEN r.made_months > 0 THEN r.pipeline ELSE 0 END AS pipeline,
                   CASE WHEN r.made_months > 0 THEN r.revenue ELSE 0 END AS revenue
            FROM r
        )
        INSERT INTO roi_tier_quarter_fact AS f (quarter, tier, charged, has_hours, hours_scale, hours, partners,
            pipeline, revenue)
        SELECT g.quarter, g.tier, g.charged, g.has_hours, g.hours_scale, g.hours, sum(g.sign),
               sum(g.sign * g.pipeline), sum(g.sign * g.revenue)
        FROM g
        GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(g.sign) <> 0 OR sum(g.sign * g.pipeline) <> 0 OR sum(g.sign * g.revenue) <> 0
        ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (quarter, tier, charged, has_hours, hours_scale, hours) DO UPDATE SET
            partners = f.partners + EXCLUDED.partners, pipeline = f.pipeline + EXCLUDED.pipeline,
            revenue = f.revenue + EXCLUDED.revenue
        $sql$, rows)
$fn$;

-- The partner quarter rows' changes, in their partner's kept group.
CREATE FUNCTION roi_tier_quarter_fact_on_quarters() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    old_part CONSTANT TEXT := 'SELECT -1 AS sign, o.quarter, k.tier, k.charged, o.hours_months, o.hours, '
        || 'o.made_months, o.pipeline, o.revenue FROM old_rows o JOIN roi_partner_kept k ON k.partner_id = o.partner_id';
    new_part CONSTANT TEXT := 'SELECT 1 AS sign, n.quarter, k.tier, k.charged, n.hours_months, n.hours, '
        || 'n.made_months, n.pipeline, n.revenue FROM new_rows n JOIN roi_partner_kept k ON k.partner_id = n.partner_id';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM roi_tier_quarter_fact;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE roi_tier_quarter_fact_sql(new_part);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE roi_tier_quarter_fact_sql(old_part);
    ELSE
        EXECUTE roi_tier_quarter_fact_sql(new_part || ' UNION ALL ' || old_part);
    END IF;
    DELETE FROM roi_tier_quarter_fact WHERE partners = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER roi_tier_quarter_fact_inserted AFTER INSERT ON roi_partner_quarter_fact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_tier_quarter_fact_on_quarters();
CREATE TRIGGER roi_tier_quarter_fact_updated AFTER UPDATE ON roi_partner_quarter_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_tier_quarter_fact_on_quarters();
CREATE TRIGGER roi_tier_quarter_fact_deleted AFTER DELETE ON roi_partner_quarter_fact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_tier_quarter_fact_on_quarters();
CREATE TRIGGER roi_tier_quarter_fact_truncated AFTER TRUNCATE ON roi_partner_quarter_fact
    FOR EACH STATEMENT EXECUTE FUNCTION roi_tier_quarter_fact_on_quarters();

-- The statement that recomputes the kept rows of the partners the query text yields (column: id): a partner's
-- row as partner and tier_change give it now (none when the partner is gone); when its tier
-- or charge moved (or it came or went), its count and its quarter rows move between groups.
-- The text reads the trigger's transition tables, so the trigger function EXECUTEs it itself
-- (a function it calls does not see them), then removes the groups left without rows.
CREATE FUNCTION roi_partner_kept_sql(ids TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH ids AS (SELECT DISTINCT i.id FROM (%s) i),
        cur AS (SELECT k.partner_id, k.tier, k.charged FROM roi_partner_kept k JOIN ids ON ids.id = k.partner_id),
        nxt AS (
            SELECT p.id AS partner_id,
                   coalesce((SELECT t.to_tier FROM tier_change t WHERE t.partner_id = p.id
                             ORDER BY t.effective_on DESC, t.id DESC LIMIT 1), p.tier) AS tier,
                   p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT') AS charged, p.onboarded_on, p.created_at
            FROM partner p JOIN ids ON ids.id = p.id
        ),
        moved AS (
            SELECT -1 AS sign, c.partner_id, c.tier, c.charged FROM cur c LEFT JOIN nxt n ON n.partner_id = c.partner_id
            WHERE n.partner_id IS NULL OR n.tier <> c.tier OR n.charged <> c.charged
            UNION ALL
            SELECT 1, n.partner_id, n.tier, n.charged FROM nxt n LEFT JOIN cur c ON c.partner_id = n.partner_id
            WHERE c.partner_id IS NULL OR n.tier <> c.tier OR n.charged <> c.charged
        ),
        counted AS (
            INSERT INTO roi_tier_count AS f (tier, charged, partners)
            SELECT m.tier, m.charged, sum(m.sign) FROM moved m GROUP BY 1, 2 HAVING sum(m.sign) <> 0 ORDER BY 1, 2
            ON CONFLICT (tier, charged) DO UPDATE SET partners = f.partners + EXCLUDED.partners
            RETURNING 1
        ),
        summed AS (%s RETURNING 1),
        gone AS (
            DELETE FROM roi_partner_kept k USING cur c
            WHERE k.partner_id = c.partner_id AND NOT EXISTS (SELECT 1 FROM nxt n WHERE n.partner_id = c.partner_id)
            RETURNING 1
        )
        INSERT INTO roi_partner_kept AS k (partner_id, tier, charged, onboarded_on, created_at)
        SELECT n.partner_id, n.tier, n.charged, n.onboarded_on, n.created_at FROM nxt n ORDER BY 1
        ON CONFLICT (partner_id) DO UPDATE SET tier = EXCLUDED.tier, charged = EXCLUDED.charged,
            onboarded_on = EXCLUDED.onboarded_on, created_at = EXCLUDED.created_at
        WHERE (k.tier, k.charged, k.onboarded_on, k.created_at)
              IS DISTINCT FROM (EXCLUDED.tier, EXCLUDED.charged, EXCLUDED.onboarded_on, EXCLUDED.created_at)
        $sql$, ids, roi_tier_quarter_fact_sql(
            'SELECT m.sign, q.quarter, m.tier, m.charged, q.hours_months, q.hours, q.made_months, q.pipeline, '
            || 'q.revenue FROM moved m JOIN roi_partner_quarter_fact q ON q.partner_id = m.partner_id'))
$fn$;

-- Partners added, changed (tier, status, onboarded_on, created_at) or removed.
CREATE FUNCTION roi_partner_kept_on_partners() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM roi_partner_kept;
        DELETE FROM roi_tier_count;
        DELETE FROM roi_tier_quarter_fact;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE roi_partner_kept_sql('SELECT id FROM new_rows');
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE roi_partner_kept_sql('SELECT id FROM old_rows');
    ELSE
        EXECUTE roi_partner_kept_sql('SELECT n.id FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id '
            || 'WHERE o.id IS NULL OR (n.tier, n.lifecycle_status, n.onboarded_on, n.created_at) '
            || 'IS DISTINCT FROM (o.tier, o.lifecycle_status, o.onboarded_on, o.created_at) '
            || 'UNION ALL SELECT o.id FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id WHERE n.id IS NULL');
    END IF;
    DELETE FROM roi_tier_count WHERE partners = 0;
    DELETE FROM roi_tier_quarter_fact WHERE partners = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER roi_partner_kept_inserted AFTER INSERT ON partner
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_kept_on_partners();
CREATE TRIGGER roi_partner_kept_updated AFTER UPDATE ON partner
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_kept_on_partners();
CREATE TRIGGER roi_partner_kept_deleted AFTER DELETE ON partner
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_kept_on_partners();
CREATE TRIGGER roi_partner_kept_truncated AFTER TRUNCATE ON partner
    FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_kept_on_partners();

-- A partner's tier changes added, changed or removed.
CREATE FUNCTION roi_partner_kept_on_tier_changes() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM roi_tier_kept_rebuild();
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE roi_partner_kept_sql('SELECT partner_id AS id FROM new_rows');
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE roi_partner_kept_sql('SELECT partner_id AS id FROM old_rows');
    ELSE
        EXECUTE roi_partner_kept_sql('SELECT partner_id AS id FROM new_rows UNION ALL '
            || 'SELECT partner_id FROM old_rows');
    END IF;
    DELETE FROM roi_tier_count WHERE partners = 0;
    DELETE FROM roi_tier_quarter_fact WHERE partners = 0;
    RETURN NULL;
END
$fn$;

-- Recomputes the three tables from partner, tier_change and the partner quarters.
CREATE FUNCTION roi_tier_kept_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    DELETE FROM roi_partner_kept;
    DELETE FROM roi_tier_count;
    DELETE FROM roi_tier_quarter_fact;
    INSERT INTO roi_partner_kept (partner_id, tier, charged, onboarded_on, created_at)
    SELECT p.id, coalesce(t.to_tier, p.tier), p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT'),
           p.onboarded_on, p.created_at
    FROM partner p
    LEFT JOIN (SELECT DISTINCT ON (partner_id) partner_id, to_tier FROM tier_change
               ORDER BY partner_id, effective_on DESC, id DESC) t ON t.partner_id = p.id;
    INSERT INTO roi_tier_count (tier, charged, partners)
    SELECT tier, charged, count(*) FROM roi_partner_kept GROUP BY 1, 2;
    EXECUTE roi_tier_quarter_fact_sql('SELECT 1 AS sign, q.quarter, k.tier, k.charged, q.hours_months, q.hours, '
        || 'q.made_months, q.pipeline, q.revenue FROM roi_partner_quarter_fact q '
        || 'JOIN roi_partner_kept k ON k.partner_id = q.partner_id');
    DELETE FROM roi_tier_quarter_fact WHERE partners = 0;
END
$fn$;

CREATE TRIGGER roi_partner_kept_tier_changes_inserted AFTER INSERT ON tier_change
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_kept_on_tier_changes();
CREATE TRIGGER roi_partner_kept_tier_changes_updated AFTER UPDATE ON tier_change
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_kept_on_tier_changes();
CREATE TRIGGER roi_partner_kept_tier_changes_deleted AFTER DELETE ON tier_change
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_kept_on_tier_changes();
CREATE TRIGGER roi_partner_kept_tier_changes_truncated AFTER TRUNCATE ON tier_change
    FOR EACH STATEMENT EXECUTE FUNCTION roi_partner_kept_on_tier_changes();

SELECT roi_tier_kept_rebuild();
