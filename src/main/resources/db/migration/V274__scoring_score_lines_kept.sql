-- The book of scores (/scores, module scoring, branch sco40) grouped every partner's three rows of
-- the latest stored week of partner_score_week per request (120,000 rows on 40,000 partners),
-- twice for the page and twice for its count, and looked each shown partner's week before up
-- with correlated sub-selects. The lines are kept instead:
--
-- partner_score_line: one row per week_start and partner with any row in partner_score_week,
-- its fiscal week label (the least of its rows': every row of a week carries the one its
-- writer gave the week) and its READINESS, BEHAVIOUR and TRUST scores (null: the pillar's row
-- is missing or its score unknown, as max(score) FILTER (pillar = ...) read them). A page of a
-- week in a score's order (DESC NULLS LAST, then partner) is a scan of that score's index, the
-- change since the week before a probe of the primary key, a week's count a range of an index
-- (a PAM's book: probes of the primary key).
--
-- Kept by statement triggers with transition tables on partner_score_week (INSERT and COPY,
-- UPDATE, DELETE; TRUNCATE empties it), from the rows the statement touched where they tell
-- the line, else from partner_score_week itself:
--   INSERT: the lines of keys that had none are inserted from the inserted rows alone (a key
--     without a line has no other row a writer can see: a writer of its rows keeps its line
--     locked until it commits); a key whose line exists (another pillar written before) is
--     refreshed.
--   DELETE: a key whose three pillars were all deleted loses its line (no row of it is left,
--     and a new one would wait for this transaction); the other keys are refreshed.
--   UPDATE: the keys whose score, fiscal week or key changed are refreshed.
-- A refresh (partner_score_line_refresh) first inserts or locks each key's line in key order
-- (ON CONFLICT DO UPDATE ... WHERE false locks without writing), so two writers of one key's
-- pillars wait for each other, then recomputes the lines from partner_score_week in a new
-- statement, whose snapshot (READ COMMITTED) sees what it waited for: a line updated where it
-- differs, removed where the key has no row left. partner_score_line_rebuild() recomputes the
-- whole table (the upgrade, and a repair).

CREATE TABLE partner_score_line (
    week_start  DATE          NOT NULL,
    partner_id  BIGINT        NOT NULL,
    fiscal_week TEXT          NOT NULL,
    readiness   NUMERIC(4, 1),
    behaviour   NUMERIC(4, 1),
    trust       NUMERIC(4, 1),
    PRIMARY KEY (week_start, partner_id)
);

-- Refreshes the lines of some (week, partner) keys from partner_score_week (the arrays' n-th
-- elements make a key, labels: the fiscal week a missing line is inserted with until it is
-- recomputed). The keys are distinct.
CREATE FUNCTION partner_score_line_refresh(weeks DATE[], partners BIGINT[], labels TEXT[]) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO partner_score_line AS l (week_start, partner_id, fiscal_week)
    SELECT k.week_start, k.partner_id, k.label FROM unnest(weeks, partners, labels) AS k (week_start, partner_id, label)
    ORDER BY k.week_start, k.partner_id
    ON CONFLICT (week_start, partner_id) DO UPDATE SET fiscal_week = l.fiscal_week WHERE false;

    WITH r AS MATERIALIZED (
        SELECT k.week_start, k.partner_id, a.n, a.fiscal_week, a.readiness, a.behaviour, a.trust
        FROM unnest(weeks, partners) AS k (week_start, partner_id)
        CROSS JOIN LATERAL (
            SELECT count(*) AS n, min(s.fiscal_week) AS fiscal_week,
                   max(s.score) FILTER (WHERE s.pillar = 'READINESS') AS readiness,
                   max(s.score) FILTER (WHERE s.pillar = 'BEHAVIOUR') AS behaviour,
                   max(s.score) FILTER (WHERE s.pillar = 'TRUST') AS trust
            FROM partner_score_week s WHERE s.partner_id = k.partner_id AND s.week_start = k.week_start
        ) a
    ), gone AS (
        DELETE FROM partner_score_line l USING r
        WHERE l.week_start = r.week_start AND l.partner_id = r.partner_id AND r.n = 0
    )
    UPDATE partner_score_line l
    SET fiscal_week = r.fiscal_week, readiness = r.readiness, behaviour = r.behaviour, trust = r.trust
    FROM r
    WHERE l.week_start = r.week_start AND l.partner_id = r.partner_id AND r.n > 0
      AND (l.fiscal_week, l.readiness, l.behaviour, l.trust)
          IS DISTINCT FROM (r.fiscal_week, r.readiness, r.behaviour, r.trust);
END
$fn$;

-- A statement on partner_score_week: the lines of its keys kept (see above).
CREATE FUNCTION partner_score_line_on_scores() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    weeks    DATE[];
    partners BIGINT[];
    labels   TEXT[];
BEGIN
    -- (the three arrays are aggregated in one pass: their n-th elements are one key's)
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE partner_score_line;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        WITH k AS (
            SELECT week_start, partner_id, min(fiscal_week) AS fiscal_week,
                   max(score) FILTER (WHERE pillar = 'READINESS') AS readiness,
                   max(score) FILTER (WHERE pillar = 'BEHAVIOUR') AS behaviour,
                   max(score) FILTER (WHERE pillar = 'TRUST') AS trust
            FROM new_rows GROUP BY week_start, partner_id
        ), added AS (
            INSERT INTO partner_score_line AS l (week_start, partner_id, fiscal_week, readiness, behaviour, trust)
            SELECT * FROM k ORDER BY week_start, partner_id
            ON CONFLICT (week_start, partner_id) DO UPDATE SET fiscal_week = l.fiscal_week WHERE false
            RETURNING l.week_start, l.partner_id
        )
        SELECT array_agg(k.week_start), array_agg(k.partner_id), array_agg(k.fiscal_week) INTO weeks, partners, labels
        FROM k WHERE NOT EXISTS (SELECT 1 FROM added a WHERE a.week_start = k.week_start AND a.partner_id = k.partner_id);
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM partner_score_line l
        USING (SELECT week_start, partner_id FROM old_rows GROUP BY 1, 2 HAVING count(DISTINCT pillar) = 3) k
        WHERE l.week_start = k.week_start AND l.partner_id = k.partner_id;
        SELECT array_agg(week_start), array_agg(partner_id), array_agg(label) INTO weeks, partners, labels
        FROM (SELECT week_start, partner_id, min(fiscal_week) AS label FROM old_rows GROUP BY 1, 2
              HAVING count(DISTINCT pillar) < 3) k;
    ELSE
        SELECT array_agg(week_start), array_agg(partner_id), array_agg(label) INTO weeks, partners, labels
        FROM (SELECT coalesce(n.week_start, o.week_start) AS week_start, coalesce(n.partner_id, o.partner_id) AS partner_id,
                     min(coalesce(n.fiscal_week, o.fiscal_week)) AS label
              FROM new_rows n
              FULL JOIN old_rows o ON o.partner_id = n.partner_id AND o.week_start = n.week_start AND o.pillar = n.pillar
              WHERE n.partner_id IS NULL OR o.partner_id IS NULL OR n.score IS DISTINCT FROM o.score
                 OR n.fiscal_week IS DISTINCT FROM o.fiscal_week
              GROUP BY 1, 2) k;
    END IF;
    IF weeks IS NOT NULL THEN
        PERFORM partner_score_line_refresh(weeks, partners, labels);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER partner_score_line_insert AFTER INSERT ON partner_score_week
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION partner_score_line_on_scores();
CREATE TRIGGER partner_score_line_update AFTER UPDATE ON partner_score_week
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION partner_score_line_on_scores();
CREATE TRIGGER partner_score_line_delete AFTER DELETE ON partner_score_week
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION partner_score_line_on_scores();
CREATE TRIGGER partner_score_line_truncate AFTER TRUNCATE ON partner_score_week
    FOR EACH STATEMENT EXECUTE FUNCTION partner_score_line_on_scores();

-- Recomputes every line from partner_score_week (the upgrade, and a repair); writers of scores
-- wait meanwhile.
CREATE FUNCTION partner_score_line_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    LOCK TABLE partner_score_week IN SHARE MODE;
    TRUNCATE partner_score_line;
    INSERT INTO partner_score_line (week_start, partner_id, fiscal_week, readiness, behaviour, trust)
    SELECT week_start, partner_id, min(fiscal_week),
           max(score) FILTER (WHERE pillar = 'READINESS'),
           max(score) FILTER (WHERE pillar = 'BEHAVIOUR'),
           max(score) FILTER (WHERE pillar = 'TRUST')
    FROM partner_score_week GROUP BY week_start, partner_id ORDER BY week_start, partner_id;
END
$fn$;

SELECT partner_score_line_rebuild();

-- a week's lines in each score's order, as the book sorts them (built after the back-fill): a page
-- is a scan of one, its ties put in partner order by an incremental sort. The partner is left
-- out of them: with it, a PAM's count scanned the week's whole range of one of them with the
-- book as its condition (12 ms on 40,000 lines) instead of probing the primary key (1 ms).
CREATE INDEX partner_score_line_readiness_idx ON partner_score_line (week_start, readiness DESC NULLS LAST);
CREATE INDEX partner_score_line_behaviour_idx ON partner_score_line (week_start, behaviour DESC NULLS LAST);
CREATE INDEX partner_score_line_trust_idx ON partner_score_line (week_start, trust DESC NULLS LAST);

-- A week's count reads an index alone while the week's heap pages are all-visible: a week
-- replaced by the daily run (40,000 lines deleted and inserted) is vacuumed soon after, not
-- once a fifth of the table has changed (the defaults: days of runs on a quarter's weeks).
ALTER TABLE partner_score_line
    SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
