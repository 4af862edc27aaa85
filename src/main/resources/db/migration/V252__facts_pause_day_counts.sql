-- The counted partners' long pauses counted per UTC day of their start and of their end,
-- for the activated and active partner trends (issue 15, module facts, branch kpi31).
--
-- The program's trend of either KPI (metrics.KpiRecencySql#recencyWindows) takes off, per
-- period [start, asOf) with as-of day D, the counted partners onboarded before D with a kept
-- pause (partner_win_gap V204, partner_activity_gap V203) beginning before start and ending
-- at or after asOf. It joined every pause ending after the earliest as-of moment (30,000 on
-- the large data) with every counted partner (37,000), then compared each period with each
-- (kpi30). Counted here instead, per measure ('W' wins, 'A' activity), edge ('S' the pause's
-- start prev_at, 'E' its end next_at) and UTC day (-infinity for the first pause's start),
-- over the pauses of the partners counted in partner_recency (whatever their onboarding day),
-- in eight writer slots (pg_backend_pid() % 8) as partner_recency_fact; readers sum them:
--
--   covering(start, asOf) = #{next_at >= asOf} - #{prev_at >= start}
--                          + #{prev_at >= start AND next_at < asOf}
--
-- the first two from the day counts after the edge's UTC day and the edge day's pauses by
-- index (partner_win_gap_next_idx, the prev_at indexes below), the last only pauses ending in
-- the window's last two days (a kept pause is longer than 88 or 28 days, the window 90 or 30
-- days less a summer-time hour); the partners onboarded on or after D are taken off from
-- their own pauses (few: the partners onboarded after the as-of day).
--
-- Kept by statement triggers on the two pause tables (rows inserted, deleted or updated:
-- their partners' partner_recency rows locked first, as facts_recency_refresh locks them,
-- then counted if the partner is) and on partner_recency (a partner inserted, deleted or its
-- counted flag changed: its pauses counted or taken off; TRUNCATE empties the counts). So
-- partner_recency_rebuild (DealFacts' rebuild, after facts_rebuild) counts them anew, and a
-- TRUNCATE of a pause table removes its measure. metrics.PauseDayCountsPropertyTests
-- compares them with a recomputation after random changes.

CREATE TABLE partner_pause_day_fact (
    measure CHAR(1)  NOT NULL CHECK (measure IN ('A', 'W')),
    edge    CHAR(1)  NOT NULL CHECK (edge IN ('S', 'E')),
    day     DATE     NOT NULL,
    slot    SMALLINT NOT NULL,
    pauses  BIGINT   NOT NULL,
    PRIMARY KEY (measure, edge, day, slot)
);

CREATE INDEX partner_win_gap_prev_idx ON partner_win_gap (prev_at) INCLUDE (next_at, partner_id);
CREATE INDEX partner_activity_gap_prev_idx ON partner_activity_gap (prev_at) INCLUDE (next_at, partner_id);

-- The statement moving the counts by the signed pauses of `moved` (SQL text of rows measure,
-- partner_id, prev_at, next_at, sign) whose partner is counted; run by EXECUTE in the trigger
-- functions (planned per call: transition tables).
CREATE FUNCTION facts_pause_days_sql(moved TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($q$
        INSERT INTO partner_pause_day_fact AS f (measure, edge, day, slot, pauses)
        SELECT x.measure, v.edge, v.day, pg_backend_pid() %% 8, sum(x.sign)
        FROM (%s) x JOIN partner_recency r ON r.partner_id = x.partner_id AND r.counted
        CROSS JOIN LATERAL (VALUES ('S', facts_utc_day(x.prev_at)), ('E', facts_utc_day(x.next_at))) AS v(edge, day)
        GROUP BY x.measure, v.edge, v.day HAVING sum(x.sign) <> 0
        ORDER BY 1, 2, 3
        ON CONFLICT (measure, edge, day, slot) DO UPDATE SET pauses = f.pauses + EXCLUDED.pauses$q$, moved)
$fn$;

-- A pause table's rows changed (TG_ARGV[0]: its measure).
CREATE FUNCTION facts_pause_days_on_gaps() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    moved TEXT;
    none  BOOLEAN;
BEGIN
    IF TG_OP = 'INSERT' THEN
        moved := 'SELECT partner_id, prev_at, next_at, 1 AS sign FROM new_rows';
    ELSIF TG_OP = 'DELETE' THEN
        moved := 'SELECT partner_id, prev_at, next_at, -1 AS sign FROM old_rows';
    ELSE
        moved := 'SELECT partner_id, prev_at, next_at, 1 AS sign FROM new_rows
                  UNION ALL SELECT partner_id, prev_at, next_at, -1 FROM old_rows';
    END IF;
    -- nothing moved (a registration's event without a long pause): no lock, no write
    IF TG_OP = 'DELETE' THEN
        none := NOT EXISTS (SELECT 1 FROM old_rows);
    ELSE
        none := NOT EXISTS (SELECT 1 FROM new_rows);
    END IF;
    IF none THEN
        RETURN NULL;
    END IF;
    moved := format('SELECT %L AS measure, m.* FROM (%s) m', TG_ARGV[0], moved);
    -- waits for a recount of these partners' counted flag in progress (facts_recency_refresh
    -- locks the same rows first); the next statement then reads what it committed
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM partner_recency r
                    WHERE r.partner_id IN (SELECT m.partner_id FROM (%s) m) ORDER BY r.partner_id FOR UPDATE) l', moved);
    EXECUTE facts_pause_days_sql(moved);
    RETURN NULL;
END
$fn$;

CREATE FUNCTION facts_pause_days_on_gaps_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    DELETE FROM partner_pause_day_fact WHERE measure = TG_ARGV[0];
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_pause_days_win_gaps_inserted AFTER INSERT ON partner_win_gap
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_pause_days_on_gaps('W');
CREATE TRIGGER facts_pause_days_win_gaps_updated AFTER UPDATE ON partner_win_gap
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_pause_days_on_gaps('W');
CREATE TRIGGER facts_pause_days_win_gaps_deleted AFTER DELETE ON partner_win_gap
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_pause_days_on_gaps('W');
CREATE TRIGGER facts_pause_days_win_gaps_truncated AFTER TRUNCATE ON partner_win_gap
    FOR EACH STATEMENT EXECUTE FUNCTION facts_pause_days_on_gaps_truncated('W');
CREATE TRIGGER facts_pause_days_activity_gaps_inserted AFTER INSERT ON partner_activity_gap
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_pause_days_on_gaps('A');
CREATE TRIGGER facts_pause_days_activity_gaps_updated AFTER UPDATE ON partner_activity_gap
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_pause_days_on_gaps('A');
CREATE TRIGGER facts_pause_days_activity_gaps_deleted AFTER DELETE ON partner_activity_gap
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_pause_days_on_gaps('A');
CREATE TRIGGER facts_pause_days_activity_gaps_truncated AFTER TRUNCATE ON partner_activity_gap
    FOR EACH STATEMENT EXECUTE FUNCTION facts_pause_days_on_gaps_truncated('A');

-- partner_recency's rows inserted, deleted or counted anew: all their pauses of both measures
-- counted (or taken off). An update moves only the partners whose counted flag changed (the
-- two transition tables compared with EXCEPT, V185): a latest activity or win moved moves
-- nothing here.
CREATE FUNCTION facts_pause_days_on_recency() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    changed TEXT;
BEGIN
    IF TG_OP = 'INSERT' THEN
        changed := 'SELECT partner_id, 1 AS sign FROM new_rows WHERE counted';
    ELSIF TG_OP = 'DELETE' THEN
        changed := 'SELECT partner_id, -1 AS sign FROM old_rows WHERE counted';
    ELSIF NOT EXISTS (SELECT partner_id, counted FROM new_rows EXCEPT SELECT partner_id, counted FROM old_rows) THEN
        -- a latest activity or win moved (every registration): nothing to count
        RETURN NULL;
    ELSE
        changed := 'SELECT partner_id, CASE WHEN counted THEN 1 ELSE -1 END AS sign
                    FROM (SELECT partner_id, counted FROM new_rows EXCEPT SELECT partner_id, counted FROM old_rows) c';
    END IF;
    EXECUTE format($q$
        INSERT INTO partner_pause_day_fact AS f (measure, edge, day, slot, pauses)
        SELECT x.measure, v.edge, v.day, pg_backend_pid() %% 8, sum(x.sign)
        FROM (SELECT 'W' AS measure, g.prev_at, g.next_at, c.sign FROM (%1$s) c JOIN partner_win_gap g ON g.partner_id = c.partner_id
              UNION ALL
              SELECT 'A', g.prev_at, g.next_at, c.sign FROM (%1$s) c JOIN partner_activity_gap g ON g.partner_id = c.partner_id) x
        CROSS JOIN LATERAL (VALUES ('S', facts_utc_day(x.prev_at)), ('E', facts_utc_day(x.next_at))) AS v(edge, day)
        GROUP BY x.measure, v.edge, v.day HAVING sum(x.sign) <> 0
        ORDER BY 1, 2, 3
        ON CONFLICT (measure, edge, day, slot) DO UPDATE SET pauses = f.pauses + EXCLUDED.pauses$q$, changed);
    RETURN NULL;
END
$fn$;

CREATE FUNCTION facts_pause_days_on_recency_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE partner_pause_day_fact;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_pause_days_recency_inserted AFTER INSERT ON partner_recency
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_pause_days_on_recency();
CREATE TRIGGER facts_pause_days_recency_updated AFTER UPDATE ON partner_recency
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_pause_days_on_recency();
CREATE TRIGGER facts_pause_days_recency_deleted AFTER DELETE ON partner_recency
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_pause_days_on_recency();
CREATE TRIGGER facts_pause_days_recency_truncated AFTER TRUNCATE ON partner_recency
    FOR EACH STATEMENT EXECUTE FUNCTION facts_pause_days_on_recency_truncated();

-- Every count from the pauses and the counted partners as they are.
CREATE FUNCTION facts_pause_days_rebuild() RETURNS VOID
LANGUAGE sql AS $fn$
    DELETE FROM partner_pause_day_fact;
    INSERT INTO partner_pause_day_fact (measure, edge, day, slot, pauses)
    SELECT x.measure, v.edge, v.day, 0, count(*)
    FROM (SELECT 'W' AS measure, g.partner_id, g.prev_at, g.next_at FROM partner_win_gap g
          UNION ALL SELECT 'A', g.partner_id, g.prev_at, g.next_at FROM partner_activity_gap g) x
    JOIN partner_recency r ON r.partner_id = x.partner_id AND r.counted
    CROSS JOIN LATERAL (VALUES ('S', facts_utc_day(x.prev_at)), ('E', facts_utc_day(x.next_at))) AS v(edge, day)
    GROUP BY x.measure, v.edge, v.day ORDER BY 1, 2, 3;
$fn$;

SELECT facts_pause_days_rebuild();
ANALYZE partner_pause_day_fact;
