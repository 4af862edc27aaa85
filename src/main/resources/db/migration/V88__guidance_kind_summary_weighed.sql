-- Per kind, the recommendations that have had their chance to be acted on: decided (accepted
-- or dismissed) or shown at least Usefulness.DAYS_TO_ACT days before the summary's day. The
-- acceptance rate is taken over these, so a fresh program is not ranked down on its first day.
-- The daily run rewrites the summary; until then the column counts nothing.
ALTER TABLE guidance_kind_summary ADD COLUMN weighed BIGINT NOT NULL DEFAULT 0;
