-- Partner leads per rep kept per routing day and month (module leads, issue 15).
--
-- The adoption page counts, per rep, the leads routed in the period and what became of them
-- (LeadRepository.figures): every lead of the period of the 400 reps read from
-- partner_lead_rep_figures_idx and grouped (78,000 in the large dataset's quarter: 60-143 ms in
-- the page profiles). Kept here instead: lead_rep_fact counts per rep and business day of routing
-- (routed_at in fact_setting.zone, as the deal facts), once per day (month = FALSE) and once per
-- calendar month (month = TRUE, day = the month's first day): the leads received, accepted,
-- followed up (not declined, a follow-up recorded) and followed up in time (not declined, the
-- first follow-up by its deadline). Only "follow-up due" depends on the moment it is read at
-- (not declined and followed up, or its deadline passed by then): the reader adds to the kept
-- followed-up count the period's leads still without a follow-up whose deadline has passed,
-- from partner_lead_follow_up_open_idx (the leads not declined and not followed up: 7,209 of the
-- quarter's 78,036).
--
-- Kept by statement triggers on partner_lead: inserted, deleted and updated rows add and take
-- away their counts (no join of the transition tables); skipped while fact_setting is empty (a
-- bulk load) and recounted by leads_rep_fact_rebuild() (DealFacts' rebuild runs it, also when
-- the business zone changed). Rows left counting nothing are removed.

CREATE TABLE lead_rep_fact (
    month     BOOLEAN NOT NULL,
    day       DATE    NOT NULL,
    rep_id    BIGINT  NOT NULL,
    received  BIGINT  NOT NULL,
    accepted  BIGINT  NOT NULL,
    followed  BIGINT  NOT NULL,
    in_time   BIGINT  NOT NULL,
    PRIMARY KEY (month, day, rep_id)
);

-- The statement adding the signed leads (sign, rep_id, routed_at, status, first_follow_up_at,
-- follow_up_due_at) the query text yields, per day and per month, keys in order.
CREATE FUNCTION leads_rep_fact_sql(contributions TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH c AS (%s),
        d AS (SELECT CAST(c.routed_at AT TIME ZONE s.zone AS DATE) AS day, c.rep_id, c.sign,
                     CASE WHEN c.status = 'ACCEPTED' THEN c.sign ELSE 0 END AS accepted,
                     CASE WHEN c.status <> 'DECLINED' AND c.first_follow_up_at IS NOT NULL THEN c.sign ELSE 0 END AS followed,
                     CASE WHEN c.status <> 'DECLINED' AND c.first_follow_up_at <= c.follow_up_due_at THEN c.sign ELSE 0 END
                       AS in_time
              FROM c CROSS JOIN fact_setting s WHERE c.rep_id IS NOT NULL AND c.routed_at IS NOT NULL),
        g AS (SELECT FALSE AS month, day, rep_id, sign, accepted, followed, in_time FROM d
              UNION ALL
              SELECT TRUE, CAST(date_trunc('month', CAST(day AS TIMESTAMP)) AS DATE), rep_id, sign, accepted, followed, in_time
              FROM d)
        INSERT INTO lead_rep_fact AS f (month, day, rep_id, received, accepted, followed, in_time)
        SELECT month, day, rep_id, sum(sign), sum(accepted), sum(followed), sum(in_time) FROM g
        GROUP BY month, day, rep_id
        HAVING sum(sign) <> 0 OR sum(accepted) <> 0 OR sum(followed) <> 0 OR sum(in_time) <> 0
        ORDER BY month, day, rep_id
        ON CONFLICT (month, day, rep_id)
        DO UPDATE SET received = f.received + EXCLUDED.received, accepted = f.accepted + EXCLUDED.accepted,
                      followed = f.followed + EXCLUDED.followed, in_time = f.in_time + EXCLUDED.in_time
        $sql$, contributions)
$fn$;

CREATE FUNCTION leads_rep_fact_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    LOCK TABLE partner_lead IN SHARE MODE;
    TRUNCATE lead_rep_fact;
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN;
    END IF;
    EXECUTE leads_rep_fact_sql('SELECT 1 AS sign, rep_id, routed_at, status, first_follow_up_at, follow_up_due_at '
        'FROM partner_lead');
END
$fn$;

CREATE FUNCTION leads_rep_fact_on_leads() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        EXECUTE leads_rep_fact_sql('SELECT 1 AS sign, rep_id, routed_at, status, first_follow_up_at, follow_up_due_at '
            'FROM new_rows');
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE leads_rep_fact_sql('SELECT -1 AS sign, rep_id, routed_at, status, first_follow_up_at, follow_up_due_at '
            'FROM old_rows');
    ELSE
        EXECUTE leads_rep_fact_sql('SELECT 1 AS sign, rep_id, routed_at, status, first_follow_up_at, follow_up_due_at '
            'FROM new_rows UNION ALL '
            'SELECT -1, rep_id, routed_at, status, first_follow_up_at, follow_up_due_at FROM old_rows');
    END IF;
    DELETE FROM lead_rep_fact
    WHERE received = 0 AND accepted = 0 AND followed = 0 AND in_time = 0;
    RETURN NULL;
END
$fn$;

CREATE FUNCTION leads_rep_fact_on_truncate() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE lead_rep_fact;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER leads_rep_fact_inserted AFTER INSERT ON partner_lead
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leads_rep_fact_on_leads();
CREATE TRIGGER leads_rep_fact_deleted AFTER DELETE ON partner_lead
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION leads_rep_fact_on_leads();
CREATE TRIGGER leads_rep_fact_updated AFTER UPDATE ON partner_lead
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leads_rep_fact_on_leads();
CREATE TRIGGER leads_rep_fact_truncated AFTER TRUNCATE ON partner_lead
    FOR EACH STATEMENT EXECUTE FUNCTION leads_rep_fact_on_truncate();

CREATE INDEX lead_rep_fact_zero_idx ON lead_rep_fact (day) WHERE received = 0;

-- the period's leads still without a follow-up, whose deadline may have passed by now
CREATE INDEX partner_lead_follow_up_open_idx ON partner_lead (rep_id, routed_at) INCLUDE (follow_up_due_at)
    WHERE status <> 'DECLINED' AND first_follow_up_at IS NULL;

SELECT leads_rep_fact_rebuild();
ANALYZE lead_rep_fact;
