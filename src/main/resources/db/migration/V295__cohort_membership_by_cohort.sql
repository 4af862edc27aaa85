-- The members of a cohort by cohort (roi43): the ROI page sums the members of the 25
-- cohorts it shows and finds the cohorts with members at a moment by cohort, instead of
-- reading every membership (37,000 on the large dataset) twice per request.
CREATE INDEX cohort_membership_cohort ON cohort_membership (cohort_id, valid_from);
