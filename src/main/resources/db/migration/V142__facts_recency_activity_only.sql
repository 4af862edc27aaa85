-- A partner's latest activity moved: only its activity moment is kept again (issue 15,
-- module facts; registrations' cost).
--
-- Every activity event (one per deal registration, among others) moves its partner's row
-- of partner_activity_fact, whose trigger (V129) recounted the partner whole: its row
-- locked, the partner read, its latest won deal read again from opportunity (an index
-- scan over its won deals) and the activity fact read, then the row and the counts
-- written. Of those only the latest activity can have changed: the partner's lifecycle,
-- onboarding and latest win are kept in partner_recency by the triggers on partner and
-- opportunity in the statements that change them. So a move of partner_activity_fact now
-- takes the latest activity alone from it and moves the 'A' counts by the difference; the
-- rows are locked first as before, so concurrent recounts of a partner still wait for each
-- other. A partner without a partner_recency row (kept facts skipped while fact_setting
-- was empty, then not rebuilt) is still recounted whole. Exact: the same rows and counts
-- as facts_recency_refresh (metrics.KeptKpiPropertyTests compares them with a
-- recomputation after random activity, closes, reopens and lifecycle changes).

CREATE FUNCTION facts_recency_activity_moved(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $fn$
DECLARE
    missing BIGINT[];
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 OR NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN;
    END IF;
    PERFORM 1 FROM partner_recency r WHERE r.partner_id = ANY (ids) ORDER BY r.partner_id FOR UPDATE;
    missing := ARRAY(SELECT DISTINCT u.id FROM unnest(ids) AS u(id)
                     WHERE u.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM partner_recency r WHERE r.partner_id = u.id));
    IF cardinality(missing) > 0 THEN
        PERFORM facts_recency_refresh(missing);
    END IF;
    WITH old AS (
        SELECT r.partner_id, r.counted, r.activity_at, a.last_at
        FROM partner_recency r LEFT JOIN partner_activity_fact a ON a.partner_id = r.partner_id
        WHERE r.partner_id = ANY (ids) AND r.activity_at IS DISTINCT FROM a.last_at),
    moved AS (
        UPDATE partner_recency r SET activity_at = o.last_at FROM old o
        WHERE r.partner_id = o.partner_id
        RETURNING o.counted, o.activity_at AS before, o.last_at AS after),
    delta AS (
        SELECT x.day, sum(x.sign) AS n
        FROM (SELECT 1 AS sign, facts_utc_day(after) AS day FROM moved WHERE counted
              UNION ALL SELECT -1, facts_utc_day(before) FROM moved WHERE counted) x
        GROUP BY x.day HAVING sum(x.sign) <> 0)
    INSERT INTO partner_recency_fact AS f (measure, day, slot, partners)
    SELECT 'A', day, pg_backend_pid() % 8, n FROM delta ORDER BY day
    ON CONFLICT (measure, day, slot) DO UPDATE SET partners = f.partners + EXCLUDED.partners;
END
$fn$;

CREATE OR REPLACE FUNCTION facts_recency_on_activity() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM facts_recency_activity_moved(ARRAY(SELECT partner_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM facts_recency_activity_moved(ARRAY(SELECT partner_id FROM old_rows));
    ELSE
        PERFORM facts_recency_activity_moved(ARRAY(SELECT partner_id FROM new_rows UNION SELECT partner_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$fn$;
