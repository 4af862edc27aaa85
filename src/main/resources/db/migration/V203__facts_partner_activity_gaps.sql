-- Each partner's long pauses between activity events, for the active partner rate of a past
-- period (issue 15, module facts, branch home24).
--
-- The program's active partner rate (metrics.KpiRecencySql#recency, measure 'A') counts the
-- onboarded partners with an event in [asOf - 30 days, asOf). For the partners whose latest
-- event lies at or after asOf (a past period: nearly all 40,000 on the large data) it probed
-- each one's events in that window, seven times for the KPI page's six-period trend. A
-- partner whose latest event is at or after asOf has no event in the window exactly when
-- one of its pauses covers it: two consecutive events (or the start of time and its first
-- event) at prev_at < asOf - 30 days and next_at >= asOf. Such a pause is longer than 28
-- days (30 days in any zone, less a summer-time hour or a skipped day), and pauses do not
-- overlap, so a partner has at most one. partner_activity_gap keeps every pause of a partner
-- longer than 28 days that ends at an event: (prev_at, next_at], prev_at '-infinity' for
-- the pause before the first event; the pause after the latest event is not kept (the
-- latest is in partner_recency).
--
-- Kept by statement triggers on activity_event: for each partner of the changed rows, the
-- region between its events just before the earliest and just after the latest changed
-- moment is read again through activity_event_partner_time_idx and its pauses written
-- anew (a registration's one event: two index probes). Always kept, as
-- partner_activity_fact (V101), whatever fact_setting holds.

CREATE TABLE partner_activity_gap (
    partner_id BIGINT      NOT NULL,
    prev_at    TIMESTAMPTZ NOT NULL,
    next_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partner_id, next_at)
);
CREATE INDEX partner_activity_gap_next_idx ON partner_activity_gap (next_at) INCLUDE (prev_at, partner_id);

-- The pauses longer than 28 days of the given partners' events in [lo, hi] (null: no bound),
-- the first event's pause from '-infinity' when lo is null.
CREATE FUNCTION facts_activity_gaps(pid BIGINT, lo TIMESTAMPTZ, hi TIMESTAMPTZ)
RETURNS TABLE (prev_at TIMESTAMPTZ, next_at TIMESTAMPTZ)
LANGUAGE sql STABLE AS $fn$
    SELECT COALESCE(x.prev, '-infinity'), x.at
    FROM (SELECT e.occurred_at AS at, lag(e.occurred_at) OVER (ORDER BY e.occurred_at) AS prev
          FROM activity_event e
          WHERE e.partner_id = pid AND e.occurred_at >= COALESCE(lo, '-infinity')
            AND e.occurred_at <= COALESCE(hi, 'infinity')) x
    WHERE CASE WHEN x.prev IS NULL THEN lo IS NULL ELSE x.at - x.prev > INTERVAL '28 days' END
$fn$;

