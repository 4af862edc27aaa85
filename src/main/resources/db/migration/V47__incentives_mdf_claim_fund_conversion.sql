-- An MDF claim draws on the partner's fund in the fund's own currency: the claim's amount
-- converted at the rate of the day it was claimed, kept with that rate and day so the
-- statement shows the fund in one currency and how each claim was converted.
ALTER TABLE mdf_claim
    ADD COLUMN fund_currency VARCHAR(3),
    ADD COLUMN fund_amount   NUMERIC(21, 4),
    ADD COLUMN fund_rate     NUMERIC(30, 12),
    ADD COLUMN converted_on  DATE;

-- claims made before: those in the fund's own currency drew their amount at rate 1;
-- others are converted when read, at the current rate (and say so)
UPDATE mdf_claim c
SET fund_currency = r.currency, fund_amount = c.amount, fund_rate = 1, converted_on = CAST(c.claimed_at AS DATE)
FROM mdf_request r
WHERE r.id = c.request_id
  AND r.currency = (SELECT e.currency FROM incentive_earning e
                    WHERE e.partner_id = r.partner_id AND e.kind = 'MDF_FUND'
                    ORDER BY e.earned_at, e.id LIMIT 1);
