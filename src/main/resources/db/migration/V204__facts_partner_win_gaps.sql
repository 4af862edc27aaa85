-- Each partner's long pauses between won deals, for the activated partners of a past period
-- (issue 15, module facts, branch act26).
--
-- The program's activated partners (metrics.KpiSql#activated, measure 'W') counts the
-- onboarded partners with a won deal closed in [asOf - 90 days, asOf). For the partners
-- whose latest win lies at or after asOf (a past period: ~30,000 on the large data) it
-- probed each one's won deals in that window, seven times for the KPI page's six-period
-- trend. Such a partner has no win in the window exactly when one of its pauses covers it:
-- two consecutive wins (or the start of time and its first win) at prev_at < asOf - 90 days
-- and next_at >= asOf. Such a pause is longer than 88 days (90 days in any zone, less a
-- summer-time hour), and pauses do not overlap, so a partner has at most one.
-- partner_win_gap keeps every pause of a partner longer than 88 days that ends at a win:
-- (prev_at, next_at], prev_at '-infinity' for the pause before the first win. A win is a
-- deal in stage CLOSED_WON with a partner and a close moment (those the old probe found).
--
-- Kept by statement triggers on opportunity: for each partner of the changed wins (a deal
-- inserted or deleted as won; its stage, close moment or partner changed while won before
-- or after), the region between its wins just before the earliest and just after the
-- latest changed moment is read again through opportunity_won_partner_idx and its pauses
-- written anew (two index probes for one deal won). Always kept, as partner_activity_gap
-- (V203), whatever fact_setting holds.

CREATE TABLE partner_win_gap (
    partner_id BIGINT      NOT NULL,
    prev_at    TIMESTAMPTZ NOT NULL,
    next_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partner_id, next_at)
);
CREATE INDEX partner_win_gap_next_idx ON partner_win_gap (next_at) INCLUDE (prev_at, partner_id);

-- The pauses longer than 88 days of the partner's wins in [lo, hi] (null: no bound), the
-- first win's pause from '-infinity' when lo is null.
CREATE FUNCTION facts_win_gaps(pid BIGINT, lo TIMESTAMPTZ, hi TIMESTAMPTZ)
RETURNS TABLE (prev_at TIMESTAMPTZ, next_at TIMESTAMPTZ)
LANGUAGE sql STABLE AS $fn$
    SELECT COALESCE(x.prev, '-infinity'), x.at
    FROM (SELECT o.closed_at AS at, lag(o.closed_at) OVER (ORDER BY o.closed_at) AS prev
          FROM opportunity o
          WHERE o.partner_id = pid AND o.stage = 'CLOSED_WON' AND o.closed_at >= COALESCE(lo, '-infinity')
            AND o.closed_at <= COALESCE(hi, 'infinity')) x
    WHERE CASE WHEN x.prev IS NULL THEN lo IS NULL ELSE x.at - x.prev > INTERVAL '88 days' END
$fn$;

