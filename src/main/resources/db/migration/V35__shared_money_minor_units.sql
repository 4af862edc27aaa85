-- Money columns hold every currency's own minor unit: ISO 4217 goes up to four decimals
-- (BHD, KWD, OMR three; CLF four), so each amount column keeps four, with the seventeen
-- integer digits it had. What an amount is rounded to is decided by its currency in the
-- application (shared/MinorUnits), never by the column; reads bring each amount back to
-- its currency's scale.
ALTER TABLE opportunity ALTER COLUMN amount TYPE NUMERIC(21, 4);
ALTER TABLE deal_registration ALTER COLUMN amount TYPE NUMERIC(21, 4);
ALTER TABLE incentive_earning ALTER COLUMN amount TYPE NUMERIC(21, 4);
ALTER TABLE payout_item ALTER COLUMN amount TYPE NUMERIC(21, 4);
ALTER TABLE mdf_request
    ALTER COLUMN cost TYPE NUMERIC(21, 4),
    ALTER COLUMN expected_pipeline TYPE NUMERIC(21, 4),
    ALTER COLUMN partner_investment TYPE NUMERIC(21, 4),
    ALTER COLUMN approved_amount TYPE NUMERIC(21, 4);
ALTER TABLE mdf_claim ALTER COLUMN amount TYPE NUMERIC(21, 4);
ALTER TABLE forecast_quota ALTER COLUMN amount TYPE NUMERIC(21, 4);
ALTER TABLE forecast_snapshot
    ALTER COLUMN commit TYPE NUMERIC(21, 4),
    ALTER COLUMN best_case TYPE NUMERIC(21, 4),
    ALTER COLUMN weighted TYPE NUMERIC(21, 4),
    ALTER COLUMN closed TYPE NUMERIC(21, 4);
ALTER TABLE activation_plan
    ALTER COLUMN target_pipeline TYPE NUMERIC(21, 4),
    ALTER COLUMN target_revenue TYPE NUMERIC(21, 4);
