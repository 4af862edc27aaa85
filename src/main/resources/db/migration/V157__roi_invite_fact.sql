-- The ROI page's AE pull-through (module roi, issue 15) read, per request, every invitation of
-- the quarter: the co-sell requests and the reps' deal attachments (98,074 on the large data),
-- to count them per partner and rep. The counts per fiscal quarter, partner and rep are kept
-- instead:
--
-- roi_invite_fact: per fiscal quarter (its first day), partner and inviting user, how many
-- co-sell requests the user made of the partner (requested_at in the quarter) and how many of
-- its deals the user attached the partner to by hand (via = 'REP', attached_at in the
-- quarter). Every inviting user is kept, whatever their role: the read keeps the reps (AE,
-- sales manager) by their role now, as it did. A row falls away when both counts are zero.
-- Kept by statement triggers on cosell_request and deal_partner_attachment (inserted rows
-- added, deleted ones taken away, an update both; a TRUNCATE takes the table's part away);
-- one trigger function for both tables, the table's columns chosen by the trigger's argument.
-- roi_invite_fact_rebuild() recomputes it (the upgrade, a change of the business zone or the
-- fiscal quarters, a repair).
--
-- The quarter of a moment is the fiscal quarter of its business month: the business zone is
-- now kept in roi_quarter_setting.zone beside the quarters' first month; the application
-- writes both at start and rebuilds what depends on them when they changed (RoiQuarterFacts).
-- The upgrade takes the zone the deal facts were counted in, UTC without them.

ALTER TABLE roi_quarter_setting ADD COLUMN zone TEXT NOT NULL DEFAULT 'UTC';
UPDATE roi_quarter_setting SET zone = f.zone FROM fact_setting f;

CREATE TABLE roi_invite_fact (
    quarter     DATE   NOT NULL,
    partner_id  BIGINT NOT NULL,
    rep_id      BIGINT NOT NULL,
    requests    BIGINT NOT NULL,
    attachments BIGINT NOT NULL,
    -- the program's quarter read from the key alone
    PRIMARY KEY (quarter, partner_id, rep_id) INCLUDE (requests, attachments)
);
-- one partner's quarters (a PAM's book, a partner user)
CREATE INDEX roi_invite_fact_partner_idx ON roi_invite_fact (partner_id, quarter)
    INCLUDE (rep_id, requests, attachments);
-- the rows left at zero, which the trigger removes after each change
CREATE INDEX roi_invite_fact_empty_idx ON roi_invite_fact (quarter) WHERE requests = 0 AND attachments = 0;

-- The first day of the fiscal quarter a moment falls in, in the given zone.
CREATE FUNCTION roi_quarter_at(at TIMESTAMPTZ, zone TEXT, first_month SMALLINT) RETURNS DATE
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $fn$
SELECT roi_quarter_of(CAST(date_trunc('month', at AT TIME ZONE zone) AS DATE), first_month)
$fn$;

-- The statement that adds the signed invitations the query text yields (columns: sign, at,
-- partner_id, rep_id, requests, attachments) to their quarters, keys in order; an invitation
-- without a user (an attachment whose user is not known) is no rep's.
CREATE FUNCTION roi_invite_fact_sql(rows TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH r AS (%s)
        INSERT INTO roi_invite_fact AS f (quarter, partner_id, rep_id, requests, attachments)
        SELECT roi_quarter_at(r.at, s.zone, s.first_month), r.partner_id, r.rep_id, sum(r.sign * r.requests),
               sum(r.sign * r.attachments)
        FROM r CROSS JOIN roi_quarter_setting s
        WHERE r.rep_id IS NOT NULL
        GROUP BY 1, 2, 3
        HAVING sum(r.sign * r.requests) <> 0 OR sum(r.sign * r.attachments) <> 0
        ORDER BY 1, 2, 3
        ON CONFLICT (quarter, partner_id, rep_id) DO UPDATE SET
            requests = f.requests + EXCLUDED.requests, attachments = f.attachments + EXCLUDED.attachments
        $sql$, rows)
$fn$;

-- TG_ARGV[0]: 'request' (cosell_request) or 'attachment' (deal_partner_attachment).
CREATE FUNCTION roi_invite_fact_on_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    part CONSTANT TEXT := CASE TG_ARGV[0]
        WHEN 'request' THEN 'SELECT %s AS sign, requested_at AS at, partner_id, requested_by AS rep_id, '
            || '1 AS requests, 0 AS attachments FROM %s'
        ELSE 'SELECT %s AS sign, attached_at AS at, partner_id, attached_by AS rep_id, 0 AS requests, '
            || '1 AS attachments FROM %s WHERE via = ''REP''' END;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        IF TG_ARGV[0] = 'request' THEN
            UPDATE roi_invite_fact SET requests = 0 WHERE requests <> 0;
        ELSE
            UPDATE roi_invite_fact SET attachments = 0 WHERE attachments <> 0;
        END IF;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE roi_invite_fact_sql(format(part, 1, 'new_rows'));
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE roi_invite_fact_sql(format(part, -1, 'old_rows'));
    ELSE
        EXECUTE roi_invite_fact_sql(format(part, 1, 'new_rows') || ' UNION ALL ' || format(part, -1, 'old_rows'));
    END IF;
    DELETE FROM roi_invite_fact WHERE requests = 0 AND attachments = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER roi_invite_fact_request_inserted AFTER INSERT ON cosell_request
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_invite_fact_on_change('request');
CREATE TRIGGER roi_invite_fact_request_updated AFTER UPDATE ON cosell_request
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_invite_fact_on_change('request');
CREATE TRIGGER roi_invite_fact_request_deleted AFTER DELETE ON cosell_request
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_invite_fact_on_change('request');
CREATE TRIGGER roi_invite_fact_request_truncated AFTER TRUNCATE ON cosell_request
    FOR EACH STATEMENT EXECUTE FUNCTION roi_invite_fact_on_change('request');

CREATE TRIGGER roi_invite_fact_attachment_inserted AFTER INSERT ON deal_partner_attachment
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_invite_fact_on_change('attachment');
CREATE TRIGGER roi_invite_fact_attachment_updated AFTER UPDATE ON deal_partner_attachment
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_invite_fact_on_change('attachment');
CREATE TRIGGER roi_invite_fact_attachment_deleted AFTER DELETE ON deal_partner_attachment
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_invite_fact_on_change('attachment');
CREATE TRIGGER roi_invite_fact_attachment_truncated AFTER TRUNCATE ON deal_partner_attachment
    FOR EACH STATEMENT EXECUTE FUNCTION roi_invite_fact_on_change('attachment');

-- Recomputes the fact from the invitations in the set quarters and zone.
CREATE FUNCTION roi_invite_fact_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    DELETE FROM roi_invite_fact;
    INSERT INTO roi_invite_fact (quarter, partner_id, rep_id, requests, attachments)
    SELECT roi_quarter_at(r.at, s.zone, s.first_month), r.partner_id, r.rep_id, sum(r.requests), sum(r.attachments)
    FROM (SELECT requested_at AS at, partner_id, requested_by AS rep_id, 1 AS requests, 0 AS attachments
          FROM cosell_request
          UNION ALL
          SELECT attached_at, partner_id, attached_by, 0, 1 FROM deal_partner_attachment
          WHERE via = 'REP' AND attached_by IS NOT NULL) r
    CROSS JOIN roi_quarter_setting s
    GROUP BY 1, 2, 3;
END
$fn$;

SELECT roi_invite_fact_rebuild();
ANALYZE roi_invite_fact;
