-- A manager's prompt stays open until a partner is put on the deal (closed_at, the time of that
-- first attachment). One open prompt per deal and rep: a repeated prompt (a double click, two
-- instances, two concurrent requests) stores nothing.
ALTER TABLE partner_prompt ADD COLUMN closed_at TIMESTAMPTZ;

-- prompts answered by a partner put on the deal after them
UPDATE partner_prompt p SET closed_at = d.attached_at
FROM deal_partner_attachment d
WHERE d.opportunity_id = p.opportunity_id AND d.attached_at >= p.prompted_at;

-- repeated prompts stored before this rule: each open prompt followed by a later open one for the
-- same deal and rep is closed when the later one was made, so the latest stays open
UPDATE partner_prompt p SET closed_at = n.next_at
FROM (SELECT id, lead(prompted_at) OVER (PARTITION BY opportunity_id, rep_id ORDER BY prompted_at, id) AS next_at
      FROM partner_prompt WHERE closed_at IS NULL) n
WHERE n.id = p.id AND n.next_at IS NOT NULL;

CREATE UNIQUE INDEX partner_prompt_open_once_idx ON partner_prompt (opportunity_id, rep_id) WHERE closed_at IS NULL;

-- A partner put on a deal (its first attachment, once per deal) answers the deal's open prompts.
CREATE FUNCTION partner_prompt_answered() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    UPDATE partner_prompt p SET closed_at = n.attached_at
    FROM new_rows n
    WHERE p.opportunity_id = n.opportunity_id AND p.closed_at IS NULL;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER partner_prompt_answered AFTER INSERT ON deal_partner_attachment
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION partner_prompt_answered();
