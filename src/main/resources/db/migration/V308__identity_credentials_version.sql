-- One more with each password change: a signed-in session remembers the version it
-- signed in under and ends when the password changed since (the session that changed
-- it takes the new version and stays).
ALTER TABLE app_user ADD COLUMN credentials_version INT NOT NULL DEFAULT 0;

-- Whether a program admin deactivated the user (not a contact imported, or invited and
-- not yet joined, who is deactivated until they join): an invitation does not bring such
-- a user back; only an admin's reactivation does.
ALTER TABLE app_user ADD COLUMN deactivated_by_admin BOOLEAN NOT NULL DEFAULT FALSE;
