-- User administration: a user given a one-time password (the first administrator, or a user
-- an admin created) must choose their own at the next sign-in before anything else.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
-- No one manages themselves; longer cycles are refused by the application (ManagerHierarchy).
ALTER TABLE app_user ADD CONSTRAINT app_user_not_own_manager CHECK (manager_id IS NULL OR manager_id <> id);
CREATE INDEX app_user_role_idx ON app_user (role) WHERE enabled;
