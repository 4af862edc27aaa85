-- The conflict check's two name searches (registration_names_like, account_names_like) read
-- their GIN indexes on every registration. With fastupdate (PostgreSQL's default) a new name
-- first goes to the index's pending list, which every search reads in full and which the
-- planner costs as such: on the large dataset 3,000 new names (a busy hour's registrations
-- before autovacuum moves them) made the search 2.4 → 20.5 ms, the planner leaving the GIN
-- index for a scan of every name of the shape; in RegistrationBenchmark with 10,000 warm-up
-- registrations it was 12 ms of the registration's 40 ms of statements. Without the pending
-- list a new name costs its own index entries at once (about 0.15 ms more per new name, once)
-- and a search stays what it is after a vacuum. The lists are emptied here as the setting
-- only applies to later inserts.
ALTER INDEX registration_name_words_idx SET (fastupdate = off);
ALTER INDEX account_name_words_trgm_idx SET (fastupdate = off);

SELECT gin_clean_pending_list('registration_name_words_idx'), gin_clean_pending_list('account_name_words_trgm_idx');
