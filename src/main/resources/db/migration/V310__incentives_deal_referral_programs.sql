-- The referral programs that judged a deal at its first win: every REFERRAL program in
-- force on the deal's close day then, whether the deal earned under it or not (a credit
-- share of 0, an amount of 0 or under the configured minimum, a credit type the program
-- pays 0 % for). A later correction, credit decision or new win of the same deal is
-- adjusted under exactly these programs, so a deal that earned nothing at its win earns
-- once its share or amount is raised, and a program created after the win never starts.
CREATE TABLE incentive_deal_program (
    opportunity_id BIGINT NOT NULL REFERENCES incentive_deal_win (opportunity_id),
    program_id     BIGINT NOT NULL REFERENCES incentive_program (id),
    PRIMARY KEY (opportunity_id, program_id)
);

-- Deals judged before this table existed: the programs they earned under, as the rule
-- read them until now (a deal that earned nothing then stays without a program).
INSERT INTO incentive_deal_program (opportunity_id, program_id)
SELECT DISTINCT e.opportunity_id, e.program_id
FROM incentive_earning e JOIN incentive_deal_win w ON w.opportunity_id = e.opportunity_id
WHERE e.kind = 'REFERRAL'
ON CONFLICT DO NOTHING;
