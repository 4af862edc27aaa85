-- The program's tier page (module tiers, issue 15) lists the 25 newest tier changes of every
-- partner (effective day, then id, newest first). Without an index in that order every change
-- was read and sorted per request (56 ms of the admin's page on the large dataset, quiet
-- machine). With it the page reads its rows from the index's start.
CREATE INDEX tier_change_newest_idx ON tier_change (effective_on DESC, id DESC);