-- Writes again the pauses of each partner between its wins just before lo and just after
-- hi (the changed wins' earliest and latest moments).
CREATE FUNCTION facts_win_gaps_refresh(changed JSONB) RETURNS VOID
LANGUAGE plpgsql AS $fn$
DECLARE
    c  RECORD;
    l  TIMESTAMPTZ;
    h  TIMESTAMPTZ;
BEGIN
    FOR c IN SELECT x.partner_id, min(x.lo) AS lo, max(x.hi) AS hi
             FROM jsonb_to_recordset(changed) AS x(partner_id BIGINT, lo TIMESTAMPTZ, hi TIMESTAMPTZ)
             GROUP BY x.partner_id ORDER BY x.partner_id LOOP
        l := (SELECT o.closed_at FROM opportunity o WHERE o.partner_id = c.partner_id AND o.stage = 'CLOSED_WON'
                AND o.closed_at < c.lo ORDER BY o.closed_at DESC LIMIT 1);
        h := (SELECT o.closed_at FROM opportunity o WHERE o.partner_id = c.partner_id AND o.stage = 'CLOSED_WON'
                AND o.closed_at > c.hi ORDER BY o.closed_at LIMIT 1);
        DELETE FROM partner_win_gap g
        WHERE g.partner_id = c.partner_id AND g.prev_at >= COALESCE(l, '-infinity')
          AND g.next_at <= COALESCE(h, 'infinity');
        INSERT INTO partner_win_gap (partner_id, prev_at, next_at)
        SELECT c.partner_id, g.prev_at, g.next_at FROM facts_win_gaps(c.partner_id, l, h) g;
    END LOOP;
END
$fn$;

-- The changed wins: on an update, the won (partner, close moment) pairs of a deal that are
-- not the same before and after (set differences, no pairing of the transition tables), so
-- a won deal's amount or owner change touches nothing.
CREATE FUNCTION facts_win_gaps_on_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM facts_win_gaps_refresh((SELECT jsonb_agg(jsonb_build_object('partner_id', partner_id,
                'lo', lo, 'hi', hi)) FROM (SELECT partner_id, min(closed_at) AS lo, max(closed_at) AS hi
                                           FROM new_rows WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL
                                             AND closed_at IS NOT NULL GROUP BY partner_id) x));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM facts_win_gaps_refresh((SELECT jsonb_agg(jsonb_build_object('partner_id', partner_id,
                'lo', lo, 'hi', hi)) FROM (SELECT partner_id, min(closed_at) AS lo, max(closed_at) AS hi
                                           FROM old_rows WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL
                                             AND closed_at IS NOT NULL GROUP BY partner_id) x));
    ELSE
        PERFORM facts_win_gaps_refresh((SELECT jsonb_agg(jsonb_build_object('partner_id', partner_id,
                'lo', lo, 'hi', hi)) FROM (SELECT partner_id, min(closed_at) AS lo, max(closed_at) AS hi
                                           FROM ((SELECT id, partner_id, closed_at FROM old_rows
                                                  WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL AND closed_at IS NOT NULL
                                                  EXCEPT ALL
                                                  SELECT id, partner_id, closed_at FROM new_rows
                                                  WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL AND closed_at IS NOT NULL)
                                                 UNION ALL
                                                 (SELECT id, partner_id, closed_at FROM new_rows
                                                  WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL AND closed_at IS NOT NULL
                                                  EXCEPT ALL
                                                  SELECT id, partner_id, closed_at FROM old_rows
                                                  WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL AND closed_at IS NOT NULL)) u
                                           GROUP BY partner_id) x));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_win_gaps_inserted AFTER INSERT ON opportunity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_win_gaps_on_change();
CREATE TRIGGER facts_win_gaps_updated AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_win_gaps_on_change();
CREATE TRIGGER facts_win_gaps_deleted AFTER DELETE ON opportunity
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_win_gaps_on_change();
CREATE FUNCTION facts_win_gaps_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE partner_win_gap;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER facts_win_gaps_truncated AFTER TRUNCATE ON opportunity
    FOR EACH STATEMENT EXECUTE FUNCTION facts_win_gaps_on_truncate();

-- Every partner's pauses, one pass over the won deals in partner and time order.
CREATE FUNCTION facts_win_gaps_rebuild() RETURNS VOID
LANGUAGE sql AS $fn$
    DELETE FROM partner_win_gap;
    INSERT INTO partner_win_gap (partner_id, prev_at, next_at)
    SELECT x.partner_id, COALESCE(x.prev, '-infinity'), x.at
    FROM (SELECT o.partner_id, o.closed_at AS at,
                 lag(o.closed_at) OVER (PARTITION BY o.partner_id ORDER BY o.closed_at) AS prev
          FROM opportunity o
          WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL AND o.closed_at IS NOT NULL) x
    WHERE x.prev IS NULL OR x.at - x.prev > INTERVAL '88 days';
$fn$;

SELECT facts_win_gaps_rebuild();
ANALYZE partner_win_gap;
