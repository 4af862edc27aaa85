-- The program's ideal customer profile, set by an admin on /guidance/icp (one row at most;
-- no row = no ICP). Each list holds the values as Icp.of cleaned them.
CREATE TABLE guidance_icp (
    id             boolean     PRIMARY KEY DEFAULT true CHECK (id),
    industries     text[]      NOT NULL,
    employee_bands text[]      NOT NULL,
    countries      text[]      NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     bigint      REFERENCES app_user (id)
);