-- Writes again the pauses of each partner between its events just before lo and just after
-- hi (the changed rows' earliest and latest moments).
CREATE FUNCTION facts_activity_gaps_refresh(changed JSONB) RETURNS VOID
LANGUAGE plpgsql AS $fn$
DECLARE
    c  RECORD;
    l  TIMESTAMPTZ;
    h  TIMESTAMPTZ;
BEGIN
    FOR c IN SELECT x.partner_id, min(x.lo) AS lo, max(x.hi) AS hi
             FROM jsonb_to_recordset(changed) AS x(partner_id BIGINT, lo TIMESTAMPTZ, hi TIMESTAMPTZ)
             GROUP BY x.partner_id ORDER BY x.partner_id LOOP
        l := (SELECT e.occurred_at FROM activity_event e WHERE e.partner_id = c.partner_id AND e.occurred_at < c.lo
              ORDER BY e.occurred_at DESC LIMIT 1);
        h := (SELECT e.occurred_at FROM activity_event e WHERE e.partner_id = c.partner_id AND e.occurred_at > c.hi
              ORDER BY e.occurred_at LIMIT 1);
        DELETE FROM partner_activity_gap g
        WHERE g.partner_id = c.partner_id AND g.prev_at >= COALESCE(l, '-infinity')
          AND g.next_at <= COALESCE(h, 'infinity');
        INSERT INTO partner_activity_gap (partner_id, prev_at, next_at)
        SELECT c.partner_id, g.prev_at, g.next_at FROM facts_activity_gaps(c.partner_id, l, h) g;
    END LOOP;
END
$fn$;

CREATE FUNCTION facts_activity_gaps_on_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM facts_activity_gaps_refresh((SELECT jsonb_agg(jsonb_build_object('partner_id', partner_id,
                'lo', lo, 'hi', hi)) FROM (SELECT partner_id, min(occurred_at) AS lo, max(occurred_at) AS hi
                                           FROM new_rows GROUP BY partner_id) x));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM facts_activity_gaps_refresh((SELECT jsonb_agg(jsonb_build_object('partner_id', partner_id,
                'lo', lo, 'hi', hi)) FROM (SELECT partner_id, min(occurred_at) AS lo, max(occurred_at) AS hi
                                           FROM old_rows GROUP BY partner_id) x));
    ELSE
        PERFORM facts_activity_gaps_refresh((SELECT jsonb_agg(jsonb_build_object('partner_id', partner_id,
                'lo', lo, 'hi', hi)) FROM (SELECT partner_id, min(occurred_at) AS lo, max(occurred_at) AS hi
                                           FROM (SELECT partner_id, occurred_at FROM new_rows
                                                 UNION ALL SELECT partner_id, occurred_at FROM old_rows) u
                                           GROUP BY partner_id) x));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_activity_gaps_inserted AFTER INSERT ON activity_event
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_activity_gaps_on_change();
CREATE TRIGGER facts_activity_gaps_updated AFTER UPDATE ON activity_event
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_activity_gaps_on_change();
CREATE TRIGGER facts_activity_gaps_deleted AFTER DELETE ON activity_event
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_activity_gaps_on_change();
CREATE FUNCTION facts_activity_gaps_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE partner_activity_gap;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER facts_activity_gaps_truncated AFTER TRUNCATE ON activity_event
    FOR EACH STATEMENT EXECUTE FUNCTION facts_activity_gaps_on_truncate();

-- After the retention dropped the months before cutoff (a dropped partition fires no
-- trigger; activity.ActivityPartitions calls this after facts_activity_refresh): the pauses
-- ending before it go, and each partner's first event left (one probe per partner with
-- events) begins with the pause from '-infinity'; the pauses between later events stand.
CREATE FUNCTION facts_activity_gaps_after_retention(cutoff TIMESTAMPTZ) RETURNS VOID
LANGUAGE sql AS $fn$
    DELETE FROM partner_activity_gap WHERE next_at < cutoff;
    INSERT INTO partner_activity_gap AS g (partner_id, prev_at, next_at)
    SELECT a.partner_id, '-infinity', f.at
    FROM partner_activity_fact a
    CROSS JOIN LATERAL (SELECT e.occurred_at AS at FROM activity_event e WHERE e.partner_id = a.partner_id
                        ORDER BY e.occurred_at LIMIT 1) f
    ORDER BY 1
    ON CONFLICT (partner_id, next_at) DO UPDATE SET prev_at = EXCLUDED.prev_at;
$fn$;

-- Every partner's pauses, one pass over the events in partner and time order.
CREATE FUNCTION facts_activity_gaps_rebuild() RETURNS VOID
LANGUAGE sql AS $fn$
    DELETE FROM partner_activity_gap;
    INSERT INTO partner_activity_gap (partner_id, prev_at, next_at)
    SELECT x.partner_id, COALESCE(x.prev, '-infinity'), x.at
    FROM (SELECT e.partner_id, e.occurred_at AS at,
                 lag(e.occurred_at) OVER (PARTITION BY e.partner_id ORDER BY e.occurred_at) AS prev
          FROM activity_event e) x
    WHERE x.prev IS NULL OR x.at - x.prev > INTERVAL '28 days';
$fn$;

SELECT facts_activity_gaps_rebuild();
ANALYZE partner_activity_gap;
