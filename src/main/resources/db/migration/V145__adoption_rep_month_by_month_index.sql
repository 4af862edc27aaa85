-- The adoption page's per-rep figures (module adoption, issue 15) read a period's whole months of
-- rep_month_fact (V119) for every rep a viewer sees: 400 reps for an admin or a PAM. Through the
-- primary key (owner_id, month, ...) that was one descent per rep and one heap page per month row
-- (4,800 rows, 5,290 buffers on the large data for 2026-Q4). This index holds a month's rows of
-- every rep side by side with the figures, so a quarter is one range read from the index alone.
CREATE INDEX rep_month_fact_month_idx ON rep_month_fact (month, owner_id)
    INCLUDE (partner_involved, created_count, won_count, lost_count, won_cycle_days);
