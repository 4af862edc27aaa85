-- One more with each password change: a signed-in session remembers the version it
-- signed in under and ends when the password changed since (the session that changed
-- it takes the new version and stays).
ALTER TABLE app_user ADD COLUMN credentials_version INT NOT NULL DEFAULT 0;
