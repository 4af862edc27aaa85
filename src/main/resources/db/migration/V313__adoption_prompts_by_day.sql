-- The adoption page counts each rep's prompted partner deals of a period from the period's
-- prompts (a prompt is written on an existing deal, so at or after the deal's creation):
-- the prompts by the moment they were written, with their deal (module adoption, issue 15;
-- s63: the per-rep figures read the period's partner deals first, 2.5 s on the large data).
CREATE INDEX IF NOT EXISTS partner_prompt_prompted_at_idx ON partner_prompt (prompted_at) INCLUDE (opportunity_id);
