-- An approved MDF request's claim deadline (module incentives, s55): the business day
-- after which it can no longer be claimed, set at approval to that day plus
-- trellis.incentives.mdf-claim-days. Past it the approval lapses: what was not claimed
-- stops holding the partner's fund (MdfFundBook.free) and a claim is refused. Approvals
-- made before this column keep no deadline (NULL): they were promised without one.
ALTER TABLE mdf_request ADD COLUMN claim_by DATE;
ALTER TABLE mdf_request ADD CONSTRAINT mdf_request_claim_by_approved CHECK (claim_by IS NULL OR status = 'APPROVED');
