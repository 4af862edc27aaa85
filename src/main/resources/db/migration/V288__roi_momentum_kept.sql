-- The program's ROI page (module roi, issue 15, branch ro41) read every partner's behaviour
-- momentum per request to pick its 20 partners to reinvest in: two weeks of partner_score_week
-- (40,000 scores each on the large data), the partners without a score in them looked up by
-- themselves. The momentum per partner and week is kept instead:
--
-- roi_momentum_week: one row per partner and week with a known behaviour score in
-- partner_score_week (pillar BEHAVIOUR, score not null): momentum, that score less the
-- partner's latest known behaviour score of a week at least 56 days earlier (8 weeks,
-- roi.VelocityRepository.MOMENTUM_WEEKS; null when there is none), and next_week, the
-- partner's next week with a known behaviour score (null: its latest). A partner's momentum as
-- of a day is the momentum of its row with the latest week on or before the day (the row with
-- week_start <= day and next_week null or after the day): exactly the page's earlier
-- computation, the latest known score by the day less the latest one at least 56 days older.
-- The current rows (next_week null) are in momentum order in an index, so the page takes the
-- first 20 of a class by momentum from its head.
--
-- Kept by statement triggers with transition tables on partner_score_week (INSERT and COPY,
-- UPDATE, DELETE; TRUNCATE empties it). The partners whose known behaviour scores the
-- statement changed (a row added or removed, a score, week or partner changed; unknown scores
-- and other pillars count for nothing) are refreshed from their earliest changed week: their
-- rows from their last known week before it (whose next_week may move) are recomputed from
-- partner_score_week, written where they differ, removed where the week has no known score
-- left. A refresh first inserts or locks each partner's row of roi_momentum_partner in partner
-- order (ON CONFLICT DO UPDATE ... WHERE false locks without writing), so two writers of one
-- partner's scores wait for each other, then recomputes in a new statement, whose snapshot
-- (READ COMMITTED) sees what it waited for (as V274); that statement, and the update trigger's
-- pairing of its transition tables, run through EXECUTE, planned with each call's partners and
-- rows (V185: one partner's write probes its keys, a week of every partner's hashes).
-- roi_momentum_rebuild() recomputes the whole table (the upgrade, and a repair).

CREATE TABLE roi_momentum_week (
    partner_id BIGINT  NOT NULL,
    week_start DATE    NOT NULL,
    momentum   NUMERIC,
    next_week  DATE,
    PRIMARY KEY (partner_id, week_start)
);

-- one row per partner whose scores were ever refreshed: what a refresh locks
CREATE TABLE roi_momentum_partner (
    partner_id BIGINT PRIMARY KEY
);

-- Refreshes the rows of the partners from their week (the arrays' n-th elements: a partner,
-- distinct, and its earliest changed week) from partner_score_week.
CREATE FUNCTION roi_momentum_refresh(partners BIGINT[], froms DATE[]) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO roi_momentum_partner AS a (partner_id)
    SELECT k.partner_id FROM unnest(partners) AS k (partner_id) ORDER BY 1
    ON CONFLICT (partner_id) DO UPDATE SET partner_id = a.partner_id WHERE false;

    -- through EXECUTE: planned with this call's partners (one, or every partner of a week); each
    -- partner's rows from its start read by key (lateral), not the tables' whole ranges
    EXECUTE $sql$
    WITH s AS MATERIALIZED (
        SELECT k.partner_id,
               coalesce((SELECT max(w.week_start) FROM partner_score_week w
                         WHERE w.partner_id = k.partner_id AND w.pillar = 'BEHAVIOUR' AND w.score IS NOT NULL
                           AND w.week_start < k.from_week), k.from_week) AS start
        FROM unnest($1, $2) AS k (partner_id, from_week)
    ), n AS MATERIALIZED (
        SELECT s.partner_id, r.week_start,
               r.score - (SELECT e.score FROM partner_score_week e
                          WHERE e.partner_id = s.partner_id AND e.pillar = 'BEHAVIOUR' AND e.score IS NOT NULL
                            AND e.week_start <= r.week_start - 56
                          ORDER BY e.week_start DESC LIMIT 1) AS momentum,
               r.next_week
        FROM s CROSS JOIN LATERAL (
            SELECT w.week_start, w.score, lead(w.week_start) OVER (ORDER BY w.week_start) AS next_week
            FROM partner_score_week w
            WHERE w.partner_id = s.partner_id AND w.week_start >= s.start AND w.pillar = 'BEHAVIOUR'
              AND w.score IS NOT NULL
        ) r
    ), gone AS (
        DELETE FROM roi_momentum_week m
        WHERE m.ctid = ANY (ARRAY(
            SELECT v.ctid FROM s CROSS JOIN LATERAL (
                SELECT v.ctid, v.week_start FROM roi_momentum_week v
                WHERE v.partner_id = s.partner_id AND v.week_start >= s.start) v
            WHERE NOT EXISTS (SELECT 1 FROM partner_score_week w WHERE w.partner_id = s.partner_id
                              AND w.week_start = v.week_start AND w.pillar = 'BEHAVIOUR' AND w.score IS NOT NULL)))
    )
    INSERT INTO roi_momentum_week AS m (partner_id, week_start, momentum, next_week)
    SELECT n.partner_id, n.week_start, n.momentum, n.next_week FROM n ORDER BY 1, 2
    ON CONFLICT (partner_id, week_start) DO UPDATE SET momentum = EXCLUDED.momentum, next_week = EXCLUDED.next_week
    WHERE (m.momentum, m.next_week) IS DISTINCT FROM (EXCLUDED.momentum, EXCLUDED.next_week)
    $sql$ USING partners, froms;
