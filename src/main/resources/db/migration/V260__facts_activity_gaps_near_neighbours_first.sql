-- A partner's event just before the changed moments is looked for in the 29 days before
-- them first (issue 15, module facts, branch reg31).
--
-- facts_activity_gaps_refresh (V203) read the event before the earliest changed moment with
-- occurred_at < lo over the whole of activity_event: every monthly partition below lo, and
-- with the default partition present the planner cannot take them in order, so each call
-- planned and started an index scan on each of them (a Merge Append; 60 buffers and 1.2 ms a
-- registration on the default demo, its statements planned again on every call). Every
-- registration writes one event, so every registration paid it.
--
-- The neighbour is now looked for in (lo - 29 days, lo) first, one or two partitions; only
-- when there is none there is it looked for below, as before. The result is the same: an
-- event in the window is later than any below it. The event after the latest changed moment
-- is read as before: above hi are only the current and the next months' partitions and the
-- default one, and for a registration's event (now) there is none, so a window would only
-- add a statement.

CREATE OR REPLACE FUNCTION facts_activity_gaps_refresh(changed JSONB) RETURNS VOID
LANGUAGE plpgsql AS $fn$
DECLARE
    c  RECORD;
    l  TIMESTAMPTZ;
    h  TIMESTAMPTZ;
BEGIN
    FOR c IN SELECT x.partner_id, min(x.lo) AS lo, max(x.hi) AS hi
             FROM jsonb_to_recordset(changed) AS x(partner_id BIGINT, lo TIMESTAMPTZ, hi TIMESTAMPTZ)
             GROUP BY x.partner_id ORDER BY x.partner_id LOOP
        l := (SELECT e.occurred_at FROM activity_event e
              WHERE e.partner_id = c.partner_id AND e.occurred_at < c.lo
                AND e.occurred_at >= c.lo - INTERVAL '29 days'
              ORDER BY e.occurred_at DESC LIMIT 1);
        IF l IS NULL THEN
            l := (SELECT e.occurred_at FROM activity_event e WHERE e.partner_id = c.partner_id AND e.occurred_at < c.lo
                  ORDER BY e.occurred_at DESC LIMIT 1);
        END IF;
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
