-- Statement triggers pair their transition tables (new_rows, old_rows) only in statements
-- planned at each call (issue 15; the kind of fault found in V167).
--
-- PL/pgSQL prepares a static statement once per session and, as these statements have no
-- parameters, keeps that first plan. A transition table's row count is known to the planner
-- only when it plans, so a session whose first update touched one deal kept a nested loop
-- over new_rows x old_rows and ran it for every later update: quadratic in the rows one
-- statement changes (a 100,000-row UPDATE of a scratch table ran over 10 minutes instead of
-- 0.4 s; V167's update of 148,392 registrations did not finish in 14 minutes).
--
-- Each statement below that joins new_rows to old_rows now runs through EXECUTE, planned with
-- the call's real row counts (a hash join once the sets are large), and the one EXISTS test
-- compares the two sets with EXCEPT, which has no nested-loop plan. What each statement
-- selects is unchanged. TransitionTablePlanTests checks every statement trigger's plans.

CREATE OR REPLACE FUNCTION facts_first_win_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    partners BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM facts_first_win_refresh(ARRAY(SELECT DISTINCT partner_id FROM new_rows
                                              WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM facts_first_win_refresh(ARRAY(SELECT DISTINCT partner_id FROM old_rows
                                              WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL));
    ELSE
        EXECUTE $q$SELECT ARRAY(
            SELECT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            CROSS JOIN LATERAL (VALUES (n.partner_id), (o.partner_id)) AS p(id)
            WHERE (n.stage = 'CLOSED_WON' OR o.stage = 'CLOSED_WON') AND p.id IS NOT NULL
              AND (n.stage, n.closed_at, n.amount, n.currency, n.partner_id)
                  IS DISTINCT FROM (o.stage, o.closed_at, o.amount, o.currency, o.partner_id))$q$ INTO partners;
        PERFORM facts_first_win_refresh(partners);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION facts_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    closing BIGINT[];
    changes TEXT;
    moves TEXT := 'SELECT c.sign, c.partner_id, c.credit_type, c.owner_id, c.currency, sc.changed_at '
        'FROM changes c JOIN opportunity_stage_change sc ON sc.opportunity_id = c.id';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL; -- not built yet: the application builds them at start
    END IF;
    IF TG_OP = 'INSERT' THEN
        changes := 'SELECT 1 AS sign, ' || facts_deal_columns('n') || ' FROM new_rows n';
        moves := 'SELECT c.sign, c.partner_id, c.credit_type, c.owner_id, c.currency, NULL::TIMESTAMPTZ AS changed_at '
            'FROM changes c WHERE FALSE';
        closing := ARRAY(SELECT id FROM new_rows WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST'));
    ELSIF TG_OP = 'DELETE' THEN
        changes := 'SELECT -1 AS sign, ' || facts_deal_columns('o') || ' FROM old_rows o';
        closing := ARRAY(SELECT id FROM old_rows WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST'));
    ELSE
        -- only deals whose counted columns changed (a renamed deal changes nothing)
        changes := 'WITH moved AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id '
            'WHERE (n.partner_id, n.credit_type, n.owner_id, n.currency, n.amount, n.stage, n.created_at, n.closed_at) '
            'IS DISTINCT FROM (o.partner_id, o.credit_type, o.owner_id, o.currency, o.amount, o.stage, o.created_at, o.closed_at)) '
            'SELECT 1 AS sign, ' || facts_deal_columns('n') || ' FROM new_rows n WHERE n.id IN (SELECT id FROM moved) '
            'UNION ALL SELECT -1, ' || facts_deal_columns('o') || ' FROM old_rows o WHERE o.id IN (SELECT id FROM moved)';
        -- closed before or after, and its stage, partner or creation changed
        EXECUTE $q$SELECT ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.stage IN ('CLOSED_WON', 'CLOSED_LOST') OR o.stage IN ('CLOSED_WON', 'CLOSED_LOST'))
              AND (n.stage, n.partner_id, n.created_at) IS DISTINCT FROM (o.stage, o.partner_id, o.created_at))$q$
            INTO closing;
    END IF;
    EXECUTE facts_delta_sql(changes, moves);
    PERFORM forecast_counts_refresh(closing);
    RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION facts_recency_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    partners BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM facts_recency_refresh(ARRAY(SELECT DISTINCT partner_id FROM new_rows
                                            WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM facts_recency_refresh(ARRAY(SELECT DISTINCT partner_id FROM old_rows
                                            WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL));
    ELSE
        EXECUTE $q$SELECT ARRAY(
            SELECT DISTINCT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            CROSS JOIN LATERAL (VALUES (n.partner_id), (o.partner_id)) AS p(id)
            WHERE (n.stage = 'CLOSED_WON' OR o.stage = 'CLOSED_WON') AND p.id IS NOT NULL
              AND (n.stage, n.closed_at, n.partner_id) IS DISTINCT FROM (o.stage, o.closed_at, o.partner_id))$q$
            INTO partners;
        PERFORM facts_recency_refresh(partners);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION facts_recency_on_partners() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    partners BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM facts_recency_refresh(ARRAY(SELECT id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM facts_recency_refresh(ARRAY(SELECT id FROM old_rows));
    ELSE
        EXECUTE $q$SELECT ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.lifecycle_status, n.onboarded_on) IS DISTINCT FROM (o.lifecycle_status, o.onboarded_on))$q$
            INTO partners;
        PERFORM facts_recency_refresh(partners);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION forecast_open_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    deals BIGINT[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM forecast_open_refresh(ARRAY(SELECT n.id FROM new_rows n
            WHERE n.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM forecast_open_refresh(ARRAY(SELECT o.id FROM old_rows o
            WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')));
    ELSE
        EXECUTE $q$SELECT ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') OR o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST'))
              AND (n.stage, n.amount, n.currency, n.partner_id, n.stage_entered_at, n.close_date, n.created_at)
                  IS DISTINCT FROM (o.stage, o.amount, o.currency, o.partner_id, o.stage_entered_at, o.close_date, o.created_at))$q$
            INTO deals;
        PERFORM forecast_open_refresh(deals);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION hygiene_owner_mismatch_on_accounts() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    deals BIGINT[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM hygiene_owner_mismatch_refresh(ARRAY(SELECT d.id FROM opportunity d JOIN old_rows o ON d.account_id = o.id
            WHERE d.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')));
    ELSE
        EXECUTE $q$SELECT ARRAY(SELECT d.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            JOIN opportunity d ON d.account_id = n.id
            WHERE n.owner_ae_id IS DISTINCT FROM o.owner_ae_id AND d.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST'))$q$
            INTO deals;
        PERFORM hygiene_owner_mismatch_refresh(deals);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION hygiene_owner_mismatch_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    deals BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM hygiene_owner_mismatch_refresh(ARRAY(SELECT n.id FROM new_rows n
            WHERE n.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND n.account_id IS NOT NULL));
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM hygiene_owner_mismatch m USING old_rows o WHERE m.opportunity_id = o.id;
    ELSE
        EXECUTE $q$SELECT ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.stage, n.owner_id, n.account_id, n.partner_id)
                  IS DISTINCT FROM (o.stage, o.owner_id, o.account_id, o.partner_id))$q$
            INTO deals;
        PERFORM hygiene_owner_mismatch_refresh(deals);
    END IF;
    RETURN NULL;
END
$fn$;

-- V167's setting (enable_nestloop = off) is no longer needed: the EXISTS test below has no join
ALTER FUNCTION registration_decision_on_registrations() RESET enable_nestloop;

CREATE OR REPLACE FUNCTION registration_decision_on_registrations() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT EXISTS (SELECT 1 FROM new_rows WHERE approved_at IS NOT NULL)
           OR NOT EXISTS (SELECT 1 FROM fact_setting) THEN
            RETURN NULL;
        END IF;
        EXECUTE registration_decision_sql('SELECT 1 AS sign, submitted_at, approved_at FROM new_rows', pg_backend_pid() % 8);
    ELSIF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM old_rows WHERE approved_at IS NOT NULL)
           OR NOT EXISTS (SELECT 1 FROM fact_setting) THEN
            RETURN NULL;
        END IF;
        EXECUTE registration_decision_sql('SELECT -1 AS sign, submitted_at, approved_at FROM old_rows', pg_backend_pid() % 8);
    ELSE
        -- a registration whose approval or submission moment changed (EXCEPT: NULLs compare equal)
        IF NOT EXISTS (SELECT id, approved_at, submitted_at FROM new_rows
                       EXCEPT SELECT id, approved_at, submitted_at FROM old_rows)
           OR NOT EXISTS (SELECT 1 FROM fact_setting) THEN
            RETURN NULL;
        END IF;
        EXECUTE registration_decision_sql('WITH moved AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id '
            'WHERE (n.approved_at, n.submitted_at) IS DISTINCT FROM (o.approved_at, o.submitted_at)) '
            'SELECT 1 AS sign, n.submitted_at, n.approved_at FROM new_rows n WHERE n.id IN (SELECT id FROM moved) '
            'UNION ALL SELECT -1, o.submitted_at, o.approved_at FROM old_rows o WHERE o.id IN (SELECT id FROM moved)',
            pg_backend_pid() % 8);
    END IF;
    DELETE FROM registration_decision_fact WHERE approved_count = 0;
    RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION roi_hours_month_fact_on_items() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    EXECUTE $q$INSERT INTO roi_hours_month_fact AS f (month, partner_id, completions, hours)
        SELECT roi_month_of(c.completed_on), c.partner_id, 0, sum(n.hours - o.hours)
        FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.hours IS DISTINCT FROM n.hours
        JOIN enablement_completion c ON c.item_id = n.id
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (month, partner_id) DO UPDATE SET hours = f.hours + EXCLUDED.hours$q$;
    RETURN NULL;
END
$fn$;