END
$fn$;

-- A statement on partner_score_week: the rows of the partners whose known behaviour scores it
-- changed kept (see above).
CREATE FUNCTION roi_momentum_on_scores() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    partners BIGINT[];
    froms    DATE[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE roi_momentum_week;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(partner_id), array_agg(from_week) INTO partners, froms
        FROM (SELECT partner_id, min(week_start) AS from_week FROM new_rows
              WHERE pillar = 'BEHAVIOUR' AND score IS NOT NULL GROUP BY 1) k;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(partner_id), array_agg(from_week) INTO partners, froms
        FROM (SELECT partner_id, min(week_start) AS from_week FROM old_rows
              WHERE pillar = 'BEHAVIOUR' AND score IS NOT NULL GROUP BY 1) k;
    ELSE
        -- a known behaviour score on one side without the same one under the same key on the
        -- other; through EXECUTE, planned with this statement's row counts (V185)
        EXECUTE $sql$
            SELECT array_agg(partner_id), array_agg(from_week)
            FROM (SELECT c.partner_id, min(c.week_start) AS from_week FROM (
                      SELECT n.partner_id, n.week_start FROM new_rows n
                      WHERE n.pillar = 'BEHAVIOUR' AND n.score IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.partner_id = n.partner_id
                                        AND o.week_start = n.week_start AND o.pillar = n.pillar AND o.score = n.score)
                      UNION ALL
                      SELECT o.partner_id, o.week_start FROM old_rows o
                      WHERE o.pillar = 'BEHAVIOUR' AND o.score IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.partner_id = o.partner_id
                                        AND n.week_start = o.week_start AND n.pillar = o.pillar AND n.score = o.score)
                  ) c GROUP BY 1) k
        $sql$ INTO partners, froms;
    END IF;
    IF partners IS NOT NULL THEN
        PERFORM roi_momentum_refresh(partners, froms);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER roi_momentum_insert AFTER INSERT ON partner_score_week
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_momentum_on_scores();
CREATE TRIGGER roi_momentum_update AFTER UPDATE ON partner_score_week
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_momentum_on_scores();
CREATE TRIGGER roi_momentum_delete AFTER DELETE ON partner_score_week
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_momentum_on_scores();
CREATE TRIGGER roi_momentum_truncate AFTER TRUNCATE ON partner_score_week
    FOR EACH STATEMENT EXECUTE FUNCTION roi_momentum_on_scores();

-- Recomputes every row from partner_score_week (the upgrade, and a repair); writers of scores
-- wait meanwhile.
CREATE FUNCTION roi_momentum_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    LOCK TABLE partner_score_week IN SHARE MODE;
    TRUNCATE roi_momentum_week;
    INSERT INTO roi_momentum_week (partner_id, week_start, momentum, next_week)
    SELECT w.partner_id, w.week_start,
           w.score - (SELECT e.score FROM partner_score_week e
                      WHERE e.partner_id = w.partner_id AND e.pillar = 'BEHAVIOUR' AND e.score IS NOT NULL
                        AND e.week_start <= w.week_start - 56
                      ORDER BY e.week_start DESC LIMIT 1),
           lead(w.week_start) OVER (PARTITION BY w.partner_id ORDER BY w.week_start)
    FROM partner_score_week w
    WHERE w.pillar = 'BEHAVIOUR' AND w.score IS NOT NULL
    ORDER BY 1, 2;
END
$fn$;

SELECT roi_momentum_rebuild();

-- Each partner's current momentum in the page's order (highest first, then partner): the
-- first 20 of a class are the head of it. Built after the back-fill.
CREATE INDEX roi_momentum_week_current_idx ON roi_momentum_week (momentum DESC, partner_id) INCLUDE (week_start)
    WHERE next_week IS NULL AND momentum IS NOT NULL;
-- The rows in force on a day before a later known week (a past quarter's day): a range of this.
CREATE INDEX roi_momentum_week_until_idx ON roi_momentum_week (next_week) INCLUDE (week_start, momentum)
    WHERE next_week IS NOT NULL;

-- A week replaced by the daily run moves 40,000 rows (removed, and the week before's next_week
-- moved twice): vacuumed soon after, not once a fifth of the table has changed.
ALTER TABLE roi_momentum_week
    SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
