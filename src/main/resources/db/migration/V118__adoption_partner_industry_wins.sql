-- The adoption page's "partners who could help" on a deal without a partner (module adoption,
-- issue 15): active tier 1 or 2 partners working in the account's industry, ranked by the deals
-- they won in that industry. The ranking counted every deal of every such partner, joined to
-- its account, once per industry shown (seconds each on 2 million deals). The wins are kept
-- here instead: per industry and partner, the partner's won deals (stage CLOSED_WON) whose
-- account is in that industry; a pair without wins has no row.
--
-- Statement triggers move the counts in the statement that changed a deal (won, reopened,
-- partner or account changed, created or deleted won) or an account's industry;
-- partner_industry_win_rebuild() recomputes them (the facts rebuild runs it). Like the deal
-- facts they are skipped while fact_setting is empty (a bulk load), and rebuilt after.
-- One row per (industry, partner): a deal write touches only its partner's row.

CREATE TABLE partner_industry_win (
    industry   TEXT   NOT NULL,
    partner_id BIGINT NOT NULL,
    wins       BIGINT NOT NULL,
    PRIMARY KEY (industry, partner_id)
);
-- the most wins first within an industry
CREATE INDEX partner_industry_win_rank_idx ON partner_industry_win (industry, wins DESC, partner_id);
-- the rows whose count fell to zero, removed by the triggers in a statement of their own (a
-- data-modifying CTE cannot delete a row its INSERT … ON CONFLICT just updated)
CREATE INDEX partner_industry_win_zero_idx ON partner_industry_win (industry) WHERE wins = 0;

-- The statement that adds the signed contributions (sign, partner_id, industry) the query
-- text yields. Keys in order, so concurrent writers lock
-- rows in one order. The text may read the trigger's transition tables, so the trigger
-- function EXECUTEs it itself.
CREATE FUNCTION partner_industry_win_sql(contributions TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH c AS (%s)
        INSERT INTO partner_industry_win AS w (industry, partner_id, wins)
        SELECT industry, partner_id, sum(sign) FROM c
        WHERE partner_id IS NOT NULL AND industry IS NOT NULL
        GROUP BY industry, partner_id HAVING sum(sign) <> 0 ORDER BY industry, partner_id
        ON CONFLICT (industry, partner_id) DO UPDATE SET wins = w.wins + EXCLUDED.wins
        $sql$, contributions)
$fn$;

CREATE FUNCTION partner_industry_win_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE partner_industry_win;
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN;
    END IF;
    INSERT INTO partner_industry_win (industry, partner_id, wins)
    SELECT a.industry, o.partner_id, count(*) FROM opportunity o JOIN account a ON a.id = o.account_id
    WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL AND a.industry IS NOT NULL
    GROUP BY a.industry, o.partner_id;
END
$fn$;

-- Deals: won deals added and taken away under their account's industry.
CREATE FUNCTION partner_industry_win_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        EXECUTE partner_industry_win_sql('SELECT 1 AS sign, n.partner_id, a.industry FROM new_rows n '
            'JOIN account a ON a.id = n.account_id WHERE n.stage = ''CLOSED_WON''');
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE partner_industry_win_sql('SELECT -1 AS sign, o.partner_id, a.industry FROM old_rows o '
            'JOIN account a ON a.id = o.account_id WHERE o.stage = ''CLOSED_WON''');
    ELSE
        EXECUTE partner_industry_win_sql('WITH moved AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id '
            'WHERE (n.stage = ''CLOSED_WON'' OR o.stage = ''CLOSED_WON'') '
            'AND (n.stage, n.partner_id, n.account_id) IS DISTINCT FROM (o.stage, o.partner_id, o.account_id)) '
            'SELECT 1 AS sign, n.partner_id, a.industry FROM new_rows n JOIN account a ON a.id = n.account_id '
            'WHERE n.stage = ''CLOSED_WON'' AND n.id IN (SELECT id FROM moved) '
            'UNION ALL SELECT -1, o.partner_id, a.industry FROM old_rows o JOIN account a ON a.id = o.account_id '
            'WHERE o.stage = ''CLOSED_WON'' AND o.id IN (SELECT id FROM moved)');
    END IF;
    DELETE FROM partner_industry_win WHERE wins = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER partner_industry_win_deals_inserted AFTER INSERT ON opportunity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION partner_industry_win_on_deals();
CREATE TRIGGER partner_industry_win_deals_updated AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION partner_industry_win_on_deals();
CREATE TRIGGER partner_industry_win_deals_deleted AFTER DELETE ON opportunity
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION partner_industry_win_on_deals();

-- Accounts: an account's won partner deals move from its former industry to its new one.
CREATE FUNCTION partner_industry_win_on_accounts() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    EXECUTE partner_industry_win_sql('WITH changed AS (SELECT n.id, o.industry AS before, n.industry AS after '
        'FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.industry IS DISTINCT FROM o.industry), '
        'won AS (SELECT c.before, c.after, d.partner_id FROM changed c JOIN opportunity d ON d.account_id = c.id '
        'WHERE d.stage = ''CLOSED_WON'' AND d.partner_id IS NOT NULL) '
        'SELECT 1 AS sign, partner_id, after AS industry FROM won UNION ALL SELECT -1, partner_id, before FROM won');
    DELETE FROM partner_industry_win WHERE wins = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER partner_industry_win_accounts_updated AFTER UPDATE ON account
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION partner_industry_win_on_accounts();

SELECT partner_industry_win_rebuild();

-- The capable partners (active, tier 1 or 2) by name: the could-help list's partners without
-- wins in an industry are taken in name order from here when fewer than three have wins.
CREATE INDEX partner_capable_name_idx ON partner (name)
    WHERE lifecycle_status = 'ACTIVE' AND tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING');
