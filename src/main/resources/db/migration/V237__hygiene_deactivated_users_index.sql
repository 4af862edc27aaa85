-- The hygiene check "deactivated owners" (module hygiene, issue 15): its count and records
-- look for the deals of the users who are not enabled, and found those users by reading every
-- user (75,000 on the large dataset, 17-32 ms on each /hygiene summary). The few deactivated
-- users from this index instead; each then leads to their open deals by
-- opportunity_open_owner_idx.
CREATE INDEX app_user_deactivated_idx ON app_user (id) WHERE NOT enabled;
