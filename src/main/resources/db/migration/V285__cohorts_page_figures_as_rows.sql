-- The Cohorts page's stored figures as rows (issue 15, co41): the daily job kept each scope's
-- 13 weeks of cohort figures and of the journey as one JSON body (1,561 cohorts x 13 weeks on
-- the large data: every request read and parsed all of it to show a page of the table and 8
-- chart lines). Now one row per scope (0 = the program, else the PAM's user id), cohort and
-- week, written in the job's transaction; the page reads its table's cohorts and its lines by
-- the primary key. The set's time (and the journey's moves per week, 13 numbers) stay in
-- stored_page_figures under new names.
CREATE TABLE cohort_metric_week_kept (
    scope             BIGINT  NOT NULL,
    cohort_id         BIGINT  NOT NULL,
    week_start        DATE    NOT NULL,
    cohort            TEXT    NOT NULL,
    fiscal_week       TEXT    NOT NULL,
    members           INT     NOT NULL,
    pipeline_created  NUMERIC NOT NULL,
    currency          TEXT    NOT NULL,
    ae_referrals      INT     NOT NULL,
    wins              INT     NOT NULL,
    win_velocity_days NUMERIC,
    activation_rate   NUMERIC,
    readiness_p25     NUMERIC,
    readiness_median  NUMERIC,
    readiness_p75     NUMERIC,
    PRIMARY KEY (scope, cohort_id, week_start)
);

CREATE TABLE cohort_journey_week_kept (
    scope        BIGINT NOT NULL,
    cohort_id    BIGINT NOT NULL,
    week_start   DATE   NOT NULL,
    cohort       TEXT   NOT NULL,
    fiscal_week  TEXT   NOT NULL,
    awareness    INT    NOT NULL,
    activation   INT    NOT NULL,
    acceleration INT    NOT NULL,
    moved        INT    NOT NULL,
    PRIMARY KEY (scope, cohort_id, week_start)
);

-- the sets as JSON bodies are no longer read; the job stores the rows on its next run (the
-- page computes per request until then)
DELETE FROM stored_page_figures WHERE name IN ('cohorts.metrics', 'cohorts.journey');
