-- A user's locale (BCP 47 tag such as en-US, de-DE) and time zone (IANA id such as
-- Europe/Berlin) for reading numbers and dates on pages; NULL reads with the program's
-- business locale and zone. Business rules (quarters, SLAs) stay in the business zone.
ALTER TABLE app_user ADD COLUMN locale TEXT;
ALTER TABLE app_user ADD COLUMN time_zone TEXT;
ALTER TABLE app_user ADD CONSTRAINT app_user_locale_length CHECK (length(locale) <= 35);
ALTER TABLE app_user ADD CONSTRAINT app_user_time_zone_length CHECK (length(time_zone) <= 64);
